package org.redress.engine.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redress.engine.UserTaskHistory;
import org.redress.engine.state.SearchSupport.Column;
import org.redress.engine.state.SearchSupport.Page;
import org.redress.engine.state.SearchSupport.Type;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Read side of Camunda user tasks for the REST search and get. */
public class UserTaskQueries implements UserTaskHistory {

  private static final Map<String, Column> COLUMNS =
      Map.ofEntries(
          Map.entry("userTaskKey", new Column("t.key", Type.KEY)),
          Map.entry("state", new Column("t.state", Type.ENUM)),
          Map.entry("assignee", new Column("t.assignee", Type.STRING)),
          Map.entry("candidateGroup", new Column("t.candidate_groups", Type.ARRAY)),
          Map.entry("candidateUser", new Column("t.candidate_users", Type.ARRAY)),
          Map.entry("priority", new Column("t.priority", Type.INT)),
          Map.entry("elementId", new Column("t.element_id", Type.STRING)),
          Map.entry("name", new Column("t.name", Type.STRING)),
          Map.entry("processDefinitionId", new Column("t.bpmn_process_id", Type.STRING)),
          Map.entry("processDefinitionKey", new Column("t.process_definition_key", Type.KEY)),
          Map.entry("processInstanceKey", new Column("t.process_instance_key", Type.KEY)),
          Map.entry("elementInstanceKey", new Column("t.element_instance_key", Type.KEY)),
          Map.entry("tenantId", new Column("t.tenant_id", Type.STRING)),
          Map.entry("creationDate", new Column("t.creation_date", Type.DATE)),
          Map.entry("completionDate", new Column("t.completion_date", Type.DATE)),
          Map.entry("followUpDate", new Column("t.follow_up_date", Type.DATE)),
          Map.entry("dueDate", new Column("t.due_date", Type.DATE)));

  private final JdbcClient jdbc;
  private final SearchSupport search;

  public UserTaskQueries(JdbcClient jdbc, SearchSupport search) {
    this.jdbc = jdbc;
    this.search = search;
  }

  public Page<UserTask> search(JsonNode request) {
    return search.search(
        "SELECT t.* FROM engine.user_task t",
        "TRUE",
        COLUMNS,
        request,
        "t.key",
        InstanceStore.USER_TASK);
  }

  public Optional<UserTask> get(long key) {
    return jdbc.sql("SELECT * FROM engine.user_task WHERE key = :key")
        .param("key", key)
        .query(InstanceStore.USER_TASK)
        .optional();
  }

  /** The open user task of an element instance (task listener jobs carry its properties). */
  public Optional<UserTask> openTaskOf(long elementInstanceKey) {
    return jdbc.sql(
            "SELECT * FROM engine.user_task WHERE element_instance_key = :key"
                + " AND state NOT IN ('COMPLETED','CANCELED')")
        .param("key", elementInstanceKey)
        .query(InstanceStore.USER_TASK)
        .optional();
  }

  /**
   * How a transition ended, read from the task's events: empty while it is still running. A
   * transition that has no end event but whose task is canceling or canceled was abandoned by the
   * cancellation (only one transition runs at a time).
   *
   * @param transitionKey the key of the event that started the transition
   */
  public Optional<UserTaskTransition> transitionOutcome(long userTaskKey, long transitionKey) {
    List<String[]> events =
        jdbc.sql(
                "SELECT intent, details FROM engine.user_task_event"
                    + " WHERE user_task_key = :task AND transition_key = :transition ORDER BY key")
            .param("task", userTaskKey)
            .param("transition", transitionKey)
            .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
            .list();
    String transition = events.isEmpty() ? null : events.get(0)[0];
    for (String[] event : events) {
      switch (event[0]) {
        case "ASSIGNED", "UPDATED", "COMPLETED" -> {
          return Optional.of(
              new UserTaskTransition(
                  userTaskKey,
                  transitionKey,
                  transition,
                  UserTaskTransition.Result.FINISHED,
                  null));
        }
        case "ASSIGNMENT_DENIED", "UPDATE_DENIED", "COMPLETION_DENIED" -> {
          return Optional.of(
              new UserTaskTransition(
                  userTaskKey,
                  transitionKey,
                  transition,
                  UserTaskTransition.Result.DENIED,
                  event[1]));
        }
        default -> {
          // the start or a listener step: look further
        }
      }
    }
    Optional<String> state =
        jdbc.sql("SELECT state FROM engine.user_task WHERE key = :key")
            .param("key", userTaskKey)
            .query(String.class)
            .optional();
    if (state.isEmpty()) {
      return Optional.of(
          new UserTaskTransition(
              userTaskKey, transitionKey, transition, UserTaskTransition.Result.GONE, null));
    }
    if ("CANCELING".equals(state.get()) || "CANCELED".equals(state.get())) {
      return Optional.of(
          new UserTaskTransition(
              userTaskKey, transitionKey, transition, UserTaskTransition.Result.CANCELED, null));
    }
    return Optional.empty();
  }

  @Override
  public List<UserTaskHistory.Event> eventsOfProcessInstance(
      long processInstanceKey, long afterKey, int limit) {
    return jdbc.sql(
            """
            SELECT key, user_task_key, process_instance_key, element_id, intent, action, assignee,
                   details, event_time
              FROM engine.user_task_event
             WHERE process_instance_key = :pi AND key > :after
             ORDER BY key
             LIMIT :limit
            """)
        .param("pi", processInstanceKey)
        .param("after", afterKey)
        .param("limit", limit)
        .query(
            (rs, n) ->
                new UserTaskHistory.Event(
                    rs.getLong("key"),
                    rs.getLong("user_task_key"),
                    rs.getLong("process_instance_key"),
                    rs.getString("element_id"),
                    rs.getString("intent"),
                    rs.getString("action"),
                    rs.getString("assignee"),
                    rs.getString("details"),
                    rs.getTimestamp("event_time").toInstant()))
        .list();
  }

  /** The process definition's name, for {@code processName} in results. */
  public String processName(long processDefinitionKey) {
    return jdbc.sql(
            "SELECT coalesce(name, bpmn_process_id) FROM engine.process_definition WHERE key = :key")
        .param("key", processDefinitionKey)
        .query(String.class)
        .optional()
        .orElse(null);
  }
}
