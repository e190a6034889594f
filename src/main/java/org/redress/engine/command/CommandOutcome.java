package org.redress.engine.command;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.runtime.LifecycleEvent;
import org.redress.engine.state.UserTaskTransition;

/**
 * What a committed command tells the rest of the engine: job types that gained activatable jobs
 * (wake long-polling workers), a process instance that ended (answer awaiting creators), user task
 * transitions that ended (answer the assign, update or complete request waiting for them), the
 * lifecycle events for listeners, and the job events for metrics.
 *
 * @param endedProcessInstance null unless the command ended the instance
 */
public record CommandOutcome(
    Set<String> activatableJobTypes,
    EndedProcessInstance endedProcessInstance,
    List<LifecycleEvent> events,
    List<UserTaskTransition> endedTransitions,
    List<EngineMetrics.JobEvent> jobEvents) {

  /** A process instance that completed or was terminated, with its root variables as JSON text. */
  public record EndedProcessInstance(
      long processInstanceKey, boolean completed, Map<String, String> rootVariables) {}
}
