package org.redress.engine.runtime.behavior;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.engine.EngineRejection;
import org.redress.engine.model.ExecutableUserTask;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.Job;
import org.redress.engine.state.Json;
import org.redress.engine.state.UserTask;
import org.redress.engine.state.UserTaskEvent;
import org.redress.engine.state.UserTaskTransition;

/**
 * The Camunda user task lifecycle with blocking task listeners (Camunda 8.8): a transition
 * (creating, assigning, updating, completing, canceling) enters its "-ING" state and runs one
 * listener job after the other; a listener result may correct attributes (applied when the
 * transition finishes) or deny the transition (assigning, updating and completing only: the task
 * returns to CREATED unchanged). Canceling runs when the task's element is terminated and holds the
 * termination until its listeners are done.
 *
 * <p>Every event of a transition is recorded with the transition's key (the key of the event that
 * started it), and its end is announced to the command that may wait for it ({@link
 * ProcessInstanceRunner#transitionEnded}).
 */
public final class UserTaskBehavior {

  /** Transitions a listener may deny (Camunda 8.8 refuses a denial of creating or canceling). */
  public static final Set<String> DENIABLE = Set.of("ASSIGNING", "UPDATING", "COMPLETING");

  /** What a transition asks for, kept while its listeners run. */
  public static final class Request {
    /** The key of the event that started the transition. */
    public long transitionKey;

    public String action;
    public String assignee;
    public Map<String, Object> changes = new LinkedHashMap<>();
    public Map<String, Object> variables = new LinkedHashMap<>();
    public Map<String, Object> corrections = new LinkedHashMap<>();
    public List<String> changedAttributes = new ArrayList<>();
  }

  /** A task listener job's result. */
  public record ListenerResult(
      boolean denied, String deniedReason, Map<String, Object> corrections) {}

  private final ProcessInstanceRunner runner;

  public UserTaskBehavior(ProcessInstanceRunner runner) {
    this.runner = runner;
  }

  /**
   * Starts a transition; with no listeners for it, it finishes at once.
   *
   * @return the transition's key
   */
  public long start(UserTask task, String transition, Request request) {
    request.transitionKey =
        record(task, transition, request.action, request.assignee, changed(request), null);
    List<ExecutableUserTask.TaskListener> listeners = node(task).listenersFor(transition);
    if (listeners.isEmpty()) {
      task.await(transition, null);
      finish(task, transition, request);
      return request.transitionKey;
    }
    task.await(transition, Json.write(request));
    createListenerJob(task, listeners.get(0), transition);
    return request.transitionKey;
  }

  /** Creates the job of the task's current listener again (its expression failed before). */
  public void retryListener(UserTask task) {
    List<ExecutableUserTask.TaskListener> listeners = node(task).listenersFor(task.state());
    if (task.listenersDone() < listeners.size()) {
      createListenerJob(task, listeners.get(task.listenersDone()), task.state());
    }
  }

  /** A listener job of this task completed: deny, or correct and go on. */
  public void listenerCompleted(Job job, ListenerResult result) {
    UserTask task = runner.state().userTaskOf(job.elementInstanceKey());
    if (task == null || task.pending() == null) {
      return;
    }
    String transition = task.state();
    Request request = pending(task);
    if (result.denied() && DENIABLE.contains(transition)) {
      task.settle(); // the task stays as it was before the transition
      record(
          task,
          switch (transition) {
            case "ASSIGNING" -> "ASSIGNMENT_DENIED";
            case "UPDATING" -> "UPDATE_DENIED";
            default -> "COMPLETION_DENIED";
          },
          request.action,
          task.assignee(),
          result.deniedReason(),
          request.transitionKey);
      ended(task, request, transition, UserTaskTransition.Result.DENIED, result.deniedReason());
      return;
    }
    request.corrections.putAll(result.corrections());
    task.listenerDone();
    List<ExecutableUserTask.TaskListener> listeners = node(task).listenersFor(transition);
    if (task.listenersDone() < listeners.size()) {
      task.updatePending(Json.write(request));
      createListenerJob(task, listeners.get(task.listenersDone()), transition);
      return;
    }
    finish(task, transition, request);
  }

  private void finish(UserTask task, String transition, Request request) {
    ElementInstance element = runner.state().element(task.elementInstanceKey());
    long key = request.transitionKey;
    switch (transition) {
      case "CREATING" -> {
        applyCorrections(task, request.corrections);
        task.settle();
        record(task, "CREATED", request.action, null, null, key);
        runner.activated(element);
        String assignee = request.assignee;
        if (request.corrections.containsKey("assignee")) {
          assignee = (String) request.corrections.get("assignee");
        }
        if (assignee != null && !assignee.isEmpty()) {
          Request assign = new Request();
          assign.action = "assign";
          assign.assignee = assignee;
          start(task, "ASSIGNING", assign);
        }
      }
      case "ASSIGNING" -> {
        task.setAssignee(request.assignee);
        applyCorrections(task, request.corrections);
        task.settle();
        record(task, "ASSIGNED", request.action, task.assignee(), null, key);
        ended(task, request, transition, UserTaskTransition.Result.FINISHED, null);
      }
      case "UPDATING" -> {
        applyCorrections(task, request.changes);
        applyCorrections(task, request.corrections);
        task.settle();
        record(task, "UPDATED", request.action, task.assignee(), changed(request), key);
        ended(task, request, transition, UserTaskTransition.Result.FINISHED, null);
      }
      case "COMPLETING" -> {
        applyCorrections(task, request.corrections);
        task.complete(runner.now());
        record(task, "COMPLETED", request.action, task.assignee(), null, key);
        ended(task, request, transition, UserTaskTransition.Result.FINISHED, null);
        runner.completeElement(element, request.variables);
      }
      case "CANCELING" -> {
        applyCorrections(task, request.corrections);
        task.cancel(runner.now());
        record(task, "CANCELED", null, task.assignee(), null, key);
        runner.termination().released(element);
      }
      default -> throw new IllegalStateException("Unknown user task transition " + transition);
    }
  }

  private void ended(
      UserTask task,
      Request request,
      String transition,
      UserTaskTransition.Result result,
      String deniedReason) {
    runner.transitionEnded(
        new UserTaskTransition(
            task.key(), request.transitionKey, transition, result, deniedReason));
  }

  private static Request pending(UserTask task) {
    return Json.mapper().convertValue(Json.read(task.pending()), Request.class);
  }

  private void createListenerJob(
      UserTask task, ExecutableUserTask.TaskListener listener, String transition) {
    ElementInstance element = runner.state().element(task.elementInstanceKey());
    Map<String, Object> variables = runner.visibleVariables(element);
    Evaluated<String> type = runner.expressions().evaluateString(listener.jobType(), variables);
    Evaluated<Long> retries = runner.expressions().evaluateLong(listener.retries(), variables);
    if (type.isFailure() || retries.isFailure()) {
      runner
          .incidents()
          .raise(element, type.isFailure() ? type.failure() : retries.failure(), null);
      return;
    }
    runner
        .jobs()
        .createJob(
            element,
            type.value(),
            retries.value().intValue(),
            Map.of(),
            "TASK_LISTENER",
            transition);
  }

  /** Applies attribute changes (from an update request or listener corrections). */
  @SuppressWarnings("unchecked")
  public static void applyCorrections(UserTask task, Map<String, Object> changes) {
    if (changes.containsKey("assignee")) {
      task.setAssignee((String) changes.get("assignee"));
    }
    if (changes.containsKey("candidateGroups") && changes.get("candidateGroups") != null) {
      task.setCandidateGroups((List<String>) changes.get("candidateGroups"));
    }
    if (changes.containsKey("candidateUsers") && changes.get("candidateUsers") != null) {
      task.setCandidateUsers((List<String>) changes.get("candidateUsers"));
    }
    if (changes.containsKey("dueDate")) {
      task.setDueDate(date(changes.get("dueDate")));
    }
    if (changes.containsKey("followUpDate")) {
      task.setFollowUpDate(date(changes.get("followUpDate")));
    }
    if (changes.containsKey("priority") && changes.get("priority") != null) {
      task.setPriority(((Number) changes.get("priority")).intValue());
    }
  }

  /**
   * The task's element is being terminated: the task goes CANCELING and runs its canceling
   * listeners (Camunda 8.8), then is CANCELED. A transition still waiting for its listeners is
   * abandoned (its request is answered as canceled); the caller cancels that transition's jobs.
   *
   * @return true when the task is CANCELED now; false while canceling listeners run (the caller
   *     holds the element's termination until then)
   */
  public boolean cancel(UserTask task) {
    if (task.pending() != null) {
      ended(task, pending(task), task.state(), UserTaskTransition.Result.CANCELED, null);
    }
    Request request = new Request();
    request.transitionKey = record(task, "CANCELING", null, task.assignee(), null, null);
    List<ExecutableUserTask.TaskListener> listeners = node(task).listenersFor("CANCELING");
    if (listeners.isEmpty()) {
      task.cancel(runner.now());
      record(task, "CANCELED", null, task.assignee(), null, request.transitionKey);
      return true;
    }
    task.await("CANCELING", Json.write(request));
    createListenerJob(task, listeners.get(0), "CANCELING");
    return false;
  }

  /** Records an event; returns its key. {@code transitionKey} null: the event starts one. */
  private long record(
      UserTask task,
      String intent,
      String action,
      String assignee,
      String details,
      Long transitionKey) {
    long key = runner.services().keys().nextKey();
    runner
        .state()
        .addUserTaskEvent(
            new UserTaskEvent(
                key,
                task.key(),
                task.processInstanceKey(),
                task.elementId(),
                intent,
                action,
                assignee,
                details,
                task.tenantId(),
                runner.now(),
                transitionKey == null ? key : transitionKey));
    return key;
  }

  private static String changed(Request request) {
    return request.changedAttributes.isEmpty() ? null : String.join(",", request.changedAttributes);
  }

  /** Rejects commands on a task that is not waiting in CREATED (a transition is running). */
  public static void requireCreated(UserTask task, String verb) {
    if (!"CREATED".equals(task.state())) {
      throw EngineRejection.invalidState(
          "Expected to "
              + verb
              + " user task with key '"
              + task.key()
              + "', but it is in state '"
              + task.state()
              + "'");
    }
  }

  private static Instant date(Object value) {
    if (value == null || value.toString().isEmpty()) {
      return null;
    }
    return java.time.OffsetDateTime.parse(value.toString()).toInstant();
  }

  private ExecutableUserTask node(UserTask task) {
    return (ExecutableUserTask) runner.process().process().element(task.elementId());
  }
}
