package org.redress.engine.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-pressure of the engine API ({@code redress.engine.backpressure.*}).
 *
 * @param maxInFlight engine API requests processed at once; each holds a database connection, so
 *     keep it below the connection pool (20) to leave room for the Redress API and schedulers
 * @param maxQueued requests that may wait for a free slot; more are refused at once
 * @param queueTimeout how long a request waits for a free slot before it is refused
 */
@ConfigurationProperties("redress.engine.backpressure")
public record BackpressureProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("14") int maxInFlight,
    @DefaultValue("200") int maxQueued,
    @DefaultValue("2s") Duration queueTimeout) {

  public BackpressureProperties {
    if (maxInFlight < 1 || maxQueued < 0 || queueTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "Expected redress.engine.backpressure.max-in-flight >= 1, max-queued >= 0 and a"
              + " queue-timeout >= 0");
    }
  }
}
