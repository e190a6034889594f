package org.redress.engine.model.transform.task;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebePriorityDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListener;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListeners;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskSchedule;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.List;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableUserTask;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Camunda user task ({@code zeebe:userTask}; job-based user tasks are refused): assignment,
 * schedule, priority, form, task headers and task listeners.
 */
public final class UserTaskTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.USER_TASK;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    if (node.getSingleExtensionElement(ZeebeUserTask.class) == null) {
      context.problem(
          node, "only Camunda user tasks (zeebe:userTask) are supported, not job-based user tasks");
      return null;
    }
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    ZeebeTaskSchedule schedule = node.getSingleExtensionElement(ZeebeTaskSchedule.class);
    ZeebePriorityDefinition priority =
        node.getSingleExtensionElement(ZeebePriorityDefinition.class);
    ZeebeFormDefinition form = node.getSingleExtensionElement(ZeebeFormDefinition.class);
    // listeners first: their problems are reported before those of the attributes
    List<ExecutableUserTask.TaskListener> listeners = listeners(node, context);
    return new ExecutableUserTask(
        info,
        context.optional(node, "assignee", assignment == null ? null : assignment.getAssignee()),
        context.optional(
            node, "candidate groups", assignment == null ? null : assignment.getCandidateGroups()),
        context.optional(
            node, "candidate users", assignment == null ? null : assignment.getCandidateUsers()),
        context.optional(node, "due date", schedule == null ? null : schedule.getDueDate()),
        context.optional(
            node, "follow-up date", schedule == null ? null : schedule.getFollowUpDate()),
        context.optional(node, "priority", priority == null ? null : priority.getPriority()),
        form == null || form.getFormId() == null || form.getFormId().isBlank()
            ? null
            : form.getFormId(),
        form == null ? null : form.getExternalReference(),
        TransformContext.headers(node),
        listeners);
  }

  private static List<ExecutableUserTask.TaskListener> listeners(
      FlowNode node, TransformContext context) {
    List<ExecutableUserTask.TaskListener> listeners = new ArrayList<>();
    ZeebeTaskListeners taskListeners = node.getSingleExtensionElement(ZeebeTaskListeners.class);
    if (taskListeners == null) {
      return List.of();
    }
    for (ZeebeTaskListener listener : taskListeners.getTaskListeners()) {
      String event = listener.getEventType() == null ? null : listener.getEventType().name();
      String normalized =
          switch (event == null ? "" : event) {
            case "create", "creating" -> "CREATING";
            case "assignment", "assigning" -> "ASSIGNING";
            case "update", "updating" -> "UPDATING";
            case "complete", "completing" -> "COMPLETING";
            case "cancel", "canceling" -> "CANCELING";
            default -> null;
          };
      if (normalized == null) {
        context.problem(node, "unknown task listener event type '" + event + "'");
        continue;
      }
      String retries = listener.getRetries();
      listeners.add(
          new ExecutableUserTask.TaskListener(
              normalized,
              context.expression(node, "task listener type", listener.getType()),
              context.expression(
                  node,
                  "task listener retries",
                  retries == null || retries.isBlank() ? "3" : retries)));
    }
    return List.copyOf(listeners);
  }
}
