package org.redress.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.command.CreateProcessInstance;
import org.redress.engine.command.DeployResources;
import org.redress.engine.command.EngineNotifications;
import org.redress.engine.command.EventCommands;
import org.redress.engine.command.InstanceCommandExecutor;
import org.redress.engine.command.InstanceCommands;
import org.redress.engine.command.JobCommands;
import org.redress.engine.command.JobNotifier;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.LifecycleEvent;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.scheduler.EngineScheduler;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.JobStore;
import org.redress.engine.state.Json;
import org.redress.engine.state.KeyGenerator;
import org.redress.support.TestDatabase;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine without Spring or HTTP, on the test database, for element-level tests: deploy a model
 * built inline, start it, play the worker, read the lifecycle log and the variables.
 */
public final class EngineHarness implements AutoCloseable {

  private static HikariDataSource dataSource;

  public final EngineClock clock = new EngineClock();
  public final JdbcClient jdbc;
  public final DeployResources deployResources;
  public final CreateProcessInstance createProcessInstance;
  public final JobCommands jobs;
  public final InstanceCommands instances;
  public final ActivateJobs activateJobs;
  public final EngineQueries queries;
  public final EngineScheduler scheduler;
  public final org.redress.engine.command.UserTaskCommands userTasks;
  public final org.redress.engine.state.UserTaskQueries userTaskQueries;
  public final EventCommands messages;
  private final JobNotifier notifier;
  private final InstanceCommandExecutor executor;
  private final InstanceStore instanceStore;
  private final EngineNotifications notifications;
  private final List<LifecycleEvent> events = Collections.synchronizedList(new ArrayList<>());

  public EngineHarness() {
    jdbc = JdbcClient.create(dataSource());
    NamedParameterJdbcTemplate template = new NamedParameterJdbcTemplate(dataSource());
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(dataSource()));
    EngineConfiguration config = new EngineConfiguration();
    ExpressionLanguage expressions = config.engineExpressionLanguage(clock);
    BpmnModelTransformer transformer = config.bpmnModelTransformer(expressions);
    KeyGenerator keys = config.engineKeyGenerator(jdbc);
    DefinitionStore definitionStore =
        config.engineDefinitionStore(jdbc, template.getJdbcTemplate());
    InstanceStore instanceStore = config.engineInstanceStore(jdbc, template);
    JobStore jobStore = config.engineJobStore(jdbc, template.getJdbcTemplate());
    ProcessDefinitions definitions = config.processDefinitions(definitionStore, transformer);
    EventStore eventStore = config.engineEventStore(jdbc);
    EngineServices services =
        config.engineServices(
            clock,
            keys,
            expressions,
            eventStore,
            instanceStore,
            definitions,
            config.engineFormStore(jdbc));
    notifier = config.jobNotifier(jobStore);
    org.redress.engine.metrics.EngineMetrics metrics =
        org.redress.engine.metrics.EngineMetrics.inMemory();
    org.redress.engine.state.ClusterStore clusterStore = config.engineClusterStore(jdbc);
    EngineNotifications notifications =
        config.engineNotifications(notifier, List.of(events::addAll), metrics, clusterStore);
    // Never started: the harness is one engine alone and announces nothing.
    org.redress.engine.command.EngineCluster cluster =
        new org.redress.engine.command.EngineCluster(
            clusterStore,
            tx,
            () -> {
              throw new IllegalStateException("the harness does not listen");
            },
            notifier,
            notifications,
            clock,
            false);

    executor =
        config.instanceCommandExecutor(
            tx, instanceStore, definitions, services, notifications, cluster);
    this.instanceStore = instanceStore;
    this.notifications = notifications;
    deployResources =
        config.deployResources(
            tx,
            definitionStore,
            definitions,
            transformer,
            keys,
            clock,
            expressions,
            eventStore,
            instanceStore,
            config.engineFormStore(jdbc));
    createProcessInstance =
        config.createProcessInstance(executor, definitions, keys, notifications, clock);
    jobs = config.jobCommands(executor);
    instances = config.instanceCommands(executor, instanceStore);
    EngineProperties properties =
        new EngineProperties(
            true,
            Duration.ofMillis(50),
            Duration.ofSeconds(10),
            Duration.ofSeconds(60),
            Duration.ofSeconds(9));
    activateJobs = config.activateJobs(tx, jobStore, notifier, clock, properties, metrics);
    queries = config.engineQueries(jdbc, template);
    messages =
        config.eventCommands(
            tx,
            executor,
            createProcessInstance,
            definitions,
            eventStore,
            instanceStore,
            keys,
            clock);
    userTaskQueries = config.userTaskQueries(jdbc, template);
    userTasks =
        config.userTaskCommands(
            executor, instanceStore, userTaskQueries, notifications, properties);
    scheduler =
        config.engineScheduler(
            jobStore,
            config.engineSchedulerQueries(jdbc),
            messages,
            notifier,
            clock,
            properties,
            metrics,
            cluster,
            Duration.ofSeconds(1));
  }

  private static synchronized HikariDataSource dataSource() {
    if (dataSource == null) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(TestDatabase.jdbcUrl());
      config.setUsername(TestDatabase.username());
      config.setPassword(TestDatabase.password());
      config.setMaximumPoolSize(8);
      dataSource = new HikariDataSource(config);
      Flyway.configure()
          .dataSource(dataSource)
          .schemas("engine", "redress")
          .defaultSchema("redress")
          .createSchemas(true)
          .load()
          .migrate();
    }
    return dataSource;
  }

  public static byte[] xml(BpmnModelInstance model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }

  public long deploy(BpmnModelInstance model) {
    return deployResources
        .deploy(List.of(new DeployResources.Resource("test.bpmn", xml(model))), "<default>")
        .processes()
        .get(0)
        .key();
  }

  public long start(String processId, Map<String, Object> variables) {
    return createProcessInstance
        .create(new CreateProcessInstance.Request(processId, null, -1, variables, "<default>"))
        .processInstanceKey();
  }

  /** Activates one job of the type (it must exist) without completing it. */
  public ActivateJobs.ActivatedJob activate(String type) {
    List<ActivateJobs.ActivatedJob> activated =
        activateJobs.activateOnce(
            new ActivateJobs.Request(
                type,
                "test",
                Duration.ofMinutes(5),
                1,
                List.of(),
                Duration.ZERO,
                List.of("<default>")));
    if (activated.isEmpty()) {
      throw new AssertionError("Expected an activatable job of type '" + type + "', but none");
    }
    return activated.get(0);
  }

  public long completeJob(String type, Map<String, Object> variables) {
    ActivateJobs.ActivatedJob job = activate(type);
    jobs.complete(job.job().key(), variables);
    return job.job().key();
  }

  /** Lifecycle log of one instance as "elementId:INTENT" strings, in order. */
  public List<String> lifecycle(long processInstanceKey) {
    synchronized (events) {
      return events.stream()
          .filter(e -> e.processInstanceKey() == processInstanceKey)
          .map(LifecycleEvent::toString)
          .toList();
    }
  }

  /** Variables of one scope as plain values; the process instance key gives the root scope. */
  public Map<String, Object> variables(long scopeKey) {
    Map<String, Object> result = new LinkedHashMap<>();
    jdbc.sql("SELECT name, value FROM engine.variable WHERE scope_key = :k ORDER BY key")
        .param("k", scopeKey)
        .query(
            (rs, n) -> {
              result.put(rs.getString(1), Json.read(rs.getString(2)));
              return null;
            })
        .list();
    return result;
  }

  public String processState(long processInstanceKey) {
    return jdbc.sql("SELECT state FROM engine.element_instance WHERE key = :k")
        .param("k", processInstanceKey)
        .query(String.class)
        .single();
  }

  public List<Map<String, Object>> activeIncidents(long processInstanceKey) {
    return jdbc.sql(
            "SELECT key, error_type, error_message, element_id, job_key FROM engine.incident"
                + " WHERE process_instance_key = :k AND state = 'ACTIVE' ORDER BY key")
        .param("k", processInstanceKey)
        .query()
        .listOfRows();
  }

  /**
   * User task commands of this engine that wait at most {@code timeout} for the listeners and look
   * for transitions ended elsewhere every {@code pollInterval}.
   */
  public org.redress.engine.command.UserTaskCommands userTaskCommands(
      Duration timeout, Duration pollInterval) {
    return new org.redress.engine.command.UserTaskCommands(
        executor, instanceStore, userTaskQueries, notifications, timeout, pollInterval);
  }

  /** The states of an element's instances in one process instance, oldest first. */
  public List<String> elementStates(long processInstanceKey, String elementId) {
    return jdbc.sql(
            "SELECT state FROM engine.element_instance WHERE process_instance_key = :pi"
                + " AND element_id = :id ORDER BY start_date, key")
        .param("pi", processInstanceKey)
        .param("id", elementId)
        .query(String.class)
        .list();
  }

  /** The jobs of one process instance as "type:state" strings (all kinds), in creation order. */
  public List<String> jobs(long processInstanceKey) {
    return jdbc.sql(
            "SELECT type || ':' || state FROM engine.job WHERE process_instance_key = :pi"
                + " ORDER BY created_at, key")
        .param("pi", processInstanceKey)
        .query(String.class)
        .list();
  }

  public String jobState(long jobKey) {
    return jdbc.sql("SELECT state FROM engine.job WHERE key = :k")
        .param("k", jobKey)
        .query(String.class)
        .single();
  }

  @Override
  public void close() {
    notifier.close();
    scheduler.stop();
  }
}
