package org.redress.engine.model;

import java.util.List;
import java.util.Map;

/**
 * A deployable process: its elements by id (sub-process contents included), its none start event
 * (null when it has none and so cannot be started by a create command), its message and timer start
 * events, the boundary events of each activity and the event sub-processes of each container (the
 * process or a sub-process, by id).
 */
public record ExecutableProcess(
    ElementInfo info,
    Map<String, ExecutableFlowNode> elements,
    String noneStartEventId,
    List<ExecutableStartEvent> eventStartEvents,
    Map<String, List<ExecutableBoundaryEvent>> boundaryEvents,
    Map<String, List<ExecutableSubProcess>> eventSubProcesses)
    implements ExecutableFlowNode {

  public String bpmnProcessId() {
    return info.id();
  }

  public ExecutableFlowNode element(String id) {
    if (id.equals(info.id())) {
      return this;
    }
    ExecutableFlowNode node = elements.get(id);
    if (node == null) {
      throw new IllegalStateException(
          "Expected element '" + id + "' in process '" + info.id() + "', but it does not exist");
    }
    return node;
  }

  /**
   * True when instances can have timers, message subscriptions or user tasks (catch events,
   * boundary events, receive or user tasks, event sub-processes, event-based gateways, calls).
   */
  public boolean usesEventsOrTasks() {
    if (!boundaryEvents.isEmpty() || !eventSubProcesses.isEmpty()) {
      return true;
    }
    for (ExecutableFlowNode node : elements.values()) {
      if (node instanceof ExecutableCatchEvent
          || node instanceof ExecutableReceiveTask
          || node instanceof ExecutableUserTask
          || node instanceof ExecutableEventBasedGateway
          || node instanceof ExecutableCallActivity) {
        return true;
      }
    }
    return false;
  }

  public List<ExecutableBoundaryEvent> boundaryEventsOf(String activityId) {
    return boundaryEvents.getOrDefault(activityId, List.of());
  }

  public List<ExecutableSubProcess> eventSubProcessesOf(String containerId) {
    return eventSubProcesses.getOrDefault(containerId, List.of());
  }
}
