package org.redress.engine.state;

import java.time.Instant;

/**
 * One recorded state change of a user task.
 *
 * @param transitionKey the key of the event that started the transition this event belongs to (its
 *     own key for that event); null for events recorded before transitions were keyed
 */
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
    Instant eventTime,
    Long transitionKey) {}
