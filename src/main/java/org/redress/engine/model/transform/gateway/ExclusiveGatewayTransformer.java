package org.redress.engine.model.transform.gateway;

import io.camunda.zeebe.model.bpmn.instance.ExclusiveGateway;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableExclusiveGateway;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Exclusive gateway: with more than one outgoing flow, each flow but the default one needs a
 * condition; the default flow has none.
 */
public final class ExclusiveGatewayTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.EXCLUSIVE_GATEWAY;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    ExclusiveGateway gateway = (ExclusiveGateway) node;
    String defaultFlow = gateway.getDefault() == null ? null : gateway.getDefault().getId();
    for (ExecutableSequenceFlow flow : info.outgoing()) {
      if (flow.id().equals(defaultFlow) && flow.condition() != null) {
        context.problem(
            gateway, "the default flow '" + defaultFlow + "' must not have a condition");
      }
      if (info.outgoing().size() > 1
          && !flow.id().equals(defaultFlow)
          && flow.condition() == null) {
        context.problem(
            gateway,
            "outgoing flow '" + flow.id() + "' needs a condition (or must be the default flow)");
      }
    }
    return new ExecutableExclusiveGateway(info, defaultFlow);
  }
}
