package org.redress.engine.model;

/** An exclusive gateway; {@code defaultFlowId} is null when it has no default flow. */
public record ExecutableExclusiveGateway(ElementInfo info, String defaultFlowId)
    implements ExecutableFlowNode {}
