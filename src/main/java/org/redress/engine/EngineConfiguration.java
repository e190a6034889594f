package org.redress.engine;

import java.time.Clock;
import java.util.List;
import org.redress.engine.command.ActivateJobs;
import org.redress.engine.command.CreateProcessInstance;
import org.redress.engine.command.DeployResources;
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
import org.redress.engine.model.BpmnModelTransformer;
import org.redress.engine.runtime.ElementProcessors;
import org.redress.engine.runtime.EngineListener;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.behavior.ExpressionBehavior;
import org.redress.engine.runtime.behavior.VariableMappingBehavior;
import org.redress.engine.scheduler.EngineScheduler;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.FormStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.JobStore;
import org.redress.engine.state.KeyGenerator;
import org.redress.engine.state.MessageQueries;
import org.redress.engine.state.PurgeStore;
import org.redress.engine.state.SearchSupport;
import org.redress.engine.state.UserTaskQueries;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
  DefinitionStore engineDefinitionStore(JdbcClient jdbc) {
    return new DefinitionStore(jdbc);
  }

  @Bean
  InstanceStore engineInstanceStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    return new InstanceStore(jdbc, batch);
  }

  @Bean
  JobStore engineJobStore(JdbcClient jdbc) {
    return new JobStore(jdbc);
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
  EventStore engineEventStore(JdbcClient jdbc) {
    return new EventStore(jdbc);
  }

  @Bean(destroyMethod = "close")
  JobNotifier jobNotifier() {
    return new JobNotifier();
  }

  @Bean
  EngineNotifications engineNotifications(JobNotifier jobs, List<EngineListener> listeners) {
    return new EngineNotifications(jobs, listeners);
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
      EngineNotifications notifications) {
    return new InstanceCommandExecutor(
        engineTransactions, store, definitions, services, notifications);
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
  JobCommands jobCommands(InstanceCommandExecutor executor, InstanceStore store) {
    return new JobCommands(executor, store);
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
      EngineProperties properties) {
    return new ActivateJobs(
        engineTransactions,
        jobs,
        notifier,
        clock,
        properties.defaultRequestTimeout(),
        properties.maxRequestTimeout());
  }

  @Bean
  PurgeEngine purgeEngine(
      TransactionTemplate engineTransactions, JdbcClient jdbc, ProcessDefinitions definitions) {
    return new PurgeEngine(engineTransactions, new PurgeStore(jdbc), definitions);
  }

  @Bean
  EngineScheduler engineScheduler(
      JobStore jobs,
      EventCommands events,
      JobNotifier notifier,
      EngineClock clock,
      EngineProperties properties) {
    return new EngineScheduler(jobs, events, notifier, clock, properties.schedulerInterval());
  }
}
