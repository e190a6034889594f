package org.redress.engine.runtime.container;

import java.util.Map;
import java.util.Optional;
import org.redress.engine.model.ExecutableCallActivity;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.state.ElementInstance;

/**
 * Call activity: starts the latest version of the called process with the variables visible here
 * (or only the call activity's locals when it does not propagate all parent variables) and waits
 * for the child to end. Terminating the call activity terminates the child.
 */
public final class CallActivityProcessor implements ElementProcessor<ExecutableCallActivity> {

  @Override
  public void onActivate(
      ExecutableCallActivity element, ElementInstance instance, ProcessInstanceRunner runner) {
    Map<String, Object> visible = runner.visibleVariables(instance);
    Evaluated<String> processId = runner.expressions().evaluateString(element.processId(), visible);
    if (processId.isFailure()) {
      runner.incidents().raise(instance, processId.failure(), null);
      return;
    }
    Optional<DeployedProcess> child =
        runner.services().definitions().latest(instance.tenantId(), processId.value());
    if (child.isEmpty() || child.get().process().noneStartEventId() == null) {
      runner
          .incidents()
          .raise(
              instance,
              new Failure(
                  "CALLED_ELEMENT_ERROR",
                  child.isEmpty()
                      ? "Expected process with BPMN process id '"
                          + processId.value()
                          + "' to be deployed, but not found."
                      : "Expected process with BPMN process id '"
                          + processId.value()
                          + "' to have a none start event, but it has none."),
              null);
      return;
    }
    Map<String, Object> variables =
        element.propagateAllParentVariables()
            ? visible
            : runner.variables().localValues(instance.key());
    runner.activated(instance);
    runner.callActivities().spawnChild(child.get(), instance, variables);
  }

  @Override
  public void onTerminate(
      ExecutableCallActivity element, ElementInstance instance, ProcessInstanceRunner runner) {
    runner.callActivities().terminateChildOf(instance);
  }
}
