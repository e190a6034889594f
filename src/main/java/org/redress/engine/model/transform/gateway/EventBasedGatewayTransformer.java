package org.redress.engine.model.transform.gateway;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableEventBasedGateway;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Event-based gateway: waits for the first of its catch events (Zeebe's validators check them). */
public final class EventBasedGatewayTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.EVENT_BASED_GATEWAY;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutableEventBasedGateway(info);
  }
}
