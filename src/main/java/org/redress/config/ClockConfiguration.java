package org.redress.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.redress.engine.EngineClock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The clock of the feature modules (deadlines, timestamps) and scheduling of their background tasks
 * (notice dispatch, retries). With the embedded engine it is the engine's clock, so that moving
 * time (the Camunda clock API, Camunda Process Test's {@code increaseTime}) moves appeal deadlines
 * and timers together; in cluster mode it is the system clock in UTC.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ClockConfiguration {

  @Bean
  Clock clock(ObjectProvider<EngineClock> engineClock) {
    EngineClock engine = engineClock.getIfAvailable();
    return engine == null ? Clock.systemUTC() : new EngineBackedClock(engine);
  }

  /** A {@link Clock} view of the engine clock (UTC). */
  static final class EngineBackedClock extends Clock {

    private final EngineClock engine;

    EngineBackedClock(EngineClock engine) {
      this.engine = engine;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
      return engine.now();
    }
  }
}
