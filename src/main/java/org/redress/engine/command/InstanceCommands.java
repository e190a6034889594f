package org.redress.engine.command;

import java.util.Map;
import org.redress.engine.EngineRejection;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.Incident;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.Job;

/** Operator commands on a running instance: cancel, resolve an incident, set variables. */
public class InstanceCommands {

  private final InstanceCommandExecutor executor;
  private final InstanceStore store;

  public InstanceCommands(InstanceCommandExecutor executor, InstanceStore store) {
    this.executor = executor;
    this.store = store;
  }

  /** Terminates the instance and everything in it (jobs canceled, incidents resolved). */
  public void cancel(long processInstanceKey) {
    EngineRejection notFound =
        EngineRejection.notFound(
            "Expected to cancel a process instance with key '"
                + processInstanceKey
                + "', but no such process was found");
    executor.execute(
        processInstanceKey,
        () -> notFound,
        (runner, state) -> {
          // a terminating instance (waiting for canceling task listeners) is no longer cancelable
          if (!state.processInstance().isActive()
              || state.processInstance().state() == ElementState.TERMINATING) {
            throw notFound;
          }
          if (state.processInstance().parentProcessInstanceKey() != null) {
            throw EngineRejection.invalidState(
                "Expected to cancel a process instance with key '"
                    + processInstanceKey
                    + "', but it is created by a parent process instance. Cancel the root process"
                    + " instance '"
                    + state.processInstance().parentProcessInstanceKey()
                    + "' instead.");
          }
          runner.cancel();
          return null;
        });
  }

  public void resolveIncident(long incidentKey) {
    EngineRejection notFound =
        EngineRejection.notFound(
            "Expected to resolve incident with key '"
                + incidentKey
                + "', but no such incident was found");
    long processInstanceKey =
        store.processInstanceOfIncident(incidentKey).orElseThrow(() -> notFound);
    executor.execute(
        processInstanceKey,
        () -> notFound,
        (runner, state) -> {
          Incident incident = state.incident(incidentKey);
          if (incident == null || !incident.isActive()) {
            throw notFound;
          }
          if (incident.jobKey() != null) {
            Job job = state.job(incident.jobKey());
            if (job != null && incident.errorType().endsWith("_NO_RETRIES") && job.retries() <= 0) {
              throw EngineRejection.invalidState(
                  "Expected to resolve incident with key '"
                      + incidentKey
                      + "', but job with key '"
                      + job.key()
                      + "' has no retries left. Please update the job retries and retry resolving"
                      + " the incident");
            }
          }
          runner.incidents().resolve(incident);
          return null;
        });
  }

  /**
   * Sets variables on an active element instance (or the process instance): {@code local} merges
   * into exactly that scope; otherwise each variable updates the innermost scope that has it, and
   * the rest are created on the process instance.
   */
  public void setVariables(long elementInstanceKey, Map<String, Object> variables, boolean local) {
    EngineRejection notFound =
        EngineRejection.notFound(
            "Expected to update variables for element with key '"
                + elementInstanceKey
                + "', but no such element was found");
    long processInstanceKey =
        store.processInstanceOfElement(elementInstanceKey).orElseThrow(() -> notFound);
    executor.execute(
        processInstanceKey,
        () -> notFound,
        (runner, state) -> {
          ElementInstance element = state.element(elementInstanceKey);
          if (element == null || !element.isActive()) {
            throw notFound;
          }
          if (local) {
            runner.variables().mergeLocal(elementInstanceKey, variables);
          } else {
            runner.variables().mergePropagating(elementInstanceKey, variables);
          }
          return null;
        });
  }
}
