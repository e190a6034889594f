package org.redress.engine.model;

/** A none end event. */
public record ExecutableEndEvent(ElementInfo info) implements ExecutableFlowNode {}
