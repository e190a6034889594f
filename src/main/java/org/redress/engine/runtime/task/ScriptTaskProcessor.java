package org.redress.engine.runtime.task;

import java.util.HashMap;
import java.util.Map;
import org.redress.engine.model.ExecutableFlowNode;
import org.redress.engine.model.ExecutableJobWorkerTask;
import org.redress.engine.model.ExecutableScriptTask;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.state.ElementInstance;

/**
 * Script task. With {@code zeebe:script}: evaluates the FEEL expression and completes at once with
 * {@code {resultVariable: result}} as payload (null results included). With a task definition it is
 * a job worker task.
 */
public final class ScriptTaskProcessor implements ElementProcessor<ExecutableFlowNode> {

  private final JobWorkerTaskProcessor jobWorkerTask;

  public ScriptTaskProcessor(JobWorkerTaskProcessor jobWorkerTask) {
    this.jobWorkerTask = jobWorkerTask;
  }

  @Override
  public void onActivate(
      ExecutableFlowNode element, ElementInstance instance, ProcessInstanceRunner runner) {
    if (element instanceof ExecutableJobWorkerTask task) {
      jobWorkerTask.onActivate(task, instance, runner);
      return;
    }
    ExecutableScriptTask script = (ExecutableScriptTask) element;
    Evaluated<Object> result =
        runner
            .expressions()
            .evaluateAny(
                script.script(), runner.visibleVariables(instance), Failure.EXTRACT_VALUE_ERROR);
    if (result.isFailure()) {
      runner.incidents().raise(instance, result.failure(), null);
      return;
    }
    Map<String, Object> payload = new HashMap<>();
    payload.put(script.resultVariable(), result.value());
    runner.completeNow(instance, payload);
  }

  @Override
  public void onTerminate(
      ExecutableFlowNode element, ElementInstance instance, ProcessInstanceRunner runner) {
    if (element instanceof ExecutableJobWorkerTask task) {
      jobWorkerTask.onTerminate(task, instance, runner);
    }
  }
}
