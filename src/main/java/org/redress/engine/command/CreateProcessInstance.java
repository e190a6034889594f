package org.redress.engine.command;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.model.BpmnElementType;
import org.redress.engine.runtime.DeployedProcess;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.ElementState;
import org.redress.engine.state.InstanceState;
import org.redress.engine.state.KeyGenerator;

/**
 * Creates a process instance at its none start event, by BPMN process id (latest or given version)
 * or by definition key; optionally waits until it ends (create-with-result).
 */
public class CreateProcessInstance {

  /**
   * @param version -1 for the latest version; ignored when a definition key is given
   */
  public record Request(
      String bpmnProcessId,
      Long processDefinitionKey,
      int version,
      Map<String, Object> variables,
      String tenantId) {}

  /**
   * @param ended set when the instance has ended (awaited, or ended within the create command)
   */
  public record Created(
      long processInstanceKey,
      DeployedProcess process,
      CommandOutcome.EndedProcessInstance ended) {}

  private final InstanceCommandExecutor executor;
  private final ProcessDefinitions definitions;
  private final KeyGenerator keys;
  private final EngineNotifications notifications;
  private final EngineClock clock;

  public CreateProcessInstance(
      InstanceCommandExecutor executor,
      ProcessDefinitions definitions,
      KeyGenerator keys,
      EngineNotifications notifications,
      EngineClock clock) {
    this.executor = executor;
    this.definitions = definitions;
    this.keys = keys;
    this.notifications = notifications;
    this.clock = clock;
  }

  public Created create(Request request) {
    long key = keys.nextKey();
    return startResolved(request, key);
  }

  /**
   * Resolves the definition and starts the instance. The latest version comes from a cache that the
   * start's transaction checks; when another app instance has deployed a newer version meanwhile,
   * the start rolls back and resolves again.
   */
  private Created startResolved(Request request, long key) {
    boolean latest = request.processDefinitionKey() == null && request.version() < 0;
    for (int attempt = 1; ; attempt++) {
      DeployedProcess process = resolve(request);
      try {
        return start(process, key, request.variables(), latest);
      } catch (OutdatedDefinition e) {
        definitions.forgetLatest(request.tenantId(), request.bpmnProcessId());
        if (attempt == 3) {
          throw new IllegalStateException(
              "Process '" + request.bpmnProcessId() + "' kept getting new versions", e);
        }
      }
    }
  }

  /** The cached latest version is not the latest any more (rolls the start back). */
  private static final class OutdatedDefinition extends RuntimeException {
    OutdatedDefinition() {
      super(null, null, false, false);
    }
  }

  /**
   * Creates the instance and waits for its end.
   *
   * @param started run once the instance is committed, before the wait (e.g. to give back a
   *     back-pressure slot)
   * @throws EngineRejection TIMEOUT when it has not ended within {@code timeout}
   */
  public Created createAndAwait(Request request, Duration timeout, Runnable started) {
    long key = keys.nextKey();
    CompletableFuture<CommandOutcome.EndedProcessInstance> end = notifications.awaitEnd(key);
    try {
      Created created = startResolved(request, key);
      if (created.ended() != null) {
        return created;
      }
      started.run();
      return new Created(key, created.process(), awaitEnd(key, end, timeout));
    } catch (TimeoutException e) {
      throw new EngineRejection(
          EngineRejection.Type.TIMEOUT,
          "Expected process instance '"
              + key
              + "' to complete within "
              + timeout.toMillis()
              + " ms, but it has not; it is still running");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while awaiting process instance " + key, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      notifications.stopAwaiting(key);
    }
  }

  /**
   * Waits for the end announced in this JVM (or by another app instance, {@link EngineCluster});
   * looks at the database every second too, so that a lost announcement only delays the answer.
   */
  private CommandOutcome.EndedProcessInstance awaitEnd(
      long key, CompletableFuture<CommandOutcome.EndedProcessInstance> end, Duration timeout)
      throws InterruptedException, ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException();
      }
      try {
        return end.get(Math.min(left, END_POLL.toNanos()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        var ended = notifications.endedInstance(key);
        if (ended.isPresent()) {
          return ended.get();
        }
      }
    }
  }

  private static final Duration END_POLL = Duration.ofSeconds(1);

  /**
   * Creates an instance at a message or timer start event; {@code beforeStart} may add to the new
   * instance's state (e.g. the message correlation). Joins the caller's transaction if any.
   */
  public long createAt(
      DeployedProcess process,
      String startEventId,
      Map<String, Object> variables,
      java.util.function.Consumer<InstanceState> beforeStart) {
    long key = keys.nextKey();
    executor.execute(
        () -> {
          requireDefinition(process);
          return InstanceState.created(newInstance(process, key));
        },
        (runner, state) -> {
          if (beforeStart != null) {
            beforeStart.accept(state);
          }
          runner.startProcessAt(startEventId, variables);
          return null;
        });
    return key;
  }

  private Created start(
      DeployedProcess process, long key, Map<String, Object> variables, boolean mustBeLatest) {
    if (process.process().noneStartEventId() == null) {
      throw EngineRejection.invalidArgument(
          "Expected to create an instance of process '"
              + process.definition().bpmnProcessId()
              + "' with a none start event, but it has no none start event");
    }
    CommandOutcome.EndedProcessInstance[] ended = new CommandOutcome.EndedProcessInstance[1];
    executor.execute(
        () -> {
          if (mustBeLatest) {
            requireLatestDefinition(process);
          } else {
            requireDefinition(process);
          }
          return InstanceState.created(newInstance(process, key));
        },
        (runner, state) -> {
          runner.startProcess(variables);
          runner.run(); // so that an instance without wait states is known to have ended
          if (!state.processInstance().isActive()) {
            ended[0] =
                new CommandOutcome.EndedProcessInstance(
                    key,
                    state.processInstance().state() == ElementState.COMPLETED,
                    runner.variables().localJson(key));
          }
          return null;
        });
    return new Created(key, process, ended[0]);
  }

  /** Same as {@link #requireDefinition}, and it must still be its process's latest version. */
  private void requireLatestDefinition(DeployedProcess process) {
    // gone (purged, maybe deployed again by another app instance) or replaced: resolve again
    if (definitions.lockSharedLatest(process.key()) != DefinitionStore.Found.LATEST) {
      throw new OutdatedDefinition();
    }
  }

  /** The definition was resolved before the transaction; it must still exist (purge). */
  private void requireDefinition(DeployedProcess process) {
    if (!definitions.lockShared(process.key())) {
      throw EngineRejection.notFound(
          "Expected to find process definition with key '"
              + process.key()
              + "', but it was deleted (purged) meanwhile");
    }
  }

  private ElementInstance newInstance(DeployedProcess process, long key) {
    return new ElementInstance(
        key,
        key,
        process.key(),
        process.definition().bpmnProcessId(),
        process.definition().version(),
        process.definition().bpmnProcessId(),
        process.process().info().name(),
        BpmnElementType.PROCESS,
        -1,
        ElementState.ACTIVATING,
        clock.now(),
        null,
        null,
        null,
        process.definition().tenantId(),
        null,
        null,
        true);
  }

  private DeployedProcess resolve(Request request) {
    if (request.processDefinitionKey() != null) {
      return definitions
          .byKey(request.processDefinitionKey())
          .orElseThrow(
              () ->
                  EngineRejection.notFound(
                      "Expected to find process definition with key '"
                          + request.processDefinitionKey()
                          + "', but none found"));
    }
    if (request.bpmnProcessId() == null || request.bpmnProcessId().isBlank()) {
      throw EngineRejection.invalidArgument(
          "Expected either a processDefinitionId or a processDefinitionKey, but got neither");
    }
    if (request.version() >= 0) {
      return definitions
          .byVersion(request.tenantId(), request.bpmnProcessId(), request.version())
          .orElseThrow(
              () ->
                  EngineRejection.notFound(
                      "Expected to find process definition with process ID '"
                          + request.bpmnProcessId()
                          + "' and version '"
                          + request.version()
                          + "', but none found"));
    }
    return definitions
        .latest(request.tenantId(), request.bpmnProcessId())
        .orElseThrow(
            () ->
                EngineRejection.notFound(
                    "Expected to find process definition with process ID '"
                        + request.bpmnProcessId()
                        + "', but none found"));
  }
}
