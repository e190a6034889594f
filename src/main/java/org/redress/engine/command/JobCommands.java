package org.redress.engine.command;

import java.time.Duration;
import java.util.Map;
import org.redress.engine.EngineRejection;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.Job;

/**
 * What workers (and operators) do with a job: complete, fail, throw a BPMN error, update retries or
 * timeout. Each runs under its process instance's lock; a job that no longer exists is NOT_FOUND
 * (404), a job that is failed or errored is INVALID_STATE (409), as in Zeebe.
 */
public class JobCommands {

  private final InstanceCommandExecutor executor;

  public JobCommands(InstanceCommandExecutor executor) {
    this.executor = executor;
  }

  public void complete(long jobKey, Map<String, Object> variables) {
    complete(jobKey, variables, null);
  }

  /**
   * Completes a job. For a task listener job the optional result may deny the user task transition
   * (assigning, updating, completing) or correct its attributes; as in Camunda 8.8 it may carry no
   * variables, and a denial neither corrections nor another event type (400 otherwise).
   */
  public void complete(
      long jobKey, Map<String, Object> variables, UserTaskBehavior.ListenerResult listenerResult) {
    onJob(
        jobKey,
        "complete",
        (runner, state, job) -> {
          requireWorkerState(job, "complete");
          if ("TASK_LISTENER".equals(job.kind())) {
            requireValidListenerCompletion(job, variables, listenerResult);
          }
          job.complete(runner.now());
          if ("TASK_LISTENER".equals(job.kind())) {
            runner
                .userTasks()
                .listenerCompleted(
                    job,
                    listenerResult == null
                        ? new UserTaskBehavior.ListenerResult(false, null, Map.of())
                        : listenerResult);
            return;
          }
          ElementInstance element = state.element(job.elementInstanceKey());
          if (element != null && element.state() == ElementState.ACTIVATED) {
            runner.completeElement(element, variables);
          }
        });
  }

  /**
   * @param retries the retries left, as the worker sends them (the engine does not decrement)
   * @param backOff how long the job stays unavailable; zero = activatable at once
   */
  public void fail(
      long jobKey,
      int retries,
      String errorMessage,
      Duration backOff,
      Map<String, Object> variables) {
    onJob(
        jobKey,
        "fail",
        (runner, state, job) -> {
          requireWorkerState(job, "fail");
          boolean delayed = retries > 0 && !backOff.isZero() && !backOff.isNegative();
          job.fail(retries, errorMessage, delayed ? runner.now().plus(backOff) : null);
          ElementInstance element = state.element(job.elementInstanceKey());
          if (element != null && element.isActive() && !variables.isEmpty()) {
            runner.variables().mergeLocal(element.key(), variables);
          }
          if (retries <= 0) {
            if (element != null && element.isActive()) {
              String message =
                  errorMessage == null || errorMessage.isBlank()
                      ? "No more retries left."
                      : errorMessage;
              runner
                  .incidents()
                  .raise(
                      element,
                      new Failure(
                          "TASK_LISTENER".equals(job.kind())
                              ? "TASK_LISTENER_NO_RETRIES"
                              : Failure.JOB_NO_RETRIES,
                          message),
                      job.key());
            }
          } else if (!delayed) {
            runner.jobs().activatable(job);
          }
        });
  }

  /**
   * Throws a BPMN error. The embedded engine has no error catch events yet, so the error is
   * unhandled: the job waits in ERROR_THROWN with an UNHANDLED_ERROR_EVENT incident; resolving the
   * incident ignores the error and makes the job activatable again.
   */
  public void throwError(
      long jobKey, String errorCode, String errorMessage, Map<String, Object> variables) {
    if (errorCode == null || errorCode.isBlank()) {
      throw EngineRejection.invalidArgument(
          "Expected an errorCode to throw an error for job '" + jobKey + "', but none was given");
    }
    onJob(
        jobKey,
        "throw an error for",
        (runner, state, job) -> {
          requireWorkerState(job, "throw an error for");
          job.throwError(errorCode, errorMessage);
          ElementInstance element = state.element(job.elementInstanceKey());
          if (element == null || !element.isActive()) {
            return;
          }
          if (!runner.catchEvents().throwError(element, errorCode, variables)) {
            java.util.List<String> available = runner.catchEvents().availableErrorCodes(element);
            runner
                .incidents()
                .raise(
                    element,
                    new Failure(
                        Failure.UNHANDLED_ERROR_EVENT,
                        "Expected to throw an error event with the code '"
                            + errorCode
                            + "' with message '"
                            + (errorMessage == null ? "" : errorMessage)
                            + "', but it was not caught."
                            + (available.isEmpty()
                                ? " No error events are available in the scope."
                                : " Available error events are " + available)),
                    job.key());
          }
        });
  }

  /**
   * Updates retries (must be at least 1) and/or the timeout of an activated job (new deadline = now
   * + timeout). Null leaves a value unchanged. Updating retries does not resolve an incident.
   */
  public void update(long jobKey, Integer retries, Long timeoutMillis) {
    if (retries != null && retries < 1) {
      throw EngineRejection.invalidArgument(
          "Expected retries to be at least 1 to update job '" + jobKey + "', but was " + retries);
    }
    if (timeoutMillis != null && timeoutMillis < 0) {
      throw EngineRejection.invalidArgument(
          "Expected a timeout of 0 ms or more for job '" + jobKey + "', but was " + timeoutMillis);
    }
    onJob(
        jobKey,
        "update",
        (runner, state, job) -> {
          if (timeoutMillis != null) {
            if (job.deadline() == null) {
              throw EngineRejection.invalidState(
                  "Expected to update the timeout of job with key '"
                      + jobKey
                      + "', but it is not activated");
            }
            job.updateDeadline(runner.now().plusMillis(timeoutMillis));
          }
          if (retries != null) {
            job.updateRetries(retries);
          }
        });
  }

  private interface JobChange {
    void apply(ProcessInstanceRunner runner, InstanceState state, Job job);
  }

  private void onJob(long jobKey, String verb, JobChange change) {
    executor.executeOnJob(
        jobKey,
        () -> jobNotFound(jobKey, verb),
        (runner, state) -> {
          Job job = state.job(jobKey);
          if (job == null) {
            throw jobNotFound(jobKey, verb);
          }
          change.apply(runner, state, job);
          return null;
        });
  }

  private static void requireValidListenerCompletion(
      Job job, Map<String, Object> variables, UserTaskBehavior.ListenerResult result) {
    String where =
        " (job key '"
            + job.key()
            + "', type '"
            + job.type()
            + "', processInstanceKey '"
            + job.processInstanceKey()
            + "')";
    if (!variables.isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Expected to complete task listener job without variables, but variables were given"
              + where
              + ". Task listeners cannot set variables in Camunda 8.8; correct the task's"
              + " attributes with a result instead");
    }
    if (result == null || !result.denied()) {
      return;
    }
    if (!UserTaskBehavior.DENIABLE.contains(job.listenerEventType())) {
      throw EngineRejection.invalidArgument(
          "Expected to complete task listener job with a denied result, but a '"
              + job.listenerEventType()
              + "' listener cannot deny"
              + where
              + ". Only ASSIGNING, COMPLETING and UPDATING listeners can deny their transition");
    }
    if (!result.corrections().isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Expected to complete task listener job either with corrections or denied, but both"
              + " were given"
              + where
              + ". A denial would discard the corrections");
    }
  }

  private static void requireWorkerState(Job job, String verb) {
    if (!job.state().acceptsWorkerCommands()) {
      throw EngineRejection.invalidState(
          "Expected to "
              + verb
              + " job with key '"
              + job.key()
              + "', but it is in state '"
              + job.state()
              + "'");
    }
  }

  private static EngineRejection jobNotFound(long jobKey, String verb) {
    return EngineRejection.notFound(
        "Expected to " + verb + " job with key '" + jobKey + "', but no such job was found");
  }
}
