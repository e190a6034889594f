package org.redress.engine.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.redress.engine.model.BpmnElementType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Loads a process instance's runtime state under a row lock and writes back what a command changed.
 * The PROCESS row of {@code engine.element_instance} is the lock: every command on an instance
 * takes it first, so commands on one instance run one after another.
 */
public class InstanceStore {

  private static final String ACTIVE_STATES =
      "('ACTIVATING','ACTIVATED','COMPLETING','TERMINATING')";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  public InstanceStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  /**
   * Locks the process instance and loads its active state; empty when there is no such instance.
   * Ended instances load with no active children.
   */
  public Optional<InstanceState> lockAndLoad(long processInstanceKey) {
    return lockAndLoad(processInstanceKey, definitionKey -> true);
  }

  /**
   * Same; {@code usesEventsOrTasks} tells by definition key whether timers, message subscriptions
   * and user tasks can exist, so that processes without them skip those queries. Timers,
   * subscriptions and user tasks are only changed under the instance lock, so they need no row
   * locks of their own; jobs are also touched by activation and the scheduler, so they are locked.
   */
  public Optional<InstanceState> lockAndLoad(
      long processInstanceKey, java.util.function.LongPredicate usesEventsOrTasks) {
    StatementPipeline lock = new StatementPipeline().genericPlans();
    StatementPipeline.Rows<ElementInstance> process =
        lock.query(
            "SELECT * FROM engine.element_instance WHERE key = :key AND type = 'PROCESS' FOR UPDATE",
            new MapSqlParameterSource("key", processInstanceKey),
            ELEMENT);
    lock.run(batch.getJdbcTemplate());
    return load(process.list().stream().findFirst(), usesEventsOrTasks);
  }

  /**
   * Same, for the instance a job belongs to, found and locked in one statement (a job command needs
   * no separate look-up of its instance first); empty when there is no such job.
   */
  public Optional<InstanceState> lockAndLoadByJob(
      long jobKey, java.util.function.LongPredicate usesEventsOrTasks) {
    StatementPipeline lock = new StatementPipeline().genericPlans();
    StatementPipeline.Rows<ElementInstance> process =
        lock.query(
            """
            SELECT * FROM engine.element_instance
             WHERE key = (SELECT process_instance_key FROM engine.job WHERE key = :job)
               AND type = 'PROCESS'
               FOR UPDATE
            """,
            new MapSqlParameterSource("job", jobKey),
            ELEMENT);
    lock.run(batch.getJdbcTemplate());
    return load(process.list().stream().findFirst(), usesEventsOrTasks);
  }

  private Optional<InstanceState> load(
      Optional<ElementInstance> process, java.util.function.LongPredicate usesEventsOrTasks) {
    if (process.isEmpty()) {
      return Optional.empty();
    }
    long processInstanceKey = process.get().key();
    InstanceState state = new InstanceState(process.get());
    if (!process.get().isActive()) {
      return Optional.of(state);
    }
    // Everything below in one round trip; the instance row is locked already.
    StatementPipeline loads = new StatementPipeline();
    MapSqlParameterSource pi = new MapSqlParameterSource("pi", processInstanceKey);
    StatementPipeline.Rows<ElementInstance> active =
        loads.query(
            "SELECT * FROM engine.element_instance WHERE process_instance_key = :pi AND key <> :pi"
                + " AND state IN "
                + ACTIVE_STATES
                + " ORDER BY key",
            pi,
            ELEMENT);
    // variables of the instance and of its active scopes
    StatementPipeline.Rows<Variable> variables =
        loads.query(
            "SELECT * FROM engine.variable v WHERE process_instance_key = :pi AND (scope_key = :pi"
                + " OR scope_key IN (SELECT key FROM engine.element_instance"
                + " WHERE process_instance_key = :pi AND state IN "
                + ACTIVE_STATES
                + ")) ORDER BY key",
            pi,
            VARIABLE);
    StatementPipeline.Rows<Job> jobs =
        loads.query(
            "SELECT * FROM engine.job WHERE process_instance_key = :pi"
                + " AND state NOT IN ('COMPLETED','CANCELED') ORDER BY key FOR UPDATE",
            pi,
            JOB);
    StatementPipeline.Rows<Timer> timers = null;
    StatementPipeline.Rows<MessageSubscription> subscriptions = null;
    StatementPipeline.Rows<UserTask> userTasks = null;
    if (usesEventsOrTasks.test(process.get().processDefinitionKey())) {
      timers =
          loads.query(
              "SELECT * FROM engine.timer WHERE process_instance_key = :pi AND state = 'CREATED'"
                  + " ORDER BY key",
              pi,
              TIMER);
      subscriptions =
          loads.query(
              "SELECT * FROM engine.message_subscription WHERE process_instance_key = :pi"
                  + " AND state = 'CREATED' ORDER BY key",
              pi,
              SUBSCRIPTION);
      userTasks =
          loads.query(
              "SELECT * FROM engine.user_task WHERE process_instance_key = :pi"
                  + " AND state NOT IN ('COMPLETED','CANCELED') ORDER BY key",
              pi,
              USER_TASK);
    }
    loads.run(batch.getJdbcTemplate());

    active.list().forEach(state::addElement);
    variables.list().forEach(v -> state.variables(v.scopeKey()).put(v.name(), v));
    jobs.list().forEach(state::addJob);
    if (timers != null) {
      timers.list().forEach(state::addTimer);
      subscriptions.list().forEach(state::addSubscription);
      userTasks.list().forEach(state::addUserTask);
    }
    state.loadIncidentsWith(
        () ->
            jdbc.sql(
                    "SELECT * FROM engine.incident WHERE process_instance_key = :pi"
                        + " AND state = 'ACTIVE' ORDER BY key")
                .param("pi", processInstanceKey)
                .query(INCIDENT)
                .list());
    return Optional.of(state);
  }

  /** The process instance an element instance belongs to (any state), if the element exists. */
  public Optional<Long> processInstanceOfElement(long elementInstanceKey) {
    return jdbc.sql("SELECT process_instance_key FROM engine.element_instance WHERE key = :key")
        .param("key", elementInstanceKey)
        .query(Long.class)
        .optional();
  }

  /** The active process instance a call activity instance started, if any. */
  public Optional<Long> activeChildInstance(long callActivityInstanceKey) {
    return jdbc.sql(
            "SELECT key FROM engine.element_instance WHERE parent_element_instance_key = :key"
                + " AND type = 'PROCESS' AND state IN "
                + ACTIVE_STATES)
        .param("key", callActivityInstanceKey)
        .query(Long.class)
        .optional();
  }

  public Optional<Long> processInstanceOfIncident(long incidentKey) {
    return jdbc.sql("SELECT process_instance_key FROM engine.incident WHERE key = :key")
        .param("key", incidentKey)
        .query(Long.class)
        .optional();
  }

  /**
   * How the rows of one change-tracked table are written: new rows with {@code insert}, changed
   * rows with {@code update}; untouched rows not at all.
   */
  private record Table<T extends ChangeTracked>(
      String insert, String update, Function<T, SqlParameterSource> params) {}

  private static final Table<ElementInstance> ELEMENTS =
      new Table<>(
          """
          INSERT INTO engine.element_instance (key, process_instance_key, process_definition_key,
              bpmn_process_id, version, element_id, element_name, type, flow_scope_key, state,
              start_date, end_date, parent_process_instance_key, parent_element_instance_key,
              tenant_id, taken_flows, pending_trigger)
          VALUES (:key, :processInstanceKey, :processDefinitionKey, :bpmnProcessId, :version,
              :elementId, :elementName, :type, :flowScopeKey, :state, :startDate, :endDate,
              :parentProcessInstanceKey, :parentElementInstanceKey, :tenantId,
              CAST(:takenFlows AS jsonb), CAST(:pendingTrigger AS jsonb))
          """,
          """
          UPDATE engine.element_instance
             SET state = :state, end_date = :endDate, taken_flows = CAST(:takenFlows AS jsonb),
                 pending_trigger = CAST(:pendingTrigger AS jsonb)
           WHERE key = :key
          """,
          InstanceStore::elementParams);

  private static final Table<Variable> VARIABLES =
      new Table<>(
          """
          INSERT INTO engine.variable (key, scope_key, process_instance_key, name, value, tenant_id)
          VALUES (:key, :scopeKey, :processInstanceKey, :name, :value, :tenantId)
          """,
          "UPDATE engine.variable SET value = :value WHERE key = :key",
          InstanceStore::variableParams);

  private static final Table<Job> JOBS =
      new Table<>(
          """
          INSERT INTO engine.job (key, type, state, intent, kind, listener_event_type, retries,
              worker, deadline, recur_at, error_message, error_code, custom_headers, element_id,
              element_instance_key, scope_keys, process_instance_key, process_definition_key,
              bpmn_process_id, version, tenant_id, has_failed_with_retries_left, created_at,
              end_time)
          VALUES (:key, :type, :state, :intent, :kind, :listenerEventType, :retries, :worker,
              :deadline, :recurAt, :errorMessage, :errorCode, :customHeaders, :elementId,
              :elementInstanceKey, :scopeKeys, :processInstanceKey, :processDefinitionKey,
              :bpmnProcessId, :version, :tenantId, :hasFailedWithRetriesLeft, :createdAt, :endTime)
          """,
          """
          UPDATE engine.job
             SET state = :state, intent = :intent, retries = :retries, worker = :worker,
                 deadline = :deadline, recur_at = :recurAt, error_message = :errorMessage,
                 error_code = :errorCode, has_failed_with_retries_left = :hasFailedWithRetriesLeft,
                 end_time = :endTime
           WHERE key = :key
          """,
          InstanceStore::jobParams);

  private static final Table<Incident> INCIDENTS =
      new Table<>(
          """
          INSERT INTO engine.incident (key, error_type, error_message, state, element_id,
              element_instance_key, job_key, process_instance_key, process_definition_key,
              bpmn_process_id, tenant_id, creation_time, resolved_time)
          VALUES (:key, :errorType, :errorMessage, :state, :elementId, :elementInstanceKey,
              :jobKey, :processInstanceKey, :processDefinitionKey, :bpmnProcessId, :tenantId,
              :creationTime, :resolvedTime)
          """,
          "UPDATE engine.incident SET state = :state, resolved_time = :resolvedTime WHERE key = :key",
          InstanceStore::incidentParams);

  private static final Table<Timer> TIMERS =
      new Table<>(
          """
          INSERT INTO engine.timer (key, process_instance_key, element_instance_key,
              process_definition_key, bpmn_process_id, target_element_id, due_date, repetitions,
              cycle, state, tenant_id, created_at)
          VALUES (:key, :processInstanceKey, :elementInstanceKey, :processDefinitionKey,
              :bpmnProcessId, :targetElementId, :dueDate, :repetitions, :cycle, :state, :tenantId,
              :createdAt)
          """,
          "UPDATE engine.timer SET state = :state, due_date = :dueDate, repetitions = :repetitions"
              + " WHERE key = :key",
          InstanceStore::timerParams);

  private static final Table<MessageSubscription> SUBSCRIPTIONS =
      new Table<>(
          """
          INSERT INTO engine.message_subscription (key, process_instance_key, element_instance_key,
              element_id, process_definition_key, bpmn_process_id, message_name, correlation_key,
              interrupting, state, tenant_id, created_at, last_updated)
          VALUES (:key, :processInstanceKey, :elementInstanceKey, :elementId, :processDefinitionKey,
              :bpmnProcessId, :messageName, :correlationKey, :interrupting, :state, :tenantId,
              :createdAt, :lastUpdated)
          """,
          "UPDATE engine.message_subscription SET state = :state, last_updated = :lastUpdated"
              + " WHERE key = :key",
          InstanceStore::subscriptionParams);

  private static final Table<UserTask> USER_TASKS =
      new Table<>(
          """
          INSERT INTO engine.user_task (key, element_instance_key, process_instance_key,
              process_definition_key, bpmn_process_id, version, element_id, name, state, assignee,
              candidate_groups, candidate_users, due_date, follow_up_date, priority, form_key,
              external_form_reference, custom_headers, tenant_id, creation_date, completion_date,
              pending, listeners_done)
          VALUES (:key, :elementInstanceKey, :processInstanceKey, :processDefinitionKey,
              :bpmnProcessId, :version, :elementId, :name, :state, :assignee, :candidateGroups,
              :candidateUsers, :dueDate, :followUpDate, :priority, :formKey, :externalFormReference,
              :customHeaders, :tenantId, :creationDate, :completionDate, :pending, :listenersDone)
          """,
          """
          UPDATE engine.user_task
             SET state = :state, assignee = :assignee, candidate_groups = :candidateGroups,
                 candidate_users = :candidateUsers, due_date = :dueDate,
                 follow_up_date = :followUpDate, priority = :priority,
                 completion_date = :completionDate, pending = :pending,
                 listeners_done = :listenersDone
           WHERE key = :key
          """,
          InstanceStore::userTaskParams);

  /**
   * Writes every new or changed row of the state: all statements in one round trip ({@link
   * StatementPipeline}).
   */
  public void flush(InstanceState state) {
    StatementPipeline writes = new StatementPipeline();
    write(writes, ELEMENTS, state.elements());
    List<Variable> variables = new ArrayList<>();
    for (Map<String, Variable> scope : state.allVariables().values()) {
      variables.addAll(scope.values());
    }
    write(writes, VARIABLES, variables);
    write(writes, JOBS, state.jobs());
    write(writes, INCIDENTS, state.incidentsInMemory());
    write(writes, TIMERS, state.timers());
    write(writes, SUBSCRIPTIONS, state.subscriptions());
    write(writes, USER_TASKS, state.userTasks());
    insertTaskEvents(writes, state.userTaskEvents());
    insertCorrelations(writes, state.correlations());
    insertTakenFlows(writes, state.takenFlows());
    writes.run(batch.getJdbcTemplate());
    state.userTaskEvents().clear();
    state.correlations().clear();
    state.takenFlows().clear();

    // marked only once every statement has run: a failing one rolls the command back whole
    state.elements().forEach(ElementInstance::markPersisted);
    variables.forEach(Variable::markPersisted);
    state.jobs().forEach(Job::markPersisted);
    state.incidentsInMemory().forEach(Incident::markPersisted);
    state.timers().forEach(Timer::markPersisted);
    state.subscriptions().forEach(MessageSubscription::markPersisted);
    state.userTasks().forEach(UserTask::markPersisted);
  }

  /** Writes new and changed timers (also used for timer start events, outside an instance). */
  public void flushTimers(Collection<Timer> timers) {
    StatementPipeline writes = new StatementPipeline();
    write(writes, TIMERS, timers);
    writes.run(batch.getJdbcTemplate());
    timers.forEach(Timer::markPersisted);
  }

  /**
   * Inserts the table's new rows (one statement for all) and updates its changed ones (a statement
   * each). An {@code INSERT ... ON CONFLICT DO UPDATE} for both was tried and cost PostgreSQL more:
   * for a row that exists it locks the row before updating it (two WAL records instead of one).
   */
  private <T extends ChangeTracked> void write(
      StatementPipeline writes, Table<T> table, Iterable<T> rows) {
    List<SqlParameterSource> inserts = new ArrayList<>();
    List<SqlParameterSource> updates = new ArrayList<>();
    for (T row : rows) {
      if (row.isNew()) {
        inserts.add(table.params().apply(row));
      } else if (row.isDirty()) {
        updates.add(table.params().apply(row));
      }
    }
    writes.insertRows(table.insert(), inserts);
    updates.forEach(row -> writes.update(table.update(), row));
  }

  private void insertTaskEvents(StatementPipeline writes, List<UserTaskEvent> events) {
    List<SqlParameterSource> rows = new ArrayList<>();
    for (UserTaskEvent e : events) {
      rows.add(
          new MapSqlParameterSource()
              .addValue("key", e.key())
              .addValue("userTaskKey", e.userTaskKey())
              .addValue("processInstanceKey", e.processInstanceKey())
              .addValue("elementId", e.elementId())
              .addValue("intent", e.intent())
              .addValue("action", e.action())
              .addValue("assignee", e.assignee())
              .addValue("details", e.details())
              .addValue("tenantId", e.tenantId())
              .addValue("eventTime", ts(e.eventTime()))
              .addValue("transitionKey", e.transitionKey()));
    }
    writes.insertRows(
        """
        INSERT INTO engine.user_task_event (key, user_task_key, process_instance_key, element_id,
            intent, action, assignee, details, tenant_id, event_time, transition_key)
        VALUES (:key, :userTaskKey, :processInstanceKey, :elementId, :intent, :action, :assignee,
            :details, :tenantId, :eventTime, :transitionKey)
        """,
        rows);
  }

  private void insertTakenFlows(StatementPipeline writes, List<TakenSequenceFlow> takenFlows) {
    List<SqlParameterSource> flows = new ArrayList<>();
    for (TakenSequenceFlow f : takenFlows) {
      flows.add(
          new MapSqlParameterSource()
              .addValue("key", f.key())
              .addValue("processInstanceKey", f.processInstanceKey())
              .addValue("processDefinitionKey", f.processDefinitionKey())
              .addValue("bpmnProcessId", f.bpmnProcessId())
              .addValue("flowId", f.flowId())
              .addValue("flowScopeKey", f.flowScopeKey())
              .addValue("tenantId", f.tenantId())
              .addValue("takenAt", ts(f.takenAt())));
    }
    writes.insertRows(
        """
        INSERT INTO engine.sequence_flow (key, process_instance_key, process_definition_key,
            bpmn_process_id, flow_id, flow_scope_key, tenant_id, taken_at)
        VALUES (:key, :processInstanceKey, :processDefinitionKey, :bpmnProcessId, :flowId,
            :flowScopeKey, :tenantId, :takenAt)
        """,
        flows);
  }

  private static MapSqlParameterSource timerParams(Timer t) {
    return new MapSqlParameterSource()
        .addValue("key", t.key())
        .addValue("processInstanceKey", t.processInstanceKey())
        .addValue("elementInstanceKey", t.elementInstanceKey())
        .addValue("processDefinitionKey", t.processDefinitionKey())
        .addValue("bpmnProcessId", t.bpmnProcessId())
        .addValue("targetElementId", t.targetElementId())
        .addValue("dueDate", ts(t.dueDate()))
        .addValue("repetitions", t.repetitions())
        .addValue("cycle", t.cycle())
        .addValue("state", t.state())
        .addValue("tenantId", t.tenantId())
        .addValue("createdAt", ts(t.createdAt()));
  }

  private static MapSqlParameterSource subscriptionParams(MessageSubscription m) {
    return new MapSqlParameterSource()
        .addValue("key", m.key())
        .addValue("processInstanceKey", m.processInstanceKey())
        .addValue("elementInstanceKey", m.elementInstanceKey())
        .addValue("elementId", m.elementId())
        .addValue("processDefinitionKey", m.processDefinitionKey())
        .addValue("bpmnProcessId", m.bpmnProcessId())
        .addValue("messageName", m.messageName())
        .addValue("correlationKey", m.correlationKey())
        .addValue("interrupting", m.interrupting())
        .addValue("state", m.state())
        .addValue("tenantId", m.tenantId())
        .addValue("createdAt", ts(m.createdAt()))
        .addValue("lastUpdated", ts(m.lastUpdated()));
  }

  private static MapSqlParameterSource userTaskParams(UserTask t) {
    return new MapSqlParameterSource()
        .addValue("key", t.key())
        .addValue("elementInstanceKey", t.elementInstanceKey())
        .addValue("processInstanceKey", t.processInstanceKey())
        .addValue("processDefinitionKey", t.processDefinitionKey())
        .addValue("bpmnProcessId", t.bpmnProcessId())
        .addValue("version", t.version())
        .addValue("elementId", t.elementId())
        .addValue("name", t.name())
        .addValue("state", t.state())
        .addValue("assignee", t.assignee())
        .addValue("candidateGroups", t.candidateGroups().toArray(String[]::new))
        .addValue("candidateUsers", t.candidateUsers().toArray(String[]::new))
        .addValue("dueDate", ts(t.dueDate()))
        .addValue("followUpDate", ts(t.followUpDate()))
        .addValue("priority", t.priority())
        .addValue("formKey", t.formKey())
        .addValue("externalFormReference", t.externalFormReference())
        .addValue("customHeaders", Json.write(t.customHeaders()))
        .addValue("tenantId", t.tenantId())
        .addValue("creationDate", ts(t.creationDate()))
        .addValue("completionDate", ts(t.completionDate()))
        .addValue("pending", t.pending())
        .addValue("listenersDone", t.listenersDone());
  }

  /** Records correlations; a second one of a message to the same process id is refused. */
  public void insertCorrelations(List<MessageCorrelation> correlations) {
    StatementPipeline writes = new StatementPipeline();
    insertCorrelations(writes, correlations);
    writes.run(batch.getJdbcTemplate());
  }

  private void insertCorrelations(StatementPipeline writes, List<MessageCorrelation> correlations) {
    List<SqlParameterSource> rows = new ArrayList<>();
    for (MessageCorrelation c : correlations) {
      rows.add(
          new MapSqlParameterSource()
              .addValue("messageKey", c.messageKey())
              .addValue("bpmnProcessId", c.bpmnProcessId())
              .addValue("subscriptionKey", c.subscriptionKey())
              .addValue("processInstanceKey", c.processInstanceKey())
              .addValue("processDefinitionKey", c.processDefinitionKey())
              .addValue("elementId", c.elementId())
              .addValue("elementInstanceKey", c.elementInstanceKey())
              .addValue("messageName", c.messageName())
              .addValue("correlationKey", c.correlationKey())
              .addValue("startEvent", c.startEvent())
              .addValue("tenantId", c.tenantId())
              .addValue("correlationTime", ts(c.correlationTime())));
    }
    writes.insertRows(
        """
        INSERT INTO engine.message_correlation (message_key, bpmn_process_id, subscription_key,
            process_instance_key, process_definition_key, element_id, element_instance_key,
            message_name, correlation_key, start_event, tenant_id, correlation_time)
        VALUES (:messageKey, :bpmnProcessId, :subscriptionKey, :processInstanceKey,
            :processDefinitionKey, :elementId, :elementInstanceKey, :messageName, :correlationKey,
            :startEvent, :tenantId, :correlationTime)
        """,
        rows);
  }

  private static MapSqlParameterSource elementParams(ElementInstance e) {
    return new MapSqlParameterSource()
        .addValue("key", e.key())
        .addValue("processInstanceKey", e.processInstanceKey())
        .addValue("processDefinitionKey", e.processDefinitionKey())
        .addValue("bpmnProcessId", e.bpmnProcessId())
        .addValue("version", e.version())
        .addValue("elementId", e.elementId())
        .addValue("elementName", e.elementName())
        .addValue("type", e.type().name())
        .addValue("flowScopeKey", e.flowScopeKey())
        .addValue("state", e.state().name())
        .addValue("startDate", ts(e.startDate()))
        .addValue("endDate", ts(e.endDate()))
        .addValue("parentProcessInstanceKey", e.parentProcessInstanceKey())
        .addValue("parentElementInstanceKey", e.parentElementInstanceKey())
        .addValue("tenantId", e.tenantId())
        .addValue("takenFlows", e.allTakenFlows().isEmpty() ? null : Json.write(e.allTakenFlows()))
        .addValue("pendingTrigger", e.pendingTrigger());
  }

  private static MapSqlParameterSource variableParams(Variable v) {
    return new MapSqlParameterSource()
        .addValue("key", v.key())
        .addValue("scopeKey", v.scopeKey())
        .addValue("processInstanceKey", v.processInstanceKey())
        .addValue("name", v.name())
        .addValue("value", v.json())
        .addValue("tenantId", v.tenantId());
  }

  private static MapSqlParameterSource jobParams(Job j) {
    return new MapSqlParameterSource()
        .addValue("key", j.key())
        .addValue("type", j.type())
        .addValue("state", j.state().name())
        .addValue("intent", j.intent())
        .addValue("kind", j.kind())
        .addValue("listenerEventType", j.listenerEventType())
        .addValue("retries", j.retries())
        .addValue("worker", j.worker())
        .addValue("deadline", ts(j.deadline()))
        .addValue("recurAt", ts(j.recurAt()))
        .addValue("errorMessage", j.errorMessage())
        .addValue("errorCode", j.errorCode())
        .addValue("customHeaders", Json.write(j.customHeaders()))
        .addValue("elementId", j.elementId())
        .addValue("elementInstanceKey", j.elementInstanceKey())
        .addValue("scopeKeys", j.scopeKeys())
        .addValue("processInstanceKey", j.processInstanceKey())
        .addValue("processDefinitionKey", j.processDefinitionKey())
        .addValue("bpmnProcessId", j.bpmnProcessId())
        .addValue("version", j.version())
        .addValue("tenantId", j.tenantId())
        .addValue("hasFailedWithRetriesLeft", j.hasFailedWithRetriesLeft())
        .addValue("createdAt", ts(j.createdAt()))
        .addValue("endTime", ts(j.endTime()));
  }

  private static MapSqlParameterSource incidentParams(Incident i) {
    return new MapSqlParameterSource()
        .addValue("key", i.key())
        .addValue("errorType", i.errorType())
        .addValue("errorMessage", i.errorMessage())
        .addValue("state", i.state())
        .addValue("elementId", i.elementId())
        .addValue("elementInstanceKey", i.elementInstanceKey())
        .addValue("jobKey", i.jobKey())
        .addValue("processInstanceKey", i.processInstanceKey())
        .addValue("processDefinitionKey", i.processDefinitionKey())
        .addValue("bpmnProcessId", i.bpmnProcessId())
        .addValue("tenantId", i.tenantId())
        .addValue("creationTime", ts(i.creationTime()))
        .addValue("resolvedTime", ts(i.resolvedTime()));
  }

  static Timestamp ts(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static final RowMapper<ElementInstance> ELEMENT =
      (rs, n) ->
          new ElementInstance(
              rs.getLong("key"),
              rs.getLong("process_instance_key"),
              rs.getLong("process_definition_key"),
              rs.getString("bpmn_process_id"),
              rs.getInt("version"),
              rs.getString("element_id"),
              rs.getString("element_name"),
              BpmnElementType.valueOf(rs.getString("type")),
              rs.getLong("flow_scope_key"),
              ElementState.valueOf(rs.getString("state")),
              instant(rs, "start_date"),
              instant(rs, "end_date"),
              nullableLong(rs, "parent_process_instance_key"),
              nullableLong(rs, "parent_element_instance_key"),
              rs.getString("tenant_id"),
              Json.readTakenFlows(rs.getString("taken_flows")),
              rs.getString("pending_trigger"),
              false);

  static final RowMapper<Timer> TIMER =
      (rs, n) ->
          new Timer(
              rs.getLong("key"),
              nullableLong(rs, "process_instance_key"),
              nullableLong(rs, "element_instance_key"),
              rs.getLong("process_definition_key"),
              rs.getString("bpmn_process_id"),
              rs.getString("target_element_id"),
              instant(rs, "due_date"),
              rs.getInt("repetitions"),
              rs.getString("cycle"),
              rs.getString("state"),
              rs.getString("tenant_id"),
              instant(rs, "created_at"),
              false);

  static final RowMapper<MessageSubscription> SUBSCRIPTION =
      (rs, n) ->
          new MessageSubscription(
              rs.getLong("key"),
              rs.getLong("process_instance_key"),
              rs.getLong("element_instance_key"),
              rs.getString("element_id"),
              rs.getLong("process_definition_key"),
              rs.getString("bpmn_process_id"),
              rs.getString("message_name"),
              rs.getString("correlation_key"),
              rs.getBoolean("interrupting"),
              rs.getString("state"),
              rs.getString("tenant_id"),
              instant(rs, "created_at"),
              instant(rs, "last_updated"),
              false);

  static final RowMapper<UserTask> USER_TASK =
      (rs, n) ->
          new UserTask(
              rs.getLong("key"),
              rs.getLong("element_instance_key"),
              rs.getLong("process_instance_key"),
              rs.getLong("process_definition_key"),
              rs.getString("bpmn_process_id"),
              rs.getInt("version"),
              rs.getString("element_id"),
              rs.getString("name"),
              rs.getString("state"),
              rs.getString("assignee"),
              java.util.Arrays.asList((String[]) rs.getArray("candidate_groups").getArray()),
              java.util.Arrays.asList((String[]) rs.getArray("candidate_users").getArray()),
              instant(rs, "due_date"),
              instant(rs, "follow_up_date"),
              rs.getInt("priority"),
              nullableLong(rs, "form_key"),
              rs.getString("external_form_reference"),
              Json.readStringMap(rs.getString("custom_headers")),
              rs.getString("tenant_id"),
              instant(rs, "creation_date"),
              instant(rs, "completion_date"),
              rs.getString("pending"),
              rs.getInt("listeners_done"),
              false);

  /** The process instance a user task belongs to, if the task exists. */
  public Optional<Long> processInstanceOfUserTask(long userTaskKey) {
    return jdbc.sql("SELECT process_instance_key FROM engine.user_task WHERE key = :key")
        .param("key", userTaskKey)
        .query(Long.class)
        .optional();
  }

  static final RowMapper<Variable> VARIABLE =
      (rs, n) ->
          new Variable(
              rs.getLong("key"),
              rs.getLong("scope_key"),
              rs.getLong("process_instance_key"),
              rs.getString("name"),
              rs.getString("value"),
              rs.getString("tenant_id"),
              false);

  static final RowMapper<Job> JOB =
      (rs, n) -> {
        Long[] scopes = (Long[]) rs.getArray("scope_keys").getArray();
        long[] scopeKeys = new long[scopes.length];
        for (int i = 0; i < scopes.length; i++) {
          scopeKeys[i] = scopes[i];
        }
        return new Job(
            rs.getLong("key"),
            rs.getString("type"),
            JobState.valueOf(rs.getString("state")),
            rs.getString("intent"),
            rs.getString("kind"),
            rs.getString("listener_event_type"),
            rs.getInt("retries"),
            rs.getString("worker"),
            instant(rs, "deadline"),
            instant(rs, "recur_at"),
            rs.getString("error_message"),
            rs.getString("error_code"),
            Json.readStringMap(rs.getString("custom_headers")),
            rs.getString("element_id"),
            rs.getLong("element_instance_key"),
            scopeKeys,
            rs.getLong("process_instance_key"),
            rs.getLong("process_definition_key"),
            rs.getString("bpmn_process_id"),
            rs.getInt("version"),
            rs.getString("tenant_id"),
            rs.getBoolean("has_failed_with_retries_left"),
            instant(rs, "created_at"),
            instant(rs, "end_time"),
            false);
      };

  static final RowMapper<Incident> INCIDENT =
      (rs, n) ->
          new Incident(
              rs.getLong("key"),
              rs.getString("error_type"),
              rs.getString("error_message"),
              rs.getString("state"),
              rs.getString("element_id"),
              rs.getLong("element_instance_key"),
              nullableLong(rs, "job_key"),
              rs.getLong("process_instance_key"),
              rs.getLong("process_definition_key"),
              rs.getString("bpmn_process_id"),
              rs.getString("tenant_id"),
              instant(rs, "creation_time"),
              instant(rs, "resolved_time"),
              false);
}
