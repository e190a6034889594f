package org.redress.engine.runtime;

import org.redress.engine.model.BpmnElementType;

/**
 * One step of an element's lifecycle as Zeebe records it (ELEMENT_ACTIVATING, ELEMENT_ACTIVATED,
 * ELEMENT_COMPLETING, ELEMENT_COMPLETED, ELEMENT_TERMINATING, ELEMENT_TERMINATED,
 * SEQUENCE_FLOW_TAKEN). For a taken flow, {@code elementId} is the flow's id.
 */
public record LifecycleEvent(
    long processInstanceKey,
    long elementInstanceKey,
    String elementId,
    BpmnElementType elementType,
    String intent) {

  @Override
  public String toString() {
    return elementId + ":" + intent;
  }
}
