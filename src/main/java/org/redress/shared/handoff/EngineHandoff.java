package org.redress.shared.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.redress.shared.Readiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands committed work to the engine: now in the caller's thread ({@link #now}), soon on one
 * hand-off thread at a bounded rate ({@link #soon}), and later by the retry ({@link #sweep}) for
 * whatever did not get there (engine down, queue full, crash after the commit). The database is the
 * queue: the {@link Backlog} reads what is still waiting (e.g. cases without a process instance),
 * so nothing is lost when the in-memory queue is.
 *
 * <p>Nothing is attempted before the app is ready ({@link Readiness}: the process models are
 * deployed): work stored then waits for the retry instead of failing against an engine without its
 * models. Every {@link Step} must be idempotent: the retry may hand off an item a crashed instance
 * handed off already.
 */
public final class EngineHandoff implements AutoCloseable {

  /** Work still waiting for the engine, stored before {@code before}, oldest first. */
  @FunctionalInterface
  public interface Backlog {
    List<String> waiting(Instant before, int limit);
  }

  /**
   * Hands one item to the engine and records that it got there (so the backlog no longer lists it);
   * throws to leave it for the retry.
   */
  @FunctionalInterface
  public interface Step {
    void handOff(String id);
  }

  /** Items the retry takes per run. */
  static final int BATCH = 20;

  /** Items waiting for the hand-off thread at most; more are left to the retry. */
  static final int QUEUE_CAPACITY = 10_000;

  private static final Logger log = LoggerFactory.getLogger(EngineHandoff.class);

  private final String name;
  private final Duration retryAfter;
  private final long intervalNanos;
  private final Readiness readiness;
  private final Clock clock;
  private final Backlog backlog;
  private final Step step;
  private final ThreadPoolExecutor queue;
  private long nextNanos = System.nanoTime();

  /**
   * @param name what is handed off, for logs and the thread name (e.g. "appeal-announcement")
   * @param retryAfter how long an item may wait before the retry hands it off
   * @param ratePerSecond hand-offs per second of {@link #soon} at most; 0 for no limit
   */
  public EngineHandoff(
      String name,
      Duration retryAfter,
      int ratePerSecond,
      Readiness readiness,
      Clock clock,
      Backlog backlog,
      Step step) {
    this.name = name;
    this.retryAfter = retryAfter;
    this.intervalNanos = ratePerSecond <= 0 ? 0 : 1_000_000_000L / ratePerSecond;
    this.readiness = readiness;
    this.clock = clock;
    this.backlog = backlog;
    this.step = step;
    this.queue =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(QUEUE_CAPACITY),
            runnable -> {
              Thread thread = new Thread(runnable, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Hands the item off in the caller's thread (the caller wants the result in its answer).
   *
   * @return false if it was left for the retry (not ready, or the step failed)
   */
  public boolean now(String id) {
    if (!readiness.isReady()) {
      log.info("{} {} waits for the app to be ready; the retry hands it off", name, id);
      return false;
    }
    try {
      step.handOff(id);
      return true;
    } catch (RuntimeException e) {
      log.warn("{} {} stored; left for the retry: {}", name, id, e.getMessage());
      return false;
    }
  }

  /**
   * Hands the item off soon on the hand-off thread, at the configured rate at most, so that a burst
   * does not crowd out the requests that caused it.
   *
   * @return false if it was left for the retry (not ready, queue full, closing)
   */
  public boolean soon(String id) {
    if (!readiness.isReady()) {
      log.info("{} {} waits for the app to be ready; the retry hands it off", name, id);
      return false;
    }
    try {
      queue.execute(
          () -> {
            pace();
            now(id);
          });
      return true;
    } catch (RejectedExecutionException e) {
      log.warn("{} {} stored; the retry hands it off (queue full or closing)", name, id);
      return false;
    }
  }

  /**
   * The retry: hands off what has waited longer than {@code retryAfter}, a batch per call; nothing
   * before the app is ready.
   *
   * @return how many were handed off
   */
  public int sweep() {
    if (!readiness.isReady()) {
      return 0;
    }
    int done = 0;
    for (String id : backlog.waiting(clock.instant().minus(retryAfter), BATCH)) {
      if (now(id)) {
        done++;
      }
    }
    return done;
  }

  /** Keeps the hand-off thread (its only caller) at the configured rate. */
  private void pace() {
    if (intervalNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    long wait = nextNanos - now;
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    nextNanos = Math.max(now, nextNanos) + intervalNanos;
  }

  /**
   * Stops the hand-off thread (the context closes): waits briefly for hand-offs under way; the rest
   * stay in the backlog and the retry hands them off after the restart.
   */
  @Override
  public void close() throws InterruptedException {
    queue.shutdown();
    if (!queue.awaitTermination(10, TimeUnit.SECONDS)) {
      queue.shutdownNow();
    }
  }
}
