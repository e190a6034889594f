package org.redress.engine.model;

import java.util.Map;

/**
 * A deployable process: its elements by id and its none start event (null when the process has none
 * and so cannot be started by a create command).
 */
public record ExecutableProcess(
    ElementInfo info, Map<String, ExecutableFlowNode> elements, String noneStartEventId)
    implements ExecutableFlowNode {

  public String bpmnProcessId() {
    return info.id();
  }

  public ExecutableFlowNode element(String id) {
    ExecutableFlowNode node = elements.get(id);
    if (node == null) {
      throw new IllegalStateException(
          "Expected element '" + id + "' in process '" + info.id() + "', but it does not exist");
    }
    return node;
  }
}
