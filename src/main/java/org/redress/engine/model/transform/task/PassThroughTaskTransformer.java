package org.redress.engine.model.transform.task;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutablePassThroughElement;
import org.redress.engine.model.transform.ElementTransformer;
import org.redress.engine.model.transform.TransformContext;

/** Undefined task and manual task: pass through. */
public final class PassThroughTaskTransformer implements ElementTransformer {

  private final BpmnElementType type;

  public PassThroughTaskTransformer(BpmnElementType type) {
    this.type = type;
  }

  @Override
  public BpmnElementType typeOf(FlowNode node) {
    return type;
  }

  @Override
  public ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context) {
    return new ExecutablePassThroughElement(info);
  }
}
