package org.redress.engine.runtime.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.redress.engine.expression.Expression;
import org.redress.engine.model.ExecutableUserTask;
import org.redress.engine.runtime.ElementProcessor;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.runtime.behavior.Evaluated;
import org.redress.engine.runtime.behavior.Failure;
import org.redress.engine.runtime.behavior.TimerSchedule;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.Job;
import org.redress.engine.state.UserTask;

/**
 * Camunda user task: evaluates its attributes (assignee, candidates, dates, priority, form) and
 * creates the task; the element is ACTIVATED once the task is CREATED (after any "creating"
 * listeners), then a modelled assignee is assigned. Completing the task completes the element with
 * the completion variables as payload; terminating the element cancels the task, and the element
 * stays TERMINATING until the task's "canceling" listeners are done.
 */
public final class UserTaskProcessor implements ElementProcessor<ExecutableUserTask> {

  @Override
  public void onActivate(
      ExecutableUserTask element, ElementInstance instance, ProcessInstanceRunner runner) {
    Map<String, Object> variables = runner.visibleVariables(instance);
    Evaluated<String> assignee = optionalString(runner, element.assignee(), variables);
    Evaluated<List<String>> groups = list(runner, element.candidateGroups(), variables);
    Evaluated<List<String>> users = list(runner, element.candidateUsers(), variables);
    Evaluated<Instant> due = date(runner, element.dueDate(), variables);
    Evaluated<Instant> followUp = date(runner, element.followUpDate(), variables);
    Evaluated<Integer> priority = priority(runner, element.priority(), variables);
    for (Evaluated<?> value : List.of(assignee, groups, users, due, followUp, priority)) {
      if (value.isFailure()) {
        runner.incidents().raise(instance, value.failure(), null);
        return;
      }
    }
    Long formKey = null;
    if (element.formId() != null) {
      var form = runner.services().forms().latest(instance.tenantId(), element.formId());
      if (form.isEmpty()) {
        runner
            .incidents()
            .raise(
                instance,
                new Failure(
                    "FORM_NOT_FOUND",
                    "Expected to find a form with id '"
                        + element.formId()
                        + "', but no form with this id is found. Deploy a form with this id and"
                        + " resolve the incident."),
                null);
        return;
      }
      formKey = form.map(FormStore.FormRow::key).orElse(null);
    }
    UserTask task =
        new UserTask(
            runner.services().keys().nextKey(),
            instance.key(),
            instance.processInstanceKey(),
            instance.processDefinitionKey(),
            instance.bpmnProcessId(),
            instance.version(),
            instance.elementId(),
            element.info().name(),
            "CREATING",
            null,
            groups.value(),
            users.value(),
            due.value(),
            followUp.value(),
            priority.value(),
            formKey,
            element.externalFormReference(),
            element.headers(),
            instance.tenantId(),
            runner.now(),
            null,
            null,
            0,
            true);
    runner.state().addUserTask(task);
    UserTaskBehavior.Request request = new UserTaskBehavior.Request();
    request.action = "create";
    request.assignee = assignee.value();
    runner.userTasks().start(task, "CREATING", request);
  }

  @Override
  public void onTerminate(
      ExecutableUserTask element, ElementInstance instance, ProcessInstanceRunner runner) {
    // first the jobs of a transition the termination interrupts, then the canceling listeners'
    for (Job job : runner.state().jobs()) {
      if (job.elementInstanceKey() == instance.key() && !job.state().isFinal()) {
        job.cancel(runner.now());
      }
    }
    UserTask task = runner.state().userTaskOf(instance.key());
    if (task != null && !runner.userTasks().cancel(task)) {
      runner.termination().hold(instance);
    }
  }

  private static Evaluated<String> optionalString(
      ProcessInstanceRunner runner, Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return Evaluated.of(null);
    }
    return runner.expressions().evaluateString(expression, variables);
  }

  private static Evaluated<List<String>> list(
      ProcessInstanceRunner runner, Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return Evaluated.of(List.of());
    }
    if (expression instanceof Expression.Static s) {
      List<String> values = new ArrayList<>();
      Arrays.stream(s.source().split(","))
          .map(String::strip)
          .filter(v -> !v.isEmpty())
          .forEach(values::add);
      return Evaluated.of(values);
    }
    Evaluated<Object> value =
        runner.expressions().evaluateAny(expression, variables, Failure.EXTRACT_VALUE_ERROR);
    if (value.isFailure()) {
      return Evaluated.failed(value.failure());
    }
    if (value.value() instanceof List<?> items
        && items.stream().allMatch(String.class::isInstance)) {
      return Evaluated.of(items.stream().map(String.class::cast).toList());
    }
    return Evaluated.failed(
        new Failure(
            Failure.EXTRACT_VALUE_ERROR,
            "Expected result of the expression '"
                + expression.source().substring(1)
                + "' to be a list of strings, but was '"
                + value.value()
                + "'."));
  }

  private static Evaluated<Instant> date(
      ProcessInstanceRunner runner, Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return Evaluated.of(null);
    }
    Evaluated<Object> value =
        runner.expressions().evaluateAny(expression, variables, Failure.EXTRACT_VALUE_ERROR);
    if (value.isFailure()) {
      return Evaluated.failed(value.failure());
    }
    if (value.value() == null || "".equals(value.value())) {
      return Evaluated.of(null);
    }
    try {
      return Evaluated.of(TimerSchedule.date(value.value().toString()).firstDue());
    } catch (RuntimeException e) {
      return Evaluated.failed(
          new Failure(
              Failure.EXTRACT_VALUE_ERROR,
              "Expected the expression '"
                  + expression.source()
                  + "' to give an ISO 8601 date-time, but was '"
                  + value.value()
                  + "'"));
    }
  }

  private static Evaluated<Integer> priority(
      ProcessInstanceRunner runner, Expression expression, Map<String, Object> variables) {
    if (expression == null) {
      return Evaluated.of(50);
    }
    Evaluated<Long> value = runner.expressions().evaluateLong(expression, variables);
    if (value.isFailure()) {
      return Evaluated.failed(value.failure());
    }
    if (value.value() < 0 || value.value() > 100) {
      return Evaluated.failed(
          new Failure(
              Failure.EXTRACT_VALUE_ERROR,
              "Expected the priority to be a number between 0 and 100, but was " + value.value()));
    }
    return Evaluated.of(value.value().intValue());
  }
}
