package org.redress.engine.command;

import java.util.List;
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
 * tried again.
 */
public class PurgeEngine {

  private static final Logger LOG = LoggerFactory.getLogger(PurgeEngine.class);
  private static final int ATTEMPTS = 5;
  private static final long LOCK_TIMEOUT_MILLIS = 5_000;

  private final TransactionTemplate transactions;
  private final PurgeStore store;
  private final ProcessDefinitions definitions;
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
    lastCompletedChangeId = changeId;
    LOG.info("Engine purged: all deployments, instances and history deleted (change {})", changeId);
    return changeId;
  }

  /** The id of the last completed purge, -1 before the first. */
  public long lastCompletedChangeId() {
    return lastCompletedChangeId;
  }
}
