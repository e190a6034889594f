package org.redress.engine.runtime.behavior;

import java.util.Map;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.Incident;
import org.redress.engine.state.Job;
import org.redress.engine.state.UserTask;

/**
 * Incidents of one instance: an expected failure (bad expression, no matching flow, retries
 * exhausted, unhandled error) leaves the element where it is and raises an incident; resolving it
 * runs the failed step again.
 */
public final class IncidentBehavior {

  private final ProcessInstanceRunner runner;

  public IncidentBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
  }

  /** Raises an incident on the element; it stays in its current state until resolved. */
  public void raise(ElementInstance instance, Failure failure, Long jobKey) {
    runner
        .state()
        .addIncident(
            new Incident(
                runner.services().keys().nextKey(),
                failure.errorType(),
                failure.message(),
                "ACTIVE",
                instance.elementId(),
                instance.key(),
                jobKey,
                instance.processInstanceKey(),
                instance.processDefinitionKey(),
                instance.bpmnProcessId(),
                instance.tenantId(),
                runner.now(),
                null,
                true));
  }

  /**
   * Resolves an incident: a job incident makes the job activatable again; any other incident
   * re-runs the step that failed (activation with input mappings, or completion).
   */
  public void resolve(Incident incident) {
    incident.resolve(runner.now());
    if (incident.jobKey() != null) {
      Job job = runner.state().job(incident.jobKey());
      if (job != null && !job.state().isFinal()) {
        job.makeActivatable();
        runner.jobs().activatable(job);
      }
      return;
    }
    ElementInstance element = runner.state().element(incident.elementInstanceKey());
    if (element == null || !element.isActive()) {
      return;
    }
    UserTask task = runner.state().userTaskOf(element.key());
    if (task != null && task.pending() != null && !hasOpenListenerJob(element)) {
      // a listener's job type or retries could not be evaluated: create that listener's job now
      runner.userTasks().retryListener(task);
      return;
    }
    if (element.state() == ElementState.ACTIVATING) {
      runner.retryActivation(element);
    } else if (element.state() == ElementState.COMPLETING) {
      runner.completeElement(element, Map.of());
    }
  }

  /** Resolves the element's active incidents (it is being terminated). */
  public void resolveAll(ElementInstance instance) {
    for (Incident incident : runner.state().activeIncidents(instance.key())) {
      incident.resolve(runner.now());
    }
  }

  private boolean hasOpenListenerJob(ElementInstance element) {
    for (Job job : runner.state().jobs()) {
      if (job.elementInstanceKey() == element.key()
          && "TASK_LISTENER".equals(job.kind())
          && !job.state().isFinal()) {
        return true;
      }
    }
    return false;
  }
}
