package org.redress.engine.state;

import java.time.Instant;

/** One recorded state change of a user task. */
public record UserTaskEvent(
    long key,
    long userTaskKey,
    long processInstanceKey,
    String elementId,
    String intent,
    String action,
    String assignee,
    String details,
    String tenantId,
    Instant eventTime) {}
