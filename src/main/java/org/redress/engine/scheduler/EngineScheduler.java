package org.redress.engine.scheduler;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.redress.engine.EngineClock;
import org.redress.engine.command.EngineCluster;
import org.redress.engine.command.EventCommands;
import org.redress.engine.command.JobNotifier;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.state.JobStore;
import org.redress.engine.state.SchedulerQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The engine's background passes: fires due timers, returns jobs to workers when their lease ran
 * out (TIMED_OUT) or their back-off ended (waking the long-polling workers of those types), and
 * drops expired buffered messages. Rows are claimed with locks (SKIP LOCKED for jobs, the instance
 * lock for timers), so app instances sharing a database never process one twice. Moving the engine
 * clock runs a pass at once. Each pass first asks in one read-only statement whether any of that
 * work is due ({@link SchedulerQueries}); an idle engine costs one cheap query per interval.
 */
public class EngineScheduler implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EngineScheduler.class);
  private static final int BATCH = 500;
  private static final long RECHECK_WAITING_MILLIS = 1000;

  private final EngineMetrics metrics;
  private final EngineCluster cluster;
  private final long waiterRecheckMillis;
  private volatile long lastWaiterRecheck;
  private final JobStore jobs;
  private final SchedulerQueries queries;
  private final EventCommands events;
  private final JobNotifier notifier;
  private final EngineClock clock;
  private final Duration interval;
  // start/stop lock apart from runOnce's: a pass stuck on an unreachable database (a connection
  // wait lasts up to the pool's timeout) must not hold up shutdown; stop interrupts it instead.
  private final Object lifecycle = new Object();
  private volatile ScheduledExecutorService executor;
  private volatile long lastRecheck;

  public EngineScheduler(
      JobStore jobs,
      SchedulerQueries queries,
      EventCommands events,
      JobNotifier notifier,
      EngineClock clock,
      Duration interval,
      EngineMetrics metrics,
      EngineCluster cluster,
      Duration waiterRecheck) {
    this.waiterRecheckMillis = waiterRecheck.toMillis();
    this.cluster = cluster;
    this.metrics = metrics;
    this.jobs = jobs;
    this.queries = queries;
    this.events = events;
    this.notifier = notifier;
    this.clock = clock;
    this.interval = interval;
    clock.onChange(this::runSoon);
  }

  /** One pass; public for tests that drive time themselves. */
  public synchronized void runOnce() {
    SchedulerQueries.Due due = queries.due(clock.now());
    if (due.workDue()) {
      fireTimersAndReturnJobs();
    }
    long wall = System.currentTimeMillis();
    if (wall - lastWaiterRecheck >= waiterRecheckMillis) {
      lastWaiterRecheck = wall;
      notifier.recheckWaiting();
    }
    if (due.messagesBuffered() && wall - lastRecheck >= RECHECK_WAITING_MILLIS) {
      lastRecheck = wall;
      events.expireMessages();
      events.correlateStranded(BATCH);
    }
  }

  private void fireTimersAndReturnJobs() {
    while (events.fireDueTimers(BATCH) == BATCH) {
      // more due timers than one batch: keep going
    }
    Set<String> types = new LinkedHashSet<>();
    var now = clock.now();
    List<String> timedOut = jobs.timeOutExpired(now, BATCH);
    metrics.jobsTimedOut(timedOut);
    types.addAll(timedOut);
    types.addAll(jobs.recurAfterBackOff(now, BATCH));
    if (!types.isEmpty()) {
      notifier.jobsAvailable(types);
      cluster.announceJobs(types);
    }
  }

  private void runSoon() {
    ScheduledExecutorService current = executor;
    if (current != null) {
      current.execute(this::safeRun);
    }
  }

  private void safeRun() {
    try {
      runOnce();
    } catch (RuntimeException e) {
      LOG.warn("Job scheduler pass failed; retrying next interval", e);
    }
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      ScheduledExecutorService started =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "engine-scheduler");
                t.setDaemon(true);
                return t;
              });
      started.scheduleWithFixedDelay(
          this::safeRun, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
      executor = started;
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (executor != null) {
        executor.shutdownNow();
        executor = null;
      }
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
