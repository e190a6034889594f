package org.redress.engine.model;

/** An end event: none ({@code event} null), error (throws) or terminate. */
public record ExecutableEndEvent(ElementInfo info, EventDefinition event)
    implements ExecutableFlowNode {}
