package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableEndEvent;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** End event: none, error or terminate. */
public final class EndEventTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.END_EVENT;
  }

  @Override
  public String refuseEvent(EventDefinition event) {
    return event == null
            || event instanceof EventDefinition.Error
            || event instanceof EventDefinition.Terminate
        ? null
        : "only none, error and terminate end events are supported";
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutableEndEvent(info, event);
  }
}
