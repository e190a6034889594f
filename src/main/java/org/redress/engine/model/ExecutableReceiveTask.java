package org.redress.engine.model;

/** A receive task: waits for a message like an intermediate message catch event. */
public record ExecutableReceiveTask(ElementInfo info, EventDefinition.Message message)
    implements ExecutableFlowNode {}
