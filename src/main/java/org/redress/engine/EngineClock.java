package org.redress.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one source of time for the engine: timers, job deadlines, back-offs, dates in history and
 * FEEL's now(). It can be pinned and moved (the Camunda clock API and Camunda Process Test's
 * increaseTime) so that tests never have to sleep.
 */
public class EngineClock {

  private final Clock system;
  private final CopyOnWriteArrayList<Runnable> changeListeners = new CopyOnWriteArrayList<>();
  private volatile Instant pinned;
  private volatile long offsetMillis;

  public EngineClock() {
    this(Clock.systemUTC());
  }

  public EngineClock(Clock system) {
    this.system = system;
  }

  public Instant now() {
    Instant p = pinned;
    return p != null ? p : system.instant().plusMillis(offsetMillis);
  }

  public long millis() {
    return now().toEpochMilli();
  }

  /** Freezes the clock at the given instant until it is pinned again, moved or reset. */
  public void pin(Instant instant) {
    pinned = instant;
    changed();
  }

  /** Moves the clock by the given amount; a pinned clock stays pinned at the new instant. */
  public synchronized void add(Duration amount) {
    if (pinned != null) {
      pinned = pinned.plus(amount);
    } else {
      offsetMillis += amount.toMillis();
    }
    changed();
  }

  /** Returns to system time. */
  public synchronized void reset() {
    pinned = null;
    offsetMillis = 0;
    changed();
  }

  /** The clock's setting: pinned at an instant (or null) and the offset from system time. */
  public record Setting(Instant pinned, long offsetMillis) {}

  public synchronized Setting setting() {
    return new Setting(pinned, offsetMillis);
  }

  /** Takes over a setting made elsewhere (another app instance on the same database). */
  public synchronized void apply(Setting setting) {
    if (java.util.Objects.equals(setting.pinned(), pinned)
        && setting.offsetMillis() == offsetMillis) {
      return;
    }
    pinned = setting.pinned();
    offsetMillis = setting.offsetMillis();
    changed();
  }

  /** Called after every change, e.g. so that due timers and expired jobs are looked at at once. */
  public void onChange(Runnable listener) {
    changeListeners.add(listener);
  }

  private void changed() {
    changeListeners.forEach(Runnable::run);
  }
}
