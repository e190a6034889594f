package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableBoundaryEvent;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Boundary event: timer, message or error; an error boundary event always interrupts. */
public final class BoundaryEventTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.BOUNDARY_EVENT;
  }

  @Override
  public String refuseEvent(EventDefinition event) {
    return event instanceof EventDefinition.Timer
            || event instanceof EventDefinition.Message
            || event instanceof EventDefinition.Error
        ? null
        : "only timer, message and error boundary events are supported";
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    BoundaryEvent boundary = (BoundaryEvent) node;
    if (boundary.getAttachedTo() == null) {
      context.problem(node, "a boundary event must be attached to an activity");
      return null;
    }
    return new ExecutableBoundaryEvent(
        info,
        boundary.getAttachedTo().getId(),
        boundary.cancelActivity() || event instanceof EventDefinition.Error,
        event);
  }
}
