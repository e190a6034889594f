package org.redress.engine.model;

import java.util.List;
import java.util.Map;
import org.redress.engine.expression.Expression;

/**
 * A Camunda user task ({@code zeebe:userTask}). Every attribute may be null (not modelled).
 *
 * @param formId the id of a deployed Camunda form (latest version is linked)
 * @param listeners task listeners in model order
 */
public record ExecutableUserTask(
    ElementInfo info,
    Expression assignee,
    Expression candidateGroups,
    Expression candidateUsers,
    Expression dueDate,
    Expression followUpDate,
    Expression priority,
    String formId,
    String externalFormReference,
    Map<String, String> headers,
    List<TaskListener> listeners)
    implements ExecutableFlowNode {

  /** A task listener: the event it blocks (creating, assigning, ...) and its job type. */
  public record TaskListener(String eventType, Expression jobType, Expression retries) {}

  public List<TaskListener> listenersFor(String eventType) {
    return listeners.stream().filter(l -> l.eventType().equals(eventType)).toList();
  }
}
