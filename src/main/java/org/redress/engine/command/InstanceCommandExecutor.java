package org.redress.engine.command;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.redress.engine.EngineRejection;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.EngineServices;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.ProcessInstanceRunner;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.InstanceStore;
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

  public InstanceCommandExecutor(
      TransactionTemplate transactions,
      InstanceStore store,
      ProcessDefinitions definitions,
      EngineServices services,
      EngineNotifications notifications) {
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
    return execute(() -> store.lockAndLoad(processInstanceKey).orElseThrow(notFound), command);
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
                              new IllegalStateException(
                                  "Expected the definition of a stored instance, but it is gone"));
              ProcessInstanceRunner runner = new ProcessInstanceRunner(state, process, services);
              holder[0] = command.apply(runner, state);
              runner.run();
              store.flush(state);
              CommandOutcome outcome = outcome(runner, state, wasActive);
              TransactionSynchronizationManager.registerSynchronization(
                  new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                      notifications.publish(outcome);
                    }
                  });
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

  private static CommandOutcome outcome(
      ProcessInstanceRunner runner, InstanceState state, boolean wasActive) {
    Set<String> activatable = new LinkedHashSet<>(runner.createdJobTypes());
    CommandOutcome.EndedProcessInstance ended = null;
    if (wasActive && !state.processInstance().isActive()) {
      long key = state.processInstance().key();
      ended =
          new CommandOutcome.EndedProcessInstance(
              key,
              state.processInstance().state().name().equals("COMPLETED"),
              runner.variables().localJson(key));
    }
    return new CommandOutcome(activatable, ended, runner.events());
  }
}
