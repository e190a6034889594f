package org.redress.engine.state;

import java.time.Instant;
import java.util.Map;

/** A job for a worker. Mutable inside one command; written by the store on commit. */
public final class Job extends ChangeTracked {

  private final long key;
  private final String type;
  private final String kind;
  private final String listenerEventType;
  private final Map<String, String> customHeaders;
  private final String elementId;
  private final long elementInstanceKey;
  private final long[] scopeKeys;
  private final long processInstanceKey;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final int version;
  private final String tenantId;
  private final Instant createdAt;
  private JobState state;
  private String intent;
  // The intent as loaded (null for a new job): a change of intent is a job event for metrics.
  private final String loadedIntent;
  private int retries;
  private String worker;
  private Instant deadline;
  private Instant recurAt;
  private String errorMessage;
  private String errorCode;
  private boolean hasFailedWithRetriesLeft;
  private Instant endTime;

  public Job(
      long key,
      String type,
      JobState state,
      String intent,
      String kind,
      String listenerEventType,
      int retries,
      String worker,
      Instant deadline,
      Instant recurAt,
      String errorMessage,
      String errorCode,
      Map<String, String> customHeaders,
      String elementId,
      long elementInstanceKey,
      long[] scopeKeys,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      int version,
      String tenantId,
      boolean hasFailedWithRetriesLeft,
      Instant createdAt,
      Instant endTime,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.type = type;
    this.state = state;
    this.intent = intent;
    this.loadedIntent = isNew ? null : intent;
    this.kind = kind;
    this.listenerEventType = listenerEventType;
    this.retries = retries;
    this.worker = worker;
    this.deadline = deadline;
    this.recurAt = recurAt;
    this.errorMessage = errorMessage;
    this.errorCode = errorCode;
    this.customHeaders = customHeaders;
    this.elementId = elementId;
    this.elementInstanceKey = elementInstanceKey;
    this.scopeKeys = scopeKeys;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.version = version;
    this.tenantId = tenantId;
    this.hasFailedWithRetriesLeft = hasFailedWithRetriesLeft;
    this.createdAt = createdAt;
    this.endTime = endTime;
  }

  public long key() {
    return key;
  }

  public String type() {
    return type;
  }

  public JobState state() {
    return state;
  }

  public String intent() {
    return intent;
  }

  /**
   * The job events this command caused, in order: {@code CREATED} for a new job, then its intent
   * when the command changed it (completed, failed, canceled, ...). Empty when untouched.
   */
  public java.util.List<String> eventsOfThisCommand() {
    if (isNew()) {
      return "CREATED".equals(intent)
          ? java.util.List.of("CREATED")
          : java.util.List.of("CREATED", intent);
    }
    if (isDirty() && !intent.equals(loadedIntent)) {
      return java.util.List.of(intent);
    }
    return java.util.List.of();
  }

  public String kind() {
    return kind;
  }

  public String listenerEventType() {
    return listenerEventType;
  }

  public int retries() {
    return retries;
  }

  public String worker() {
    return worker;
  }

  public Instant deadline() {
    return deadline;
  }

  public Instant recurAt() {
    return recurAt;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public String errorCode() {
    return errorCode;
  }

  public Map<String, String> customHeaders() {
    return customHeaders;
  }

  public String elementId() {
    return elementId;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  /** The job's element instance and its flow scopes, innermost first. */
  public long[] scopeKeys() {
    return scopeKeys;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public int version() {
    return version;
  }

  public String tenantId() {
    return tenantId;
  }

  public boolean hasFailedWithRetriesLeft() {
    return hasFailedWithRetriesLeft;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant endTime() {
    return endTime;
  }

  public void complete(Instant now) {
    state = JobState.COMPLETED;
    intent = "COMPLETED";
    endTime = now;
    changed();
  }

  public void cancel(Instant now) {
    state = JobState.CANCELED;
    intent = "CANCELED";
    endTime = now;
    changed();
  }

  /**
   * Records a failure with the retries the worker sent. With retries left the job is activatable
   * again at {@code recurAt} (now when there is no back-off); without, it waits for an incident.
   */
  public void fail(int newRetries, String message, Instant recurAt) {
    retries = newRetries;
    errorMessage = message;
    intent = "FAILED";
    worker = null;
    deadline = null;
    if (newRetries > 0) {
      hasFailedWithRetriesLeft = true;
      if (recurAt == null) {
        state = JobState.ACTIVATABLE;
        this.recurAt = null;
      } else {
        state = JobState.FAILED;
        this.recurAt = recurAt;
      }
    } else {
      state = JobState.FAILED;
      this.recurAt = null;
    }
    changed();
  }

  public void throwError(String code, String message) {
    state = JobState.ERROR_THROWN;
    intent = "ERROR_THROWN";
    errorCode = code;
    errorMessage = message;
    worker = null;
    deadline = null;
    changed();
  }

  public void updateRetries(int newRetries) {
    retries = newRetries;
    intent = "RETRIES_UPDATED";
    changed();
  }

  /** A new lease end; the REST job state enum has no TIMEOUT_UPDATED, so the intent stays. */
  public void updateDeadline(Instant newDeadline) {
    deadline = newDeadline;
    changed();
  }

  /** After an incident on this job is resolved: workers may take it again. */
  public void makeActivatable() {
    state = JobState.ACTIVATABLE;
    worker = null;
    deadline = null;
    recurAt = null;
    changed();
  }
}
