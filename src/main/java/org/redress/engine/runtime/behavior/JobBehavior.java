package org.redress.engine.runtime.behavior;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.Job;
import org.redress.engine.state.JobState;

/**
 * Jobs of one instance in one command: creates them for waiting elements (job worker tasks, task
 * listeners) and collects the job types that became activatable, which the command announces to
 * long-polling workers after commit.
 */
public final class JobBehavior {

  private final ProcessInstanceRunner runner;
  private final Set<String> activatableTypes = new LinkedHashSet<>();

  public JobBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
  }

  /** Creates a job for a waiting element. */
  public Job createJob(
      ElementInstance instance, String type, int retries, Map<String, String> headers) {
    return createJob(instance, type, retries, headers, "BPMN_ELEMENT", "UNSPECIFIED");
  }

  /** Creates a job of a given kind (BPMN_ELEMENT, or TASK_LISTENER with its event type). */
  public Job createJob(
      ElementInstance instance,
      String type,
      int retries,
      Map<String, String> headers,
      String kind,
      String listenerEventType) {
    Job job =
        new Job(
            runner.services().keys().nextKey(),
            type,
            JobState.ACTIVATABLE,
            "CREATED",
            kind,
            listenerEventType,
            retries,
            null,
            null,
            null,
            null,
            null,
            headers,
            instance.elementId(),
            instance.key(),
            runner.variables().scopeChain(instance.key()),
            instance.processInstanceKey(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            instance.version(),
            instance.tenantId(),
            false,
            runner.now(),
            null,
            true);
    runner.state().addJob(job);
    activatableTypes.add(type);
    return job;
  }

  /** Announces, after commit, that a job of this type can be activated (again). */
  public void activatable(Job job) {
    activatableTypes.add(job.type());
  }

  /** The job types that became activatable in this command, in order. */
  public Set<String> activatableTypes() {
    return activatableTypes;
  }
}
