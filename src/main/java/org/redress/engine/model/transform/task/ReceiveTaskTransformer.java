package org.redress.engine.model.transform.task;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableReceiveTask;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;
import org.redress.engine.model.transform.event.EventDefinitions;

/** Receive task: waits for its message like an intermediate message catch event. */
public final class ReceiveTaskTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.RECEIVE_TASK;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    ReceiveTask task = (ReceiveTask) node;
    return new ExecutableReceiveTask(
        info, EventDefinitions.message(task, task.getMessage(), context));
  }
}
