package org.redress.engine.state;

import java.time.Instant;

/** An incident: an expected failure that stops one element until someone resolves it. */
public final class Incident extends ChangeTracked {

  private final long key;
  private final String errorType;
  private final String errorMessage;
  private final String elementId;
  private final long elementInstanceKey;
  private final Long jobKey;
  private final long processInstanceKey;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final String tenantId;
  private final Instant creationTime;
  private String state;
  private Instant resolvedTime;

  public Incident(
      long key,
      String errorType,
      String errorMessage,
      String state,
      String elementId,
      long elementInstanceKey,
      Long jobKey,
      long processInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String tenantId,
      Instant creationTime,
      Instant resolvedTime,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
    this.state = state;
    this.elementId = elementId;
    this.elementInstanceKey = elementInstanceKey;
    this.jobKey = jobKey;
    this.processInstanceKey = processInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.tenantId = tenantId;
    this.creationTime = creationTime;
    this.resolvedTime = resolvedTime;
  }

  public long key() {
    return key;
  }

  public String errorType() {
    return errorType;
  }

  public String errorMessage() {
    return errorMessage;
  }

  public String state() {
    return state;
  }

  public boolean isActive() {
    return "ACTIVE".equals(state);
  }

  public String elementId() {
    return elementId;
  }

  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  public Long jobKey() {
    return jobKey;
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

  public String tenantId() {
    return tenantId;
  }

  public Instant creationTime() {
    return creationTime;
  }

  public Instant resolvedTime() {
    return resolvedTime;
  }

  public void resolve(Instant now) {
    state = "RESOLVED";
    resolvedTime = now;
    changed();
  }
}
