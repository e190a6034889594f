package org.redress.engine.model;

/** A none start event. */
public record ExecutableStartEvent(ElementInfo info) implements ExecutableFlowNode {}
