package org.redress.engine.runtime.task;

import java.util.Map;
import org.redress.engine.model.ExecutableJobWorkerTask;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.Job;

/**
 * Service task, send task and job-based script task: evaluates the job type and retries, creates a
 * job and waits. Completing the job completes the task with the job's variables as payload;
 * terminating the task cancels the job.
 */
public final class JobWorkerTaskProcessor implements ElementProcessor<ExecutableJobWorkerTask> {

  @Override
  public void onActivate(
      ExecutableJobWorkerTask task, ElementInstance instance, ProcessInstanceRunner runner) {
    Map<String, Object> variables = runner.visibleVariables(instance);
    Evaluated<String> type = runner.expressions().evaluateString(task.jobType(), variables);
    if (type.isFailure()) {
      runner.incidents().raise(instance, type.failure(), null);
      return;
    }
    Evaluated<Long> retries = runner.expressions().evaluateLong(task.retries(), variables);
    if (retries.isFailure()) {
      runner.incidents().raise(instance, retries.failure(), null);
      return;
    }
    int retryCount =
        (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, retries.value()));
    runner.jobs().createJob(instance, type.value(), retryCount, task.headers());
    runner.activated(instance);
  }

  @Override
  public void onTerminate(
      ExecutableJobWorkerTask task, ElementInstance instance, ProcessInstanceRunner runner) {
    for (Job job : runner.state().jobs()) {
      if (job.elementInstanceKey() == instance.key() && !job.state().isFinal()) {
        job.cancel(runner.now());
      }
    }
  }
}
