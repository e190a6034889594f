package org.redress.engine.command;

import java.util.Map;
import org.redress.engine.EngineRejection;
import org.redress.engine.runtime.UserTaskBehavior;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.UserTask;

/**
 * What people (or Tasklist) do with a Camunda user task: assign, unassign, update, complete. Each
 * runs under its process instance's lock and is only valid while the task waits in CREATED (409
 * otherwise); task listeners may hold the transition and deny it.
 */
public class UserTaskCommands {

  private final InstanceCommandExecutor executor;
  private final InstanceStore store;

  public UserTaskCommands(InstanceCommandExecutor executor, InstanceStore store) {
    this.executor = executor;
    this.store = store;
  }

  /**
   * @param allowOverride false: refuse (409) when the task already has another assignee
   */
  public void assign(long userTaskKey, String assignee, boolean allowOverride, String action) {
    if (assignee == null || assignee.isBlank()) {
      throw EngineRejection.invalidArgument(
          "Expected an assignee to assign user task '" + userTaskKey + "', but none was given");
    }
    onTask(
        userTaskKey,
        "assign",
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
          request.action = action == null ? "assign" : action;
          request.assignee = assignee;
          request.changedAttributes.add("assignee");
          return request;
        },
        "ASSIGNING");
  }

  public void unassign(long userTaskKey) {
    onTask(
        userTaskKey,
        "unassign",
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
  public void update(long userTaskKey, Map<String, Object> changes, String action) {
    Object priority = changes.get("priority");
    if (priority != null
        && (!(priority instanceof Number n) || n.intValue() < 0 || n.intValue() > 100)) {
      throw EngineRejection.invalidArgument(
          "Expected a priority between 0 and 100, but was '" + priority + "'");
    }
    onTask(
        userTaskKey,
        "update",
        task -> {
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = action == null ? "update" : action;
          request.changes.putAll(changes);
          request.changedAttributes.addAll(changes.keySet());
          return request;
        },
        "UPDATING");
  }

  public void complete(long userTaskKey, Map<String, Object> variables, String action) {
    onTask(
        userTaskKey,
        "complete",
        task -> {
          UserTaskBehavior.Request request = new UserTaskBehavior.Request();
          request.action = action == null ? "complete" : action;
          request.variables.putAll(variables);
          return request;
        },
        "COMPLETING");
  }

  private void onTask(
      long userTaskKey,
      String verb,
      java.util.function.Function<UserTask, UserTaskBehavior.Request> request,
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
    executor.execute(
        processInstanceKey,
        () -> notFound,
        (runner, state) -> {
          UserTask task = state.userTask(userTaskKey);
          if (task == null) {
            throw notFound;
          }
          UserTaskBehavior.requireCreated(task, verb);
          runner.userTasks().start(task, transition, request.apply(task));
          return null;
        });
  }
}
