package org.redress.engine.state;

import java.time.Instant;

/** A timer; mutable inside one command, written by the store on commit. */
public final class Timer extends ChangeTracked {

  private final long key;
  private final Long processInstanceKey;
  private final Long elementInstanceKey;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final String targetElementId;
  private final String cycle;
  private final String tenantId;
  private final Instant createdAt;
  private Instant dueDate;
  private int repetitions;
  private String state;

  public Timer(
      long key,
      Long processInstanceKey,
      Long elementInstanceKey,
      long processDefinitionKey,
      String bpmnProcessId,
      String targetElementId,
      Instant dueDate,
      int repetitions,
      String cycle,
      String state,
      String tenantId,
      Instant createdAt,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.elementInstanceKey = elementInstanceKey;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.targetElementId = targetElementId;
    this.dueDate = dueDate;
    this.repetitions = repetitions;
    this.cycle = cycle;
    this.state = state;
    this.tenantId = tenantId;
    this.createdAt = createdAt;
  }

  public long key() {
    return key;
  }

  public Long processInstanceKey() {
    return processInstanceKey;
  }

  /** The element instance whose scope owns the timer; null for a timer start event. */
  public Long elementInstanceKey() {
    return elementInstanceKey;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public String targetElementId() {
    return targetElementId;
  }

  public Instant dueDate() {
    return dueDate;
  }

  public int repetitions() {
    return repetitions;
  }

  public String cycle() {
    return cycle;
  }

  public String state() {
    return state;
  }

  public boolean isActive() {
    return "CREATED".equals(state);
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void cancel() {
    state = "CANCELED";
    changed();
  }

  /** Fired for the last time. */
  public void triggered() {
    state = "TRIGGERED";
    changed();
  }

  /** Fired; waits for its next repetition. */
  public void reschedule(Instant nextDue) {
    dueDate = nextDue;
    if (repetitions > 0) {
      repetitions--;
    }
    changed();
  }
}
