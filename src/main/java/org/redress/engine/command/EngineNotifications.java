package org.redress.engine.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.runtime.EngineListener;
import org.redress.engine.runtime.LifecycleEvent;
import org.redress.engine.state.UserTaskTransition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-commit fan-out inside this JVM: wakes job pollers, answers create-with-result requests and
 * user task commands waiting for their task listeners, and informs listeners. Only committed work
 * is announced.
 */
public class EngineNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(EngineNotifications.class);

  private final JobNotifier jobs;
  private final List<EngineListener> listeners;
  private final Map<Long, CompletableFuture<CommandOutcome.EndedProcessInstance>> awaiting =
      new ConcurrentHashMap<>();
  private final Map<Long, CompletableFuture<UserTaskTransition>> transitions =
      new ConcurrentHashMap<>();

  private final EngineMetrics metrics;
  private final java.util.function.Function<
          Long, java.util.Optional<CommandOutcome.EndedProcessInstance>>
      endedInstances;

  public EngineNotifications(
      JobNotifier jobs,
      List<EngineListener> listeners,
      EngineMetrics metrics,
      java.util.function.Function<Long, java.util.Optional<CommandOutcome.EndedProcessInstance>>
          endedInstances) {
    this.endedInstances = endedInstances;
    this.jobs = jobs;
    this.listeners = listeners;
    this.metrics = metrics;
  }

  public void publish(CommandOutcome outcome) {
    count(outcome);
    if (!outcome.events().isEmpty()) {
      for (EngineListener listener : listeners) {
        try {
          listener.onCommitted(outcome.events());
        } catch (RuntimeException e) {
          LOG.warn("Engine listener {} failed", listener, e);
        }
      }
    }
    if (outcome.endedProcessInstance() != null) {
      CompletableFuture<CommandOutcome.EndedProcessInstance> waiter =
          awaiting.remove(outcome.endedProcessInstance().processInstanceKey());
      if (waiter != null) {
        waiter.complete(outcome.endedProcessInstance());
      }
    }
    for (UserTaskTransition transition : outcome.endedTransitions()) {
      CompletableFuture<UserTaskTransition> waiter = transitions.remove(transition.transitionKey());
      if (waiter != null) {
        waiter.complete(transition);
      }
    }
    if (!outcome.activatableJobTypes().isEmpty()) {
      jobs.jobsAvailable(outcome.activatableJobTypes());
    }
  }

  private void count(CommandOutcome outcome) {
    try {
      metrics.jobEvents(outcome.jobEvents());
      for (LifecycleEvent event : outcome.events()) {
        if (event.elementType() == BpmnElementType.PROCESS) {
          switch (event.intent()) {
            case "ELEMENT_ACTIVATED" -> metrics.processInstanceEvent(event.elementId(), "started");
            case "ELEMENT_COMPLETED" ->
                metrics.processInstanceEvent(event.elementId(), "completed");
            case "ELEMENT_TERMINATED" ->
                metrics.processInstanceEvent(event.elementId(), "terminated");
            default -> {}
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("Counting engine metrics failed", e);
    }
  }

  /**
   * Another app instance ended this process instance: answers a create-with-result request of this
   * instance waiting for it, from the database.
   */
  public void endedElsewhere(long processInstanceKey) {
    CompletableFuture<CommandOutcome.EndedProcessInstance> waiter =
        awaiting.get(processInstanceKey);
    if (waiter != null) {
      endedInstances
          .apply(processInstanceKey)
          .ifPresent(
              ended -> {
                awaiting.remove(processInstanceKey, waiter);
                waiter.complete(ended);
              });
    }
  }

  /** The instance's end as recorded in the database, if it has ended (any app instance). */
  public java.util.Optional<CommandOutcome.EndedProcessInstance> endedInstance(
      long processInstanceKey) {
    return endedInstances.apply(processInstanceKey);
  }

  /** Registers interest in the end of an instance; register before the instance can end. */
  public CompletableFuture<CommandOutcome.EndedProcessInstance> awaitEnd(long processInstanceKey) {
    return awaiting.computeIfAbsent(processInstanceKey, k -> new CompletableFuture<>());
  }

  public void stopAwaiting(long processInstanceKey) {
    awaiting.remove(processInstanceKey);
  }

  /**
   * Registers interest in the end of a user task transition (by the key of the event that started
   * it). Only transitions that end in this JVM are announced; waiters poll the database for the
   * others.
   */
  public CompletableFuture<UserTaskTransition> awaitTransition(long transitionKey) {
    return transitions.computeIfAbsent(transitionKey, k -> new CompletableFuture<>());
  }

  public void stopAwaitingTransition(long transitionKey) {
    transitions.remove(transitionKey);
  }
}
