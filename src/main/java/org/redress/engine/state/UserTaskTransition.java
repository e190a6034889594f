package org.redress.engine.state;

/**
 * How a user task transition ended, as far as the command that started it cares: the answer a
 * waiting assign, update or complete request gives.
 *
 * @param transitionKey the key of the event that started the transition
 * @param transition the "-ING" state of the transition (ASSIGNING, UPDATING, COMPLETING, ...)
 * @param deniedReason the listener's reason when {@code result} is DENIED (may be null)
 */
public record UserTaskTransition(
    long userTaskKey, long transitionKey, String transition, Result result, String deniedReason) {

  public enum Result {
    /** Every listener agreed; the task is ASSIGNED, UPDATED or COMPLETED. */
    FINISHED,
    /** A listener denied it; the task is as it was before. */
    DENIED,
    /** The task was canceled (its element terminated) while the listeners ran. */
    CANCELED,
    /** The task no longer exists (the engine was purged). */
    GONE
  }
}
