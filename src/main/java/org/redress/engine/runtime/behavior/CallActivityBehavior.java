package org.redress.engine.runtime.behavior;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.model.ExecutableCallActivity;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.InstanceState;

/**
 * Child process instances of call activities, run in the same command as their parent: starting a
 * child, terminating it with its call activity, and completing the call activity when the child
 * completes. The runners of other instances a command touched are linked here, so that the command
 * drains and writes them all.
 */
public final class CallActivityBehavior {

  private final ProcessInstanceRunner runner;
  private final List<ProcessInstanceRunner> linked = new ArrayList<>();

  public CallActivityBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
  }

  /** Starts a child process instance for a call activity, in this command. */
  public ProcessInstanceRunner spawnChild(
      DeployedProcess child, ElementInstance callActivity, Map<String, Object> variables) {
    EngineServices services = runner.services();
    long key = services.keys().nextKey();
    ElementInstance pi =
        new ElementInstance(
            key,
            key,
            child.key(),
            child.definition().bpmnProcessId(),
            child.definition().version(),
            child.definition().bpmnProcessId(),
            child.process().info().name(),
            BpmnElementType.PROCESS,
            -1,
            ElementState.ACTIVATING,
            runner.now(),
            null,
            callActivity.processInstanceKey(),
            callActivity.key(),
            callActivity.tenantId(),
            null,
            null,
            true);
    ProcessInstanceRunner childRunner =
        new ProcessInstanceRunner(InstanceState.created(pi), child, services);
    childRunner.startProcess(variables);
    childRunner.run();
    linked.add(childRunner);
    return childRunner;
  }

  /** Terminates the child instance of a call activity (it is being terminated itself). */
  public void terminateChildOf(ElementInstance callActivity) {
    for (ProcessInstanceRunner other : linked) {
      ElementInstance pi = other.state().processInstance();
      if (Long.valueOf(callActivity.key()).equals(pi.parentElementInstanceKey())) {
        other.cancel();
        other.run();
        holdWhileActive(callActivity, other);
        return;
      }
    }
    EngineServices services = runner.services();
    services
        .instances()
        .activeChildInstance(callActivity.key())
        .flatMap(key -> services.instances().lockAndLoad(key))
        .ifPresent(
            childState -> {
              DeployedProcess child =
                  services
                      .definitions()
                      .byKey(childState.processInstance().processDefinitionKey())
                      .orElseThrow();
              ProcessInstanceRunner childRunner =
                  new ProcessInstanceRunner(childState, child, services);
              childRunner.cancel();
              childRunner.run();
              linked.add(childRunner);
              holdWhileActive(callActivity, childRunner);
            });
  }

  /** A child that waits for canceling task listeners keeps its call activity TERMINATING. */
  private void holdWhileActive(ElementInstance callActivity, ProcessInstanceRunner child) {
    if (child.state().processInstance().isActive()) {
      runner.termination().hold(callActivity);
    }
  }

  /**
   * The child instance of a call activity ended: a completed child completes the call activity with
   * the child's root variables as payload (all of them when it propagates all child variables or
   * has output mappings, else none); a terminated child changes nothing, unless the call activity
   * was waiting for it to terminate.
   */
  public void childProcessEnded(ElementInstance callActivity, ProcessInstanceRunner child) {
    if (callActivity.state() == ElementState.TERMINATING
        && !child.state().processInstance().isActive()) {
      runner.termination().released(callActivity);
      return;
    }
    if (callActivity.state() != ElementState.ACTIVATED
        || child.state().processInstance().state() != ElementState.COMPLETED) {
      return;
    }
    ExecutableCallActivity node = (ExecutableCallActivity) runner.nodeOf(callActivity);
    Map<String, Object> payload = Map.of();
    if (node.propagateAllChildVariables() || !node.info().outputs().isEmpty()) {
      payload = child.variables().visible(child.state().processInstance().key());
    }
    runner.completeElement(callActivity, payload);
  }

  /** Links the runner of another instance this command touched (a parent an error reached). */
  public void link(ProcessInstanceRunner other) {
    linked.add(other);
  }

  /** Runners of other instances this command touched (children started or terminated). */
  public List<ProcessInstanceRunner> linkedRunners() {
    return linked;
  }
}
