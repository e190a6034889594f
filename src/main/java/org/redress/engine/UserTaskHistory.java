package org.redress.engine;

import java.time.Instant;
import java.util.List;

/**
 * The recorded transitions of the embedded engine's user tasks ({@code engine.user_task_event}):
 * created, assigned (also unassigned: assignee null), updated, completed, canceled and denied by a
 * listener, each with the engine time it happened. Camunda 8.8's {@code /v2} API has no such
 * history (user task audit logs arrive in a later version), so this is an in-process read of the
 * embedded engine only: absent in cluster mode ({@code redress.engine.embedded=false}).
 */
public interface UserTaskHistory {

  /**
   * One recorded event.
   *
   * @param key the event's key; keys grow with time, so they order events of the same instant
   * @param intent CREATING, CREATED, ASSIGNING, ASSIGNED, UPDATING, UPDATED, COMPLETING, COMPLETED,
   *     CANCELING, CANCELED, ASSIGNMENT_DENIED, UPDATE_DENIED or COMPLETION_DENIED
   * @param action the action the command named (claim, assign, unassign, complete, ...)
   * @param assignee the task's assignee after the event (the one whose attempt was denied)
   * @param details changed attributes, or the listener's reason for a denial
   */
  record Event(
      long key,
      long userTaskKey,
      long processInstanceKey,
      String elementId,
      String intent,
      String action,
      String assignee,
      String details,
      Instant at) {}

  /**
   * The events of one process instance's user tasks with a key above {@code afterKey}, by key, at
   * most {@code limit}: call again with the last key until fewer come back.
   */
  List<Event> eventsOfProcessInstance(long processInstanceKey, long afterKey, int limit);
}
