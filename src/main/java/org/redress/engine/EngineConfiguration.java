package org.redress.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.redress.engine.api.BackpressureFilter;
import org.redress.engine.api.BackpressureProperties;
import org.redress.engine.api.EngineApiMetricsInterceptor;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.command.CommandOutcome;
import org.redress.engine.command.CreateProcessInstance;
import org.redress.engine.command.DeployResources;
import org.redress.engine.command.EngineCluster;
import org.redress.engine.command.EngineNotifications;
import org.redress.engine.command.EventCommands;
import org.redress.engine.command.InstanceCommandExecutor;
import org.redress.engine.command.InstanceCommands;
import org.redress.engine.command.JobCommands;
import org.redress.engine.command.JobNotifier;
import org.redress.engine.command.PurgeEngine;
import org.redress.engine.command.UserTaskCommands;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.expression.FeelExpressionLanguage;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.metrics.EngineStateGauges;
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.runtime.ElementProcessors;
import org.redress.engine.runtime.EngineListener;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.behavior.ExpressionBehavior;
import org.redress.engine.runtime.behavior.VariableMappingBehavior;
import org.redress.engine.scheduler.EngineScheduler;
import org.redress.engine.state.ClusterStore;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.JobStore;
import org.redress.engine.state.KeyGenerator;
import org.redress.engine.state.MessageQueries;
import org.redress.engine.state.PurgeStore;
import org.redress.engine.state.SchedulerQueries;
import org.redress.engine.state.SearchSupport;
import org.redress.engine.state.UserTaskQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the embedded engine; absent in cluster mode ({@code redress.engine.embedded=false}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnEmbeddedEngine
public class EngineConfiguration {

  @Bean
  EngineClock engineClock() {
    return new EngineClock(Clock.systemUTC());
  }

  @Bean
  ExpressionLanguage engineExpressionLanguage(EngineClock clock) {
    return new FeelExpressionLanguage(clock::now);
  }

  @Bean
  BpmnModelTransformer bpmnModelTransformer(ExpressionLanguage expressions) {
    return new BpmnModelTransformer(expressions);
  }

  @Bean
  KeyGenerator engineKeyGenerator(JdbcClient jdbc) {
    return new KeyGenerator(jdbc);
  }

  @Bean
  DefinitionStore engineDefinitionStore(JdbcClient jdbc, JdbcTemplate template) {
    return new DefinitionStore(jdbc, template);
  }

  @Bean
  InstanceStore engineInstanceStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    return new InstanceStore(jdbc, batch);
  }

  @Bean
  JobStore engineJobStore(JdbcClient jdbc, JdbcTemplate template) {
    return new JobStore(jdbc, template);
  }

  @Bean
  EngineQueries engineQueries(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
    return new EngineQueries(jdbc, new SearchSupport(template));
  }

  @Bean
  ProcessDefinitions processDefinitions(DefinitionStore store, BpmnModelTransformer transformer) {
    return new ProcessDefinitions(store, transformer);
  }

  @Bean
  EngineServices engineServices(
      EngineClock clock,
      KeyGenerator keys,
      ExpressionLanguage expressionLanguage,
      EventStore eventStore,
      InstanceStore instances,
      ProcessDefinitions definitions,
      FormStore forms) {
    ExpressionBehavior expressions = new ExpressionBehavior(expressionLanguage);
    return new EngineServices(
        clock,
        keys,
        expressions,
        new VariableMappingBehavior(expressions),
        new ElementProcessors(),
        eventStore,
        instances,
        definitions,
        forms);
  }

  @Bean
  FormStore engineFormStore(JdbcClient jdbc) {
    return new FormStore(jdbc);
  }

  @Bean
  SchedulerQueries engineSchedulerQueries(JdbcClient jdbc) {
    return new SchedulerQueries(jdbc);
  }

  @Bean
  EventStore engineEventStore(JdbcClient jdbc) {
    return new EventStore(jdbc);
  }

  @Bean(destroyMethod = "close")
  JobNotifier jobNotifier(JobStore jobs) {
    return new JobNotifier(jobs::activatableTypes);
  }

  /**
   * Long polls parked in the engine are answered (no jobs) when the app starts to shut down: the
   * graceful shut-down of the web server waits for requests in flight, so it would otherwise wait
   * for the job workers' request timeouts.
   */
  @Bean
  ApplicationListener<ContextClosedEvent> engineLongPollsAnsweredOnShutdown(JobNotifier notifier) {
    return event -> notifier.stopParking();
  }

  @Bean
  EngineMetrics engineMetrics(ObjectProvider<MeterRegistry> registry, JobNotifier jobs) {
    EngineMetrics metrics = new EngineMetrics(registry.getIfAvailable(SimpleMeterRegistry::new));
    metrics.longPollWaiters(jobs::waiterCount);
    return metrics;
  }

  @Bean
  EngineStateGauges engineStateGauges(JdbcClient jdbc, EngineMetrics metrics, EngineClock clock) {
    return new EngineStateGauges(jdbc, metrics.registry(), clock::now);
  }

  /** Refreshes the state gauges; cheap (four grouped counts on partial indexes). */
  @Bean
  EngineStateGaugesRefresher engineStateGaugesRefresher(EngineStateGauges gauges) {
    return new EngineStateGaugesRefresher(gauges);
  }

  static class EngineStateGaugesRefresher {
    private static final org.slf4j.Logger LOG =
        org.slf4j.LoggerFactory.getLogger(EngineStateGaugesRefresher.class);
    private final EngineStateGauges gauges;

    EngineStateGaugesRefresher(EngineStateGauges gauges) {
      this.gauges = gauges;
    }

    @Scheduled(
        initialDelayString = "${redress.metrics.refresh-interval:30s}",
        fixedDelayString = "${redress.metrics.refresh-interval:30s}")
    void refresh() {
      try {
        gauges.refresh();
      } catch (RuntimeException e) {
        LOG.warn("Refreshing the engine state gauges failed; next try at the next interval", e);
      }
    }
  }

  /** Back-pressure on /v2, after Spring Security (an unauthenticated call is refused 401 first). */
  @Bean
  FilterRegistrationBean<BackpressureFilter> engineBackpressure(
      BackpressureProperties properties, EngineMetrics metrics) {
    BackpressureFilter filter = new BackpressureFilter(properties, inFlight -> metrics.rejected());
    FilterRegistrationBean<BackpressureFilter> registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns("/v2/*");
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
    registration.setEnabled(properties.enabled());
    metrics.inFlight(filter::inFlight);
    return registration;
  }

  @Bean
  WebMvcConfigurer engineApiMetrics(EngineMetrics metrics) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new EngineApiMetricsInterceptor(metrics)).addPathPatterns("/v2/**");
      }
    };
  }

  @Bean
  EngineNotifications engineNotifications(
      JobNotifier jobs,
      List<EngineListener> listeners,
      EngineMetrics metrics,
      ClusterStore cluster) {
    return new EngineNotifications(
        jobs,
        listeners,
        metrics,
        key ->
            cluster
                .endedInstance(key)
                .map(
                    ended ->
                        new CommandOutcome.EndedProcessInstance(
                            key, ended.completed(), ended.rootVariables())));
  }

  @Bean
  TransactionTemplate engineTransactions(PlatformTransactionManager transactionManager) {
    return new TransactionTemplate(transactionManager);
  }

  @Bean
  InstanceCommandExecutor instanceCommandExecutor(
      TransactionTemplate engineTransactions,
      InstanceStore store,
      ProcessDefinitions definitions,
      EngineServices services,
      EngineNotifications notifications,
      EngineCluster cluster) {
    return new InstanceCommandExecutor(
        engineTransactions, store, definitions, services, notifications, cluster);
  }

  @Bean
  ClusterStore engineClusterStore(JdbcClient jdbc) {
    return new ClusterStore(jdbc);
  }

  /**
   * Several app instances on one database (docs/engine.md, "Several app instances"); the LISTEN
   * connection is opened beside the pool, so it never takes one of the pool's connections.
   */
  @Bean
  EngineCluster engineCluster(
      ClusterStore store,
      TransactionTemplate engineTransactions,
      DataSource dataSource,
      JobNotifier jobs,
      EngineNotifications notifications,
      EngineClock clock,
      @Value("${redress.engine.shared-clock:false}") boolean sharedClock) {
    return new EngineCluster(
        store,
        engineTransactions,
        () -> listenConnection(dataSource),
        jobs,
        notifications,
        clock,
        sharedClock);
  }

  private static java.sql.Connection listenConnection(DataSource dataSource) {
    try {
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        return DriverManager.getConnection(
            hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
      }
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not open the engine's LISTEN connection", e);
    }
  }

  @Bean
  DeployResources deployResources(
      TransactionTemplate engineTransactions,
      DefinitionStore store,
      ProcessDefinitions definitions,
      BpmnModelTransformer transformer,
      KeyGenerator keys,
      EngineClock clock,
      ExpressionLanguage expressions,
      EventStore events,
      InstanceStore instances,
      FormStore forms) {
    return new DeployResources(
        engineTransactions,
        store,
        definitions,
        transformer,
        keys,
        clock,
        expressions,
        events,
        instances,
        forms);
  }

  @Bean
  LocalDeployments localDeployments(DeployResources deployResources) {
    return new LocalDeployments(deployResources);
  }

  /** How often a waiting user task command looks for a transition another app instance ended. */
  static final java.time.Duration USER_TASK_POLL_INTERVAL = java.time.Duration.ofMillis(500);

  @Bean
  UserTaskCommands userTaskCommands(
      InstanceCommandExecutor executor,
      InstanceStore store,
      UserTaskQueries userTaskQueries,
      EngineNotifications notifications,
      EngineProperties properties) {
    return new UserTaskCommands(
        executor,
        store,
        userTaskQueries,
        notifications,
        properties.userTaskRequestTimeout(),
        USER_TASK_POLL_INTERVAL);
  }

  @Bean
  MessageQueries messageQueries(NamedParameterJdbcTemplate template) {
    return new MessageQueries(new SearchSupport(template));
  }

  @Bean
  UserTaskQueries userTaskQueries(JdbcClient jdbc, NamedParameterJdbcTemplate template) {
    return new UserTaskQueries(jdbc, new SearchSupport(template));
  }

  @Bean
  EventCommands eventCommands(
      TransactionTemplate engineTransactions,
      InstanceCommandExecutor executor,
      CreateProcessInstance createProcessInstance,
      ProcessDefinitions definitions,
      EventStore events,
      InstanceStore instances,
      KeyGenerator keys,
      EngineClock clock) {
    return new EventCommands(
        engineTransactions,
        executor,
        createProcessInstance,
        definitions,
        events,
        instances,
        keys,
        clock);
  }

  @Bean
  CreateProcessInstance createProcessInstance(
      InstanceCommandExecutor executor,
      ProcessDefinitions definitions,
      KeyGenerator keys,
      EngineNotifications notifications,
      EngineClock clock) {
    return new CreateProcessInstance(executor, definitions, keys, notifications, clock);
  }

  @Bean
  JobCommands jobCommands(InstanceCommandExecutor executor) {
    return new JobCommands(executor);
  }

  @Bean
  InstanceCommands instanceCommands(InstanceCommandExecutor executor, InstanceStore store) {
    return new InstanceCommands(executor, store);
  }

  @Bean
  ActivateJobs activateJobs(
      TransactionTemplate engineTransactions,
      JobStore jobs,
      JobNotifier notifier,
      EngineClock clock,
      EngineProperties properties,
      EngineMetrics metrics) {
    return new ActivateJobs(
        engineTransactions,
        jobs,
        notifier,
        clock,
        properties.defaultRequestTimeout(),
        properties.maxRequestTimeout(),
        metrics);
  }

  @Bean
  PurgeEngine purgeEngine(
      TransactionTemplate engineTransactions, JdbcClient jdbc, ProcessDefinitions definitions) {
    return new PurgeEngine(engineTransactions, new PurgeStore(jdbc), definitions);
  }

  @Bean
  EngineScheduler engineScheduler(
      JobStore jobs,
      SchedulerQueries schedulerQueries,
      EventCommands events,
      JobNotifier notifier,
      EngineClock clock,
      EngineProperties properties,
      EngineMetrics metrics,
      EngineCluster cluster,
      @Value("${redress.engine.waiter-recheck-interval:1s}") java.time.Duration waiterRecheck) {
    return new EngineScheduler(
        jobs,
        schedulerQueries,
        events,
        notifier,
        clock,
        properties.schedulerInterval(),
        metrics,
        cluster,
        waiterRecheck);
  }
}
