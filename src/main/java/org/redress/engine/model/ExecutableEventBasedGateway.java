package org.redress.engine.model;

/** An event-based gateway: waits for the first of the catch events its flows lead to. */
public record ExecutableEventBasedGateway(ElementInfo info) implements ExecutableFlowNode {}
