package org.redress.engine.model;

/** A parallel gateway: forks to every outgoing flow, joins once every incoming flow was taken. */
public record ExecutableParallelGateway(ElementInfo info) implements ExecutableFlowNode {}
