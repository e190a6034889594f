package org.redress.engine.model.transform.event;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableCatchEvent;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Intermediate catch event: a message, or a timer with a date or a duration. */
public final class IntermediateCatchEventTransformer implements ElementTransformer {

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return BpmnElementType.INTERMEDIATE_CATCH_EVENT;
  }

  @Override
  public String refuseEvent(EventDefinition event) {
    if (event instanceof EventDefinition.Message) {
      return null;
    }
    if (event instanceof EventDefinition.Timer timer) {
      return timer.kind() == EventDefinition.Timer.Kind.CYCLE
          ? "an intermediate timer catch event needs a date or a duration, not a cycle"
          : null;
    }
    return "only timer and message intermediate catch events are supported";
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutableCatchEvent(info, event);
  }
}
