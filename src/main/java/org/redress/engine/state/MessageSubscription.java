package org.redress.engine.state;

import java.time.Instant;

/** An open wait for a message by name and correlation key. */
public final class MessageSubscription extends ChangeTracked {

  private final long key;
  private final long processInstanceKey;
  private final long elementInstanceKey;
  private final String elementId;
  private final long processDefinitionKey;
  private final String bpmnProcessId;
  private final String messageName;
  private final String correlationKey;
  private final boolean interrupting;
  private final String tenantId;
  private final Instant createdAt;
  private String state;
  private Instant lastUpdated;

  public MessageSubscription(
      long key,
      long processInstanceKey,
      long elementInstanceKey,
      String elementId,
      long processDefinitionKey,
      String bpmnProcessId,
      String messageName,
      String correlationKey,
      boolean interrupting,
      String state,
      String tenantId,
      Instant createdAt,
      Instant lastUpdated,
      boolean isNew) {
    super(isNew);
    this.key = key;
    this.processInstanceKey = processInstanceKey;
    this.elementInstanceKey = elementInstanceKey;
    this.elementId = elementId;
    this.processDefinitionKey = processDefinitionKey;
    this.bpmnProcessId = bpmnProcessId;
    this.messageName = messageName;
    this.correlationKey = correlationKey;
    this.interrupting = interrupting;
    this.state = state;
    this.tenantId = tenantId;
    this.createdAt = createdAt;
    this.lastUpdated = lastUpdated;
  }

  public long key() {
    return key;
  }

  public long processInstanceKey() {
    return processInstanceKey;
  }

  /** The element instance whose scope owns the subscription. */
  public long elementInstanceKey() {
    return elementInstanceKey;
  }

  /** The catching element. */
  public String elementId() {
    return elementId;
  }

  public long processDefinitionKey() {
    return processDefinitionKey;
  }

  public String bpmnProcessId() {
    return bpmnProcessId;
  }

  public String messageName() {
    return messageName;
  }

  public String correlationKey() {
    return correlationKey;
  }

  public boolean interrupting() {
    return interrupting;
  }

  public String state() {
    return state;
  }

  public boolean isOpen() {
    return "CREATED".equals(state);
  }

  public String tenantId() {
    return tenantId;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastUpdated() {
    return lastUpdated;
  }

  public void correlated(Instant now) {
    state = "CORRELATED";
    lastUpdated = now;
    changed();
  }

  public void delete(Instant now) {
    state = "DELETED";
    lastUpdated = now;
    changed();
  }
}
