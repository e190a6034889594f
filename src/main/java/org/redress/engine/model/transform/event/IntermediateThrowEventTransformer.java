package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutablePassThroughElement;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** None intermediate throw event: passes through. */
public final class IntermediateThrowEventTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.INTERMEDIATE_THROW_EVENT;
  }

  @Override
  public String refuseEvent(EventDefinition event) {
    return event == null ? null : "only none intermediate throw events are supported";
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutablePassThroughElement(info);
  }
}
