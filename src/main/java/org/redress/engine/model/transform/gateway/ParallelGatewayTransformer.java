package org.redress.engine.model.transform.gateway;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableParallelGateway;
import org.redress.engine.model.ExecutableSequenceFlow;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Parallel gateway: fork and join; its outgoing flows have no conditions. */
public final class ParallelGatewayTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.PARALLEL_GATEWAY;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    for (ExecutableSequenceFlow flow : info.outgoing()) {
      if (flow.condition() != null) {
        context.problem(
            node,
            "outgoing flow '" + flow.id() + "' of a parallel gateway must not have a condition");
      }
    }
    return new ExecutableParallelGateway(info);
  }
}
