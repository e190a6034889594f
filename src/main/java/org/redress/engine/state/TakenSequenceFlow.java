package org.redress.engine.state;

import java.time.Instant;

/** A sequence flow taken by a token; written once, never changed. */
public record TakenSequenceFlow(
    long key,
    long processInstanceKey,
    long processDefinitionKey,
    String bpmnProcessId,
    String flowId,
    long flowScopeKey,
    String tenantId,
    Instant takenAt) {}
