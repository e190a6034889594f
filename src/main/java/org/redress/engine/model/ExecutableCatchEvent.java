package org.redress.engine.model;

/** An intermediate catch event: a timer or a message it waits for. */
public record ExecutableCatchEvent(ElementInfo info, EventDefinition event)
    implements ExecutableFlowNode {}
