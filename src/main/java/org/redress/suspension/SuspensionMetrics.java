package org.redress.suspension;

import io.micrometer.core.instrument.MeterRegistry;
import org.redress.shared.metrics.DatabaseGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The suspension feature's gauge: cases by status (R-OPS: what operators watch; at {@code
 * /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
public class SuspensionMetrics {

  @Bean
  DatabaseGauge casesByStatusGauge(MeterRegistry registry, JdbcClient jdbc) {
    return new DatabaseGauge(
        registry,
        jdbc,
        "redress.cases",
        "Suspension cases by status",
        "status",
        """
        SELECT status AS tag, count(*) AS value FROM redress.suspension_case GROUP BY 1
        """);
  }
}
