package org.redress.engine.command;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.redress.engine.EngineRejection;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.Job;
import org.slf4j.MDC;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a command on one process instance as one transaction: lock the instance row, load its state,
 * apply the command, drain follow-up work, write the changes, commit, then announce the outcome.
 * Commands on the same instance therefore run one after another; a lock conflict with another
 * transaction is retried.
 */
public class InstanceCommandExecutor {

  private static final int ATTEMPTS = 5;

  private final TransactionTemplate transactions;
  private final InstanceStore store;
  private final ProcessDefinitions definitions;
  private final EngineServices services;
  private final EngineNotifications notifications;
  private final EngineCluster cluster;

  public InstanceCommandExecutor(
      TransactionTemplate transactions,
      InstanceStore store,
      ProcessDefinitions definitions,
      EngineServices services,
      EngineNotifications notifications,
      EngineCluster cluster) {
    this.cluster = cluster;
    this.transactions = transactions;
    this.store = store;
    this.definitions = definitions;
    this.services = services;
    this.notifications = notifications;
  }

  /**
   * @param processInstanceKey the instance to lock
   * @param notFound the rejection when the instance does not exist
   * @param command the change; it may throw an {@link EngineRejection}, which rolls back
   */
  public <T> T execute(
      long processInstanceKey,
      Supplier<EngineRejection> notFound,
      BiFunction<ProcessInstanceRunner, InstanceState, T> command) {
    // Engine log lines (incidents, retries) name the instance they are about.
    String previous = MDC.get("processInstanceKey");
    MDC.put("processInstanceKey", Long.toString(processInstanceKey));
    try {
      return executeLocked(processInstanceKey, notFound, command);
    } finally {
      if (previous == null) {
        MDC.remove("processInstanceKey");
      } else {
        MDC.put("processInstanceKey", previous);
      }
    }
  }

  /**
   * Same, on the instance of a job: the job's instance is found and locked in one statement.
   *
   * @param notFound the rejection when the job does not exist
   */
  public <T> T executeOnJob(
      long jobKey,
      Supplier<EngineRejection> notFound,
      BiFunction<ProcessInstanceRunner, InstanceState, T> command) {
    String previous = MDC.get("processInstanceKey");
    try {
      return execute(
          () -> {
            InstanceState state =
                store.lockAndLoadByJob(jobKey, this::usesEventsOrTasks).orElseThrow(notFound);
            MDC.put("processInstanceKey", Long.toString(state.processInstance().key()));
            return state;
          },
          command);
    } finally {
      if (previous == null) {
        MDC.remove("processInstanceKey");
      } else {
        MDC.put("processInstanceKey", previous);
      }
    }
  }

  private boolean usesEventsOrTasks(long definitionKey) {
    return definitions.byKey(definitionKey).map(DeployedProcess::usesEventsOrTasks).orElse(true);
  }

  private <T> T executeLocked(
      long processInstanceKey,
      Supplier<EngineRejection> notFound,
      BiFunction<ProcessInstanceRunner, InstanceState, T> command) {
    return execute(
        () -> store.lockAndLoad(processInstanceKey, this::usesEventsOrTasks).orElseThrow(notFound),
        command);
  }

  /** Same, for a new instance whose state the caller builds. */
  public <T> T execute(
      Supplier<InstanceState> load, BiFunction<ProcessInstanceRunner, InstanceState, T> command) {
    // Nested in a caller's transaction (a message correlated to several instances): join it, do
    // not retry here (the caller retries the whole), and announce after the outer commit.
    boolean nested = TransactionSynchronizationManager.isActualTransactionActive();
    for (int attempt = 1; ; attempt++) {
      try {
        Object[] holder = new Object[1];
        transactions.executeWithoutResult(
            status -> {
              InstanceState state = load.get();
              boolean wasActive = state.processInstance().isActive();
              DeployedProcess process =
                  definitions
                      .byKey(state.processInstance().processDefinitionKey())
                      .orElseThrow(
                          () ->
                              EngineRejection.notFound(
                                  "Expected the process definition of instance '"
                                      + state.processInstance().key()
                                      + "', but it was deleted (purged)"));
              ProcessInstanceRunner runner = new ProcessInstanceRunner(state, process, services);
              holder[0] = command.apply(runner, state);
              runner.run();
              List<ProcessInstanceRunner> runners = settle(runner);
              List<CommandOutcome> outcomes = new ArrayList<>();
              for (ProcessInstanceRunner r : runners) {
                List<EngineMetrics.JobEvent> jobEvents = jobEvents(r.state());
                store.flush(r.state());
                outcomes.add(outcome(r, r.state(), r == runner ? wasActive : true, jobEvents));
              }
              announceToOtherInstances(outcomes);
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                      outcomes.forEach(notifications::publish);
                    }
                  });
              // A child that ended here whose parent was not part of this command: complete the
              // parent's call activity now, in the same transaction.
              for (ProcessInstanceRunner r : runners) {
                ElementInstance pi = r.state().processInstance();
                if (r.endedProcessInstance()
                    && pi.parentProcessInstanceKey() != null
                    && runners.stream()
                        .noneMatch(
                            p ->
                                p.state().processInstance().key()
                                    == pi.parentProcessInstanceKey())) {
                  notifyParent(r);
                }
              }
            });
        @SuppressWarnings("unchecked")
        T result = (T) holder[0];
        return result;
      } catch (PessimisticLockingFailureException e) {
        if (nested || attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Drains the runners of children this command started or terminated, and completes call
   * activities whose child ended within the command, until nothing is left to do. Returns every
   * runner involved (the given one first).
   */
  private static List<ProcessInstanceRunner> settle(ProcessInstanceRunner main) {
    List<ProcessInstanceRunner> all = new ArrayList<>();
    all.add(main);
    Set<Long> handled = new HashSet<>();
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 0; i < all.size(); i++) {
        for (ProcessInstanceRunner linked : all.get(i).callActivities().linkedRunners()) {
          if (!all.contains(linked)) {
            all.add(linked);
            changed = true;
          }
        }
      }
      for (ProcessInstanceRunner r : List.copyOf(all)) {
        ElementInstance pi = r.state().processInstance();
        if (!r.endedProcessInstance()
            || pi.parentElementInstanceKey() == null
            || handled.contains(pi.key())) {
          continue;
        }
        for (ProcessInstanceRunner parent : all) {
          ElementInstance callActivity = parent.state().element(pi.parentElementInstanceKey());
          if (callActivity != null) {
            handled.add(pi.key());
            parent.callActivities().childProcessEnded(callActivity, r);
            parent.run();
            changed = true;
          }
        }
      }
    }
    return all;
  }

  private void notifyParent(ProcessInstanceRunner child) {
    ElementInstance pi = child.state().processInstance();
    execute(
        pi.parentProcessInstanceKey(),
        () -> EngineRejection.notFound("parent instance " + pi.parentProcessInstanceKey()),
        (parent, parentState) -> {
          ElementInstance callActivity = parentState.element(pi.parentElementInstanceKey());
          if (callActivity != null) {
            parent.callActivities().childProcessEnded(callActivity, child);
          }
          return null;
        });
  }

  /** Sent with the transaction: other app instances learn of it only if it commits. */
  private void announceToOtherInstances(List<CommandOutcome> outcomes) {
    if (cluster.otherNodes() == 0) {
      return;
    }
    Set<String> types = new LinkedHashSet<>();
    List<Long> ended = new ArrayList<>();
    for (CommandOutcome outcome : outcomes) {
      types.addAll(outcome.activatableJobTypes());
      if (outcome.endedProcessInstance() != null) {
        ended.add(outcome.endedProcessInstance().processInstanceKey());
      }
    }
    cluster.announce(types, ended);
  }

  /** Read before the flush, which forgets what changed. */
  private static List<EngineMetrics.JobEvent> jobEvents(InstanceState state) {
    List<EngineMetrics.JobEvent> events = new ArrayList<>();
    for (Job job : state.jobs()) {
      for (String intent : job.eventsOfThisCommand()) {
        events.add(new EngineMetrics.JobEvent(job.type(), intent));
      }
    }
    return events;
  }

  private static CommandOutcome outcome(
      ProcessInstanceRunner runner,
      InstanceState state,
      boolean wasActive,
      List<EngineMetrics.JobEvent> jobEvents) {
    Set<String> activatable = new LinkedHashSet<>(runner.jobs().activatableTypes());
    CommandOutcome.EndedProcessInstance ended = null;
    if (wasActive && !state.processInstance().isActive()) {
      long key = state.processInstance().key();
      ended =
          new CommandOutcome.EndedProcessInstance(
              key,
              state.processInstance().state().name().equals("COMPLETED"),
              runner.variables().localJson(key));
    }
    return new CommandOutcome(
        activatable, ended, runner.events(), List.copyOf(runner.endedTransitions()), jobEvents);
  }
}
