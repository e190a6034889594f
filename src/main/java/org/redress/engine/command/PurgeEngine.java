package org.redress.engine.command;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.redress.engine.runtime.ProcessDefinitions;
import org.redress.engine.state.PurgeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes all engine data (deployments, instances, jobs, incidents, messages, timers, user tasks,
 * history) in one transaction and forgets the cached definitions: the cluster purge Camunda Process
 * Test runs after every test. Each purge is a "cluster change" with an increasing id, which the
 * topology reports as {@code lastCompletedChangeId} once the purge is done; like an idle real
 * cluster, the id is -1 until the first purge.
 *
 * <p>Commands running meanwhile are not corrupted: the purge waits for the table locks they hold
 * and they wait for the purge; a lock conflict (timeout or deadlock) rolls the purge back and it is
 * tried again. Creating an instance resolves its definition before its transaction begins, so a
 * purge in between would leave an instance of a deleted definition; callers run such commands
 * through {@link #excludingPurge}, which a purge waits for (up to {@value #GATE_TIMEOUT_SECONDS}
 * s).
 */
public class PurgeEngine {

  private static final Logger LOG = LoggerFactory.getLogger(PurgeEngine.class);
  private static final int ATTEMPTS = 5;
  private static final long LOCK_TIMEOUT_MILLIS = 5_000;
  private static final long GATE_TIMEOUT_SECONDS = 10;

  private final TransactionTemplate transactions;
  private final PurgeStore store;
  private final ProcessDefinitions definitions;
  // fair: a waiting purge holds back new commands instead of waiting behind a stream of them
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock(true);
  private volatile long lastCompletedChangeId = -1;

  public PurgeEngine(
      TransactionTemplate transactions, PurgeStore store, ProcessDefinitions definitions) {
    this.transactions = transactions;
    this.store = store;
    this.definitions = definitions;
  }

  /** Purges everything; returns the change id, which is completed when this returns. */
  public synchronized long purge() {
    long changeId = Math.max(lastCompletedChangeId, 0) + 1;
    boolean gated = closeGate();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          transactions.executeWithoutResult(
              status -> {
                List<String> tables = store.engineTables();
                store.truncate(tables, LOCK_TIMEOUT_MILLIS);
              });
          break;
        } catch (PessimisticLockingFailureException e) {
          if (attempt >= ATTEMPTS) {
            throw e;
          }
          LOG.info("Engine purge met a lock conflict (attempt {}); trying again", attempt);
        }
      }
      definitions.clear();
    } finally {
      if (gated) {
        gate.writeLock().unlock();
      }
    }
    lastCompletedChangeId = changeId;
    LOG.info("Engine purged: all deployments, instances and history deleted (change {})", changeId);
    return changeId;
  }

  /**
   * Runs a command that must not overlap a purge (it resolves what it needs before its own
   * transaction). Such commands run concurrently with each other.
   */
  public <T> T excludingPurge(Supplier<T> command) {
    gate.readLock().lock();
    try {
      return command.get();
    } finally {
      gate.readLock().unlock();
    }
  }

  private boolean closeGate() {
    try {
      if (gate.writeLock().tryLock(GATE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        return true;
      }
      LOG.warn(
          "Engine purge waited {} s for running instance creations; purging anyway",
          GATE_TIMEOUT_SECONDS);
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting to purge the engine", e);
    }
  }

  /** The id of the last completed purge, -1 before the first. */
  public long lastCompletedChangeId() {
    return lastCompletedChangeId;
  }
}
