package org.redress.engine.model.transform;

import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ElementInfo;
import org.redress.engine.model.EventDefinition;
import org.redress.engine.model.ExecutableFlowNode;

/**
 * Deploy time for one kind of BPMN element: checks what is specific to it and builds its {@code
 * Executable*} record. {@code BpmnModelTransformer} does what every element shares first (refuses
 * multi-instance and execution listeners, reads the event definition and the variable mappings,
 * builds the {@link ElementInfo}). Adding an element is one transformer, listed in {@link
 * ElementTransformers}, and one processor, listed in {@code runtime.ElementProcessors}.
 */
public interface ElementTransformer {

  /** The engine's type of the node (a sub-process may be an event sub-process). */
  BpmnElementType typeOf(FlowNode node);

  /**
   * Events only: null when the event definition (null = none) is allowed on this element, else the
   * reason it is refused.
   */
  default String refuseEvent(EventDefinition event) {
    return null;
  }

  /**
   * Builds the executable element; returns null after adding the problems to the context.
   *
   * @param event the element's event definition, null for a none event or a non-event
   */
  ExecutableFlowNode transform(
      FlowNode node, ElementInfo info, EventDefinition event, TransformContext context);
}
