package org.redress.config;

import java.util.List;
import org.redress.shared.metrics.DatabaseGauge;
import org.redress.shared.metrics.DatabaseGaugeRefresher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Refreshes the features' database gauges (cases, appeals awaiting review, notice outbox, payouts);
 * each feature declares its own in its {@code *Metrics} configuration.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

  @Bean
  DatabaseGaugeRefresher databaseGaugeRefresher(List<DatabaseGauge> gauges) {
    return new DatabaseGaugeRefresher(gauges);
  }
}
