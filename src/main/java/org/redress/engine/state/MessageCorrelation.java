package org.redress.engine.state;

import java.time.Instant;

/** A message correlated to a subscription or a message start event. */
public record MessageCorrelation(
    long messageKey,
    String bpmnProcessId,
    Long subscriptionKey,
    long processInstanceKey,
    long processDefinitionKey,
    String elementId,
    Long elementInstanceKey,
    String messageName,
    String correlationKey,
    boolean startEvent,
    String tenantId,
    Instant correlationTime) {}
