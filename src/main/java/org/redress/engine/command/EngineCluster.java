package org.redress.engine.command;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.redress.engine.EngineClock;
import org.redress.engine.state.ClusterStore;
import org.redress.engine.state.ClusterStore.Signal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes several app instances on one database behave as one engine. Each instance writes a
 * heartbeat; while another instance is alive, commits that made jobs activatable or ended a process
 * instance are announced with PostgreSQL {@code NOTIFY} (sent with the committing transaction, so
 * only committed work is announced), and a dedicated connection {@code LISTEN}s for the others'
 * announcements: long-polling workers are woken whichever instance created their job, and a
 * create-with-result call is answered by the instance that received it wherever the instance ended.
 * Timers and job leases need nothing here: the scheduler claims them with {@code FOR UPDATE SKIP
 * LOCKED}, so each is handled once. Optionally the engine clock is shared (tests).
 *
 * <p>Nothing is lost when a notification is: waiters are re-checked every second anyway, and a
 * create-with-result waiter looks at the database every second.
 */
public class EngineCluster implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(EngineCluster.class);
  static final Duration HEARTBEAT = Duration.ofSeconds(2);
  static final Duration ALIVE_WITHIN = Duration.ofSeconds(6);
  private static final int LISTEN_POLL_MILLIS = 500;

  private final String node = UUID.randomUUID().toString();
  private final ClusterStore store;
  private final TransactionTemplate transactions;
  private final Supplier<Connection> listenConnections;
  private final JobNotifier jobs;
  private final EngineNotifications notifications;
  private final EngineClock clock;
  private final boolean sharedClock;
  private final Object lifecycle = new Object();
  private volatile int otherNodes;
  private volatile ScheduledExecutorService heartbeats;
  private volatile Thread listener;
  private volatile boolean running;

  /**
   * @param listenConnections opens a connection of its own for LISTEN (not one of the pool's)
   * @param sharedClock take over clock changes made by other instances and announce this one's
   */
  public EngineCluster(
      ClusterStore store,
      TransactionTemplate transactions,
      Supplier<Connection> listenConnections,
      JobNotifier jobs,
      EngineNotifications notifications,
      EngineClock clock,
      boolean sharedClock) {
    this.store = store;
    this.transactions = transactions;
    this.listenConnections = listenConnections;
    this.jobs = jobs;
    this.notifications = notifications;
    this.clock = clock;
    this.sharedClock = sharedClock;
  }

  public String node() {
    return node;
  }

  /** Other live instances on this database, as of the last heartbeat. */
  public int otherNodes() {
    return otherNodes;
  }

  /**
   * Called inside a command's transaction before it commits: announces what the other instances may
   * be waiting for. Nothing is sent while this instance is alone.
   */
  public void announce(Collection<String> activatableJobTypes, List<Long> endedProcessInstances) {
    if (otherNodes == 0 || (activatableJobTypes.isEmpty() && endedProcessInstances.isEmpty())) {
      return;
    }
    store.send(
        new Signal(
            node,
            new LinkedHashSet<>(activatableJobTypes),
            false,
            List.copyOf(endedProcessInstances),
            false));
  }

  /** Jobs made activatable outside a command (lease expired, back-off ended). */
  public void announceJobs(Collection<String> types) {
    if (otherNodes > 0 && !types.isEmpty()) {
      try {
        store.send(ClusterStore.jobs(node, types));
      } catch (RuntimeException e) {
        LOG.debug("Announcing activatable jobs failed; other instances re-check within 1 s", e);
      }
    }
  }

  /** Applies a clock change here and, with a shared clock, in every instance. */
  public void clockChanged() {
    if (!sharedClock) {
      return;
    }
    EngineClock.Setting setting = clock.setting();
    LOG.info("Engine clock changed here, shared with the other app instances: {}", setting);
    transactions.executeWithoutResult(
        status -> {
          store.saveClock(setting);
          store.send(new Signal(node, Set.of(), false, List.of(), true));
        });
  }

  @Override
  public void start() {
    synchronized (lifecycle) {
      if (running) {
        return;
      }
      running = true;
      beat();
      if (sharedClock) {
        if (otherNodes > 0) {
          clock.apply(store.clock()); // join the others' (test) time
        } else {
          store.saveClock(clock.setting()); // first instance: its time is the engine's
        }
      }
      ScheduledExecutorService executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "engine-cluster-heartbeat");
                t.setDaemon(true);
                return t;
              });
      executor.scheduleWithFixedDelay(
          this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
      heartbeats = executor;
    }
  }

  @Override
  public void stop() {
    synchronized (lifecycle) {
      if (!running) {
        return;
      }
      running = false;
      heartbeats.shutdownNow();
      stopListening();
      try {
        store.leave(node);
      } catch (RuntimeException e) {
        LOG.debug("Could not remove this instance from engine.node; it expires by itself", e);
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void beat() {
    try {
      otherNodes = store.heartbeat(node, java.time.Instant.now(), ALIVE_WITHIN);
    } catch (RuntimeException e) {
      LOG.warn("Engine heartbeat failed; retrying in {}", HEARTBEAT, e);
      return;
    }
    if (otherNodes > 0) {
      startListening();
      if (sharedClock) {
        syncClock(); // a clock change announced while this instance was not listening yet
      }
    } else {
      stopListening();
    }
  }

  private void syncClock() {
    try {
      EngineClock.Setting shared = store.clock();
      if (!shared.equals(clock.setting())) {
        LOG.info("Engine clock set as another app instance set it: {}", shared);
      }
      clock.apply(shared);
    } catch (RuntimeException e) {
      LOG.warn("Reading the shared engine clock failed; retrying at the next heartbeat", e);
    }
  }

  private synchronized void startListening() {
    if (listener != null && listener.isAlive()) {
      return;
    }
    Thread thread = new Thread(this::listen, "engine-cluster-listener");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  private synchronized void stopListening() {
    Thread thread = listener;
    listener = null;
    if (thread != null) {
      thread.interrupt();
    }
  }

  private void listen() {
    Thread me = Thread.currentThread();
    try (Connection connection = listenConnections.get()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("LISTEN " + ClusterStore.CHANNEL);
      }
      PGConnection pg = connection.unwrap(PGConnection.class);
      LOG.info("Listening for other app instances' engine commits (instance {})", node);
      // Whatever was announced before LISTEN took effect is found by a re-check now.
      jobs.recheckWaiting();
      while (listener == me && !me.isInterrupted()) {
        PGNotification[] received = pg.getNotifications(LISTEN_POLL_MILLIS);
        if (received != null) {
          for (PGNotification notification : received) {
            handle(notification.getParameter());
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      if (listener == me) {
        LOG.warn("Engine cluster listener failed; restarting at the next heartbeat", e);
      }
    } finally {
      synchronized (this) {
        if (listener == me) {
          listener = null;
        }
      }
    }
  }

  private void handle(String payload) {
    Signal signal;
    try {
      signal = Signal.decode(payload);
    } catch (RuntimeException e) {
      LOG.warn("Ignoring an engine signal that could not be read: {}", payload, e);
      return;
    }
    if (signal.node().equals(node)) {
      return;
    }
    if (signal.allJobTypes()) {
      jobs.recheckWaiting();
    } else if (!signal.jobTypes().isEmpty()) {
      jobs.jobsAvailable(signal.jobTypes());
    }
    for (Long key : signal.endedProcessInstances()) {
      notifications.endedElsewhere(key);
    }
    if (signal.clockChanged() && sharedClock) {
      syncClock();
    }
  }
}
