package org.redress.engine.command;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.runtime.behavior.TimerSchedule;
import org.redress.engine.state.EventStore;
import org.redress.engine.state.InstanceStore;
import org.redress.engine.state.Json;
import org.redress.engine.state.KeyGenerator;
import org.redress.engine.state.MessageCorrelation;
import org.redress.engine.state.MessageSubscription;
import org.redress.engine.state.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Messages and timers. A publication correlates, in one transaction, to the oldest open
 * subscription of each process id with that name and key, then to message start events of processes
 * that did not get it yet, and is buffered for its time to live. Due timers fire under their
 * instance's lock, so each fires once even when several app instances share the database.
 */
public class EventCommands {

  private static final Logger LOG = LoggerFactory.getLogger(EventCommands.class);
  private static final int ATTEMPTS = 5;

  /** The outcome of a publication or correlation. */
  public record Correlation(long messageKey, Long processInstanceKey) {}

  private final TransactionTemplate transactions;
  private final InstanceCommandExecutor executor;
  private final CreateProcessInstance createProcessInstance;
  private final ProcessDefinitions definitions;
  private final EventStore events;
  private final InstanceStore instances;
  private final KeyGenerator keys;
  private final EngineClock clock;

  public EventCommands(
      TransactionTemplate transactions,
      InstanceCommandExecutor executor,
      CreateProcessInstance createProcessInstance,
      ProcessDefinitions definitions,
      EventStore events,
      InstanceStore instances,
      KeyGenerator keys,
      EngineClock clock) {
    this.transactions = transactions;
    this.executor = executor;
    this.createProcessInstance = createProcessInstance;
    this.definitions = definitions;
    this.events = events;
    this.instances = instances;
    this.keys = keys;
    this.clock = clock;
  }

  /** Publishes a message (fire and forget); buffered for {@code timeToLive} when positive. */
  public Correlation publish(
      String name,
      String correlationKey,
      Duration timeToLive,
      String messageId,
      Map<String, Object> variables,
      String tenantId) {
    requireName(name);
    return retrying(
        () -> {
          Instant now = clock.now();
          boolean buffered = !timeToLive.isZero() && !timeToLive.isNegative();
          if (buffered
              && messageId != null
              && !messageId.isEmpty()
              && events.isBuffered(name, correlationKey, messageId, now)) {
            throw new EngineRejection(
                EngineRejection.Type.ALREADY_EXISTS,
                "Expected to publish a new message with id '"
                    + messageId
                    + "', but a message with that id was already published");
          }
          long messageKey = keys.nextKey();
          Long instance = correlate(messageKey, name, correlationKey, variables, tenantId, now);
          if (buffered) {
            events.insertMessage(
                messageKey,
                name,
                correlationKey,
                messageId,
                Json.write(variables),
                tenantId,
                now,
                now.plus(timeToLive));
          }
          return new Correlation(messageKey, instance);
        });
  }

  /** Correlates a message synchronously; never buffered; NOT_FOUND when nothing waits for it. */
  public Correlation correlate(
      String name, String correlationKey, Map<String, Object> variables, String tenantId) {
    requireName(name);
    return retrying(
        () -> {
          long messageKey = keys.nextKey();
          Long instance =
              correlate(messageKey, name, correlationKey, variables, tenantId, clock.now());
          if (instance == null) {
            throw EngineRejection.notFound(
                "Expected to find subscription for message with name '"
                    + name
                    + "' and correlation key '"
                    + correlationKey
                    + "', but none was found.");
          }
          return new Correlation(messageKey, instance);
        });
  }

  /** Fires due timers; returns how many fired. Called by the scheduler. */
  public int fireDueTimers(int limit) {
    int fired = 0;
    for (EventStore.DueTimer due : events.dueTimers(clock.now(), limit)) {
      try {
        boolean firedOne =
            due.processInstanceKey() == null
                ? fireStartTimer(due.key())
                : fireInstanceTimer(due.processInstanceKey(), due.key());
        if (firedOne) {
          fired++;
        }
      } catch (RuntimeException e) {
        LOG.warn("Timer {} could not fire; will retry", due.key(), e);
      }
    }
    return fired;
  }

  /**
   * Correlates buffered messages that a concurrent subscription missed (see {@link
   * EventStore#strandedMessages}); returns how many. Called by the scheduler.
   */
  public int correlateStranded(int limit) {
    int correlated = 0;
    for (EventStore.Stranded stranded : events.strandedMessages(clock.now(), limit)) {
      try {
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = (Map<String, Object>) Json.read(stranded.variables());
        Boolean done =
            executor.execute(
                stranded.processInstanceKey(),
                () ->
                    EngineRejection.notFound(
                        "instance " + stranded.processInstanceKey() + " is gone"),
                (runner, state) -> {
                  MessageSubscription subscription = state.subscription(stranded.subscriptionKey());
                  if (subscription == null || !subscription.isOpen()) {
                    return false;
                  }
                  runner.catchEvents().correlate(subscription, stranded.messageKey(), variables);
                  return true;
                });
        if (Boolean.TRUE.equals(done)) {
          correlated++;
        }
      } catch (RuntimeException e) {
        // correlated meanwhile by another node, or the instance moved on: nothing to do
        LOG.debug("Stranded message {} not correlated: {}", stranded.messageKey(), e.toString());
      }
    }
    return correlated;
  }

  /** Drops buffered messages whose time to live has passed. */
  public int expireMessages() {
    return events.deleteExpiredMessages(clock.now());
  }

  private Long correlate(
      long messageKey,
      String name,
      String correlationKey,
      Map<String, Object> variables,
      String tenantId,
      Instant now) {
    Set<String> correlatedProcessIds = new LinkedHashSet<>();
    Long firstInstance = null;
    for (EventStore.OpenSubscription open :
        events.openSubscriptions(name, correlationKey, tenantId)) {
      if (correlatedProcessIds.contains(open.bpmnProcessId())) {
        continue;
      }
      Boolean correlated =
          executor.execute(
              open.processInstanceKey(),
              () -> EngineRejection.notFound("instance " + open.processInstanceKey() + " is gone"),
              (runner, state) -> {
                MessageSubscription subscription = state.subscription(open.key());
                if (subscription == null || !subscription.isOpen()) {
                  return false;
                }
                runner.catchEvents().correlate(subscription, messageKey, variables);
                return true;
              });
      if (Boolean.TRUE.equals(correlated)) {
        correlatedProcessIds.add(open.bpmnProcessId());
        if (firstInstance == null) {
          firstInstance = open.processInstanceKey();
        }
      }
    }
    Long started = null;
    for (EventStore.StartSubscription start : events.startSubscriptions(name, tenantId)) {
      if (correlatedProcessIds.contains(start.bpmnProcessId())
          || (!correlationKey.isEmpty()
              && events.hasActiveInstanceStartedBy(start.bpmnProcessId(), correlationKey))) {
        continue;
      }
      DeployedProcess process = definitions.byKey(start.processDefinitionKey()).orElseThrow();
      long[] created = new long[1];
      created[0] =
          createProcessInstance.createAt(
              process,
              start.elementId(),
              variables,
              state ->
                  state.addCorrelation(
                      new MessageCorrelation(
                          messageKey,
                          start.bpmnProcessId(),
                          null,
                          state.processInstance().key(),
                          process.key(),
                          start.elementId(),
                          null,
                          name,
                          correlationKey,
                          true,
                          tenantId,
                          now)));
      correlatedProcessIds.add(start.bpmnProcessId());
      if (started == null) {
        started = created[0];
      }
    }
    // A new instance from a message start event is the answer when there is one (as in Zeebe).
    return started != null ? started : firstInstance;
  }

  private boolean fireInstanceTimer(long processInstanceKey, long timerKey) {
    Boolean fired =
        executor.execute(
            processInstanceKey,
            () -> EngineRejection.notFound("instance " + processInstanceKey + " is gone"),
            (runner, state) -> {
              Timer timer = state.timer(timerKey);
              if (timer == null || !timer.isActive() || timer.dueDate().isAfter(runner.now())) {
                return false; // another node fired it, or it was moved
              }
              runner.catchEvents().fireTimer(timer);
              return true;
            });
    return Boolean.TRUE.equals(fired);
  }

  private boolean fireStartTimer(long timerKey) {
    Boolean fired =
        transactions.execute(
            status -> {
              var claimed = events.claimStartTimer(timerKey);
              if (claimed.isEmpty() || claimed.get().dueDate().isAfter(clock.now())) {
                return false;
              }
              Timer timer = claimed.get();
              if (timer.cycle() != null && timer.repetitions() != 0) {
                timer.reschedule(TimerSchedule.next(timer.cycle(), timer.dueDate()));
              } else {
                timer.triggered();
              }
              instances.flushTimers(List.of(timer));
              definitions
                  .byKey(timer.processDefinitionKey())
                  .ifPresent(
                      process ->
                          createProcessInstance.createAt(
                              process, timer.targetElementId(), Map.of(), null));
              return true;
            });
    return Boolean.TRUE.equals(fired);
  }

  private <T> T retrying(java.util.function.Supplier<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        return transactions.execute(status -> work.get());
      } catch (PessimisticLockingFailureException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isBlank()) {
      throw EngineRejection.invalidArgument("Expected a message name, but none was given");
    }
  }
}
