package org.redress.engine.command;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long polling for job workers: activation requests that found no job wait here, per job type,
 * until a job of their type becomes activatable (announced after commit) or their request timeout
 * passes. Nothing polls the database while waiters are idle, apart from a slow safety re-check for
 * jobs made activatable by another app instance on the same database (or a missed announcement):
 * one query asks which waiting types have an activatable job, and only those are tried.
 */
public class JobNotifier implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(JobNotifier.class);

  /** A parked activation request. */
  public interface Waiter {
    String type();

    /** Tries to activate and answer; true when this waiter is finished (answered or expired). */
    boolean tryActivate();

    boolean isFinished();
  }

  private final Map<String, ConcurrentLinkedQueue<Waiter>> waiting = new ConcurrentHashMap<>();
  private final Function<Set<String>, Set<String>> activatableAmong;
  // Each parked waiter's answer-with-no-jobs, until its request timeout has run it.
  private final Map<Waiter, Runnable> timeouts = new ConcurrentHashMap<>();
  private volatile boolean closing;
  private final ExecutorService dispatcher =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "engine-job-dispatch");
            t.setDaemon(true);
            return t;
          });
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "engine-job-timeouts");
            t.setDaemon(true);
            return t;
          });

  /** Without a probe: every re-check tries every waiting type. */
  public JobNotifier() {
    this(types -> types);
  }

  /**
   * @param activatableAmong which of the given job types have an activatable job now (may answer
   *     more types than that, never fewer); asked by {@link #recheckWaiting()}
   */
  public JobNotifier(Function<Set<String>, Set<String>> activatableAmong) {
    this.activatableAmong = activatableAmong;
  }

  /**
   * Parks a request that found no job until a job of its type is announced or {@code timeoutMillis}
   * passes ({@code onTimeout} answers it with no jobs). Once the app shuts down, answers at once.
   */
  public void park(Waiter waiter, long timeoutMillis, Runnable onTimeout) {
    if (closing) {
      onTimeout.run();
      return;
    }
    // Adding inside compute() serialises with the removal of an emptied queue in drain(): a waiter
    // can never land in a queue that has just left the map (it would be re-checked by nobody).
    waiting.compute(
        waiter.type(),
        (type, queue) -> {
          ConcurrentLinkedQueue<Waiter> q = queue != null ? queue : new ConcurrentLinkedQueue<>();
          q.add(waiter);
          return q;
        });
    timeouts.put(waiter, onTimeout);
    timer.schedule(() -> answerEmpty(waiter, onTimeout), timeoutMillis, TimeUnit.MILLISECONDS);
    if (closing) {
      answerEmpty(waiter, onTimeout); // stopParking() may have looked before this waiter was there
      return;
    }
    // A job may have been created between the caller's empty attempt and parking.
    jobsAvailable(Set.of(waiter.type()));
  }

  public void jobsAvailable(Collection<String> types) {
    for (String type : types) {
      if (waiting.containsKey(type)) {
        dispatcher.execute(() -> drain(type));
      }
    }
  }

  /**
   * From the start of a shut-down: answers every parked request with no jobs now, and any request
   * parked later at once. The web server's graceful shut-down waits for requests in flight, long
   * polls included, so otherwise it would wait out their request timeouts.
   */
  public void stopParking() {
    closing = true;
    timeouts.forEach(this::answerEmpty);
  }

  private void answerEmpty(Waiter waiter, Runnable onTimeout) {
    if (timeouts.remove(waiter, onTimeout)) {
      onTimeout.run();
    }
  }

  /** Activation requests parked now, over all job types (a gauge for operators). */
  public int waiterCount() {
    int count = 0;
    for (ConcurrentLinkedQueue<Waiter> queue : waiting.values()) {
      for (Waiter waiter : queue) {
        if (!waiter.isFinished()) {
          count++;
        }
      }
    }
    return count;
  }

  /**
   * Re-checks every type somebody waits for (jobs from other app instances, missed announcements):
   * wakes the waiters of the types that have an activatable job. If that question fails, every
   * waiting type is tried, as an announcement would.
   */
  public void recheckWaiting() {
    Set<String> types = Set.copyOf(waiting.keySet());
    if (types.isEmpty()) {
      return;
    }
    Set<String> available;
    try {
      available = activatableAmong.apply(types);
    } catch (RuntimeException e) {
      LOG.debug("Asking which waiting job types have jobs failed; trying them all", e);
      available = types;
    }
    jobsAvailable(available);
  }

  private void drain(String type) {
    ConcurrentLinkedQueue<Waiter> queue = waiting.get(type);
    if (queue == null) {
      return;
    }
    Iterator<Waiter> it = queue.iterator();
    while (it.hasNext()) {
      Waiter waiter = it.next();
      if (waiter.isFinished()) {
        it.remove();
        continue;
      }
      boolean finished;
      try {
        finished = waiter.tryActivate();
      } catch (RuntimeException e) {
        LOG.warn("Activating parked jobs of type '{}' failed; will retry", type, e);
        return;
      }
      if (!finished) {
        return; // no job left for this type
      }
      it.remove();
    }
    // Removed only if still empty while holding the key's bin, the same lock park() adds under.
    waiting.computeIfPresent(type, (t, q) -> q.isEmpty() ? null : q);
  }

  @Override
  public void close() {
    dispatcher.shutdownNow();
    timer.shutdownNow();
  }
}
