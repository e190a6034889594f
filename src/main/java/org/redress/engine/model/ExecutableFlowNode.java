package org.redress.engine.model;

/**
 * An element the runtime can execute, built once at deployment from the BPMN model. One record per
 * supported element kind; the runtime picks the processor by {@link #type()}.
 */
public sealed interface ExecutableFlowNode
    permits ExecutableProcess,
        ExecutableStartEvent,
        ExecutableEndEvent,
        ExecutablePassThroughElement,
        ExecutableJobWorkerTask,
        ExecutableScriptTask,
        ExecutableExclusiveGateway,
        ExecutableParallelGateway,
        ExecutableCatchEvent,
        ExecutableBoundaryEvent,
        ExecutableReceiveTask,
        ExecutableEventBasedGateway,
        ExecutableSubProcess,
        ExecutableCallActivity,
        ExecutableUserTask {

  ElementInfo info();

  default String id() {
    return info().id();
  }

  default BpmnElementType type() {
    return info().type();
  }
}
