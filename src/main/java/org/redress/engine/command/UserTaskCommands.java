package org.redress.engine.command;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.redress.engine.EngineRejection;
import org.redress.engine.runtime.behavior.UserTaskBehavior;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.UserTask;
import org.redress.engine.state.UserTaskQueries;
import org.redress.engine.state.UserTaskTransition;

/**
 * What people (or Tasklist) do with a Camunda user task: assign, claim, unassign, update, complete.
 * Each runs under its process instance's lock and is only valid while the task waits in CREATED
 * (409 otherwise); task listeners may hold the transition and deny it.
 *
 * <p>As in Camunda 8.8 a request is answered only when the listeners of its transition have
 * decided: {@link #awaitDecision} waits for that without holding a transaction or a connection. The
 * command commits first (so the listener jobs exist); the waiting thread is woken by the
 * after-commit notification of the command that ends the transition, and looks at the task's events
 * every {@code pollInterval} in case another app instance sharing the database ended it.
 */
public class UserTaskCommands {

  /**
   * A transition a command started.
   *
   * @param command Zeebe's name of the command, for the rejection text (ASSIGN, CLAIM, UPDATE,
   *     COMPLETE)
   * @param ended how it ended within the command (no listeners for it), or null while listeners run
   */
  public record Transition(
      long userTaskKey, long transitionKey, String command, UserTaskTransition ended) {}

  private final InstanceCommandExecutor executor;
  private final InstanceStore store;
  private final UserTaskQueries queries;
  private final EngineNotifications notifications;
  private final Duration timeout;
  private final Duration pollInterval;

  /**
   * @param timeout how long {@link #awaitDecision} waits for the listeners
   * @param pollInterval how often it looks at the database for a transition another app instance
   *     ended
   */
  public UserTaskCommands(
      InstanceCommandExecutor executor,
      InstanceStore store,
      UserTaskQueries queries,
      EngineNotifications notifications,
      Duration timeout,
      Duration pollInterval) {
    this.executor = executor;
    this.store = store;
    this.queries = queries;
    this.notifications = notifications;
    this.timeout = timeout;
    this.pollInterval = pollInterval;
  }

  /**
   * @param allowOverride false: refuse (409) when the task already has another assignee (Zeebe's
   *     CLAIM)
   */
  public Transition assign(
      long userTaskKey, String assignee, boolean allowOverride, String action) {
    if (assignee == null || assignee.isBlank()) {
      throw EngineRejection.invalidArgument(
          "Expected an assignee to assign user task '" + userTaskKey + "', but none was given");
    }
    return onTask(
        userTaskKey,
        "assign",
        allowOverride ? "ASSIGN" : "CLAIM",
        task -> {
          if (!allowOverride && task.assignee() != null && !task.assignee().equals(assignee)) {
            throw EngineRejection.invalidState(
                "Expected to assign user task with key '"
                    + userTaskKey
                    + "' to '"
                    + assignee
                    + "', but it is already assigned to '"
                    + task.assignee()
                    + "'");
          }
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = action == null ? (allowOverride ? "assign" : "claim") : action;
          request.assignee = assignee;
          request.changedAttributes.add("assignee");
          return request;
        },
        "ASSIGNING");
  }

  public Transition unassign(long userTaskKey) {
    return onTask(
        userTaskKey,
        "unassign",
        "ASSIGN",
        task -> {
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = "unassign";
          request.assignee = null;
          request.changedAttributes.add("assignee");
          return request;
        },
        "ASSIGNING");
  }

  /**
   * @param changes dueDate, followUpDate (ISO text; "" clears), candidateGroups, candidateUsers,
   *     priority; absent attributes keep their value
   */
  public Transition update(long userTaskKey, Map<String, Object> changes, String action) {
    Object priority = changes.get("priority");
    if (priority != null
        && (!(priority instanceof Number n) || n.intValue() < 0 || n.intValue() > 100)) {
      throw EngineRejection.invalidArgument(
          "Expected a priority between 0 and 100, but was '" + priority + "'");
    }
    return onTask(
        userTaskKey,
        "update",
        "UPDATE",
        task -> {
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = action == null ? "update" : action;
          request.changes.putAll(changes);
          request.changedAttributes.addAll(changes.keySet());
          return request;
        },
        "UPDATING");
  }

  /**
   * @param variables the completion's variables: the element's payload, and visible to the task's
   *     completing listeners (over same-named process variables)
   */
  public Transition complete(long userTaskKey, Map<String, Object> variables, String action) {
    return onTask(
        userTaskKey,
        "complete",
        "COMPLETE",
        task -> {
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = action == null ? "complete" : action;
          request.variables.putAll(variables);
          return request;
        },
        "COMPLETING");
  }

  /**
   * Returns once the transition's listeners have decided, within the configured timeout: normally
   * when the transition finished; a denial is rejected as Camunda 8.8 rejects the original command
   * (INVALID_STATE, 409, naming the listener's reason), and so is a cancellation of the task while
   * its listeners ran. When the listeners take longer, the request is answered with TIMEOUT (504)
   * and the transition goes on; its outcome then shows in the task's state.
   */
  public void awaitDecision(Transition transition) {
    if (transition.ended() != null) {
      answer(transition, transition.ended());
      return;
    }
    long key = transition.transitionKey();
    CompletableFuture<UserTaskTransition> announced = notifications.awaitTransition(key);
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      // the transition may have ended between the commit and the registration above
      Optional<UserTaskTransition> ended = queries.transitionOutcome(transition.userTaskKey(), key);
      while (ended.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw timedOut(transition);
        }
        try {
          ended =
              Optional.of(
                  announced.get(Math.min(left, pollInterval.toNanos()), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
          ended = queries.transitionOutcome(transition.userTaskKey(), key);
        }
      }
      answer(transition, ended.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw timedOut(transition);
    } catch (ExecutionException e) {
      throw new IllegalStateException("A user task transition waiter failed", e.getCause());
    } finally {
      notifications.stopAwaitingTransition(key);
    }
  }

  private static void answer(Transition transition, UserTaskTransition ended) {
    long key = transition.userTaskKey();
    switch (ended.result()) {
      case FINISHED -> {
        // done
      }
      case DENIED ->
          throw EngineRejection.invalidState(
              "Command '"
                  + transition.command()
                  + "' rejected with code 'INVALID_STATE': "
                  + switch (transition.command()) {
                    case "UPDATE" -> "Update";
                    case "COMPLETE" -> "Completion";
                    default -> "Assignment";
                  }
                  + " of the User Task with key '"
                  + key
                  + "' was denied by Task Listener. Reason to deny: '"
                  + (ended.deniedReason() == null ? "" : ended.deniedReason())
                  + "'");
      case CANCELED ->
          throw EngineRejection.invalidState(
              "Command '"
                  + transition.command()
                  + "' rejected with code 'INVALID_STATE': user task with key '"
                  + key
                  + "' was canceled while its task listeners ran");
      case GONE ->
          throw EngineRejection.notFound(
              "Expected to find user task with key '"
                  + key
                  + "', but it was deleted while its task listeners ran");
      default -> throw new IllegalStateException("Unknown transition result " + ended.result());
    }
  }

  private EngineRejection timedOut(Transition transition) {
    return new EngineRejection(
        EngineRejection.Type.TIMEOUT,
        "Expected the task listeners of user task with key '"
            + transition.userTaskKey()
            + "' to decide the "
            + transition.command().toLowerCase()
            + " within "
            + timeout.toMillis()
            + " ms, but they have not; the transition goes on and its outcome will show in the"
            + " task's state");
  }

  private Transition onTask(
      long userTaskKey,
      String verb,
      String command,
      Function<UserTask, UserTaskBehavior.Request> request,
      String transition) {
    EngineRejection notFound =
        EngineRejection.notFound(
            "Expected to "
                + verb
                + " user task with key '"
                + userTaskKey
                + "', but no such user task was found");
    long processInstanceKey =
        store.processInstanceOfUserTask(userTaskKey).orElseThrow(() -> notFound);
    return executor.execute(
        processInstanceKey,
        () -> notFound,
        (runner, state) -> {
          UserTask task = state.userTask(userTaskKey);
          if (task == null) {
            throw notFound;
          }
          UserTaskBehavior.requireCreated(task, verb);
          long transitionKey = runner.userTasks().start(task, transition, request.apply(task));
          UserTaskTransition ended =
              runner.endedTransitions().stream()
                  .filter(t -> t.transitionKey() == transitionKey)
                  .findFirst()
                  .orElse(null);
          return new Transition(userTaskKey, transitionKey, command, ended);
        });
  }
}
