package org.redress.engine.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.redress.engine.runtime.EngineListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After-commit fan-out inside this JVM: wakes job pollers, answers create-with-result requests and
 * informs listeners. Only committed work is announced.
 */
public class EngineNotifications {

  private static final Logger LOG = LoggerFactory.getLogger(EngineNotifications.class);

  private final JobNotifier jobs;
  private final List<EngineListener> listeners;
  private final Map<Long, CompletableFuture<CommandOutcome.EndedProcessInstance>> awaiting =
      new ConcurrentHashMap<>();

  public EngineNotifications(JobNotifier jobs, List<EngineListener> listeners) {
    this.jobs = jobs;
    this.listeners = listeners;
  }

  public void publish(CommandOutcome outcome) {
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
    if (!outcome.activatableJobTypes().isEmpty()) {
      jobs.jobsAvailable(outcome.activatableJobTypes());
    }
  }

  /** Registers interest in the end of an instance; register before the instance can end. */
  public CompletableFuture<CommandOutcome.EndedProcessInstance> awaitEnd(long processInstanceKey) {
    return awaiting.computeIfAbsent(processInstanceKey, k -> new CompletableFuture<>());
  }

  public void stopAwaiting(long processInstanceKey) {
    awaiting.remove(processInstanceKey);
  }
}
