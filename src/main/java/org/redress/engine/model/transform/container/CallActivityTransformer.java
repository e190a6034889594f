package org.redress.engine.model.transform.container;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableCallActivity;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Call activity: {@code zeebe:calledElement processId} (static or FEEL) and its propagation. */
public final class CallActivityTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.CALL_ACTIVITY;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (called == null || called.getProcessId() == null || called.getProcessId().isBlank()) {
      context.problem(node, "a call activity needs zeebe:calledElement processId");
      return null;
    }
    return new ExecutableCallActivity(
        info,
        context.expression(node, "called process id", called.getProcessId()),
        called.isPropagateAllChildVariablesEnabled(),
        called.isPropagateAllParentVariablesEnabled());
  }
}
