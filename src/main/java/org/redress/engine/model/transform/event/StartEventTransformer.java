package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableStartEvent;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/**
 * Start event: none, timer, message or error (which start events a container may have is checked
 * with the container).
 */
public final class StartEventTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.START_EVENT;
  }

  @Override
  public String refuseEvent(EventDefinition event) {
    return event instanceof EventDefinition.Terminate
        ? "a start event cannot be a terminate event"
        : null;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutableStartEvent(info, event, ((StartEvent) node).isInterrupting());
  }
}
