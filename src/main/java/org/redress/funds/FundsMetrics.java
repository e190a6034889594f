package org.redress.funds;

import io.micrometer.core.instrument.MeterRegistry;
import org.redress.shared.metrics.DatabaseGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The funds feature's gauge: payouts by status, rejected ones included (R-OPS: what operators
 * watch; at {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
public class FundsMetrics {

  @Bean
  DatabaseGauge payoutsByStatusGauge(MeterRegistry registry, JdbcClient jdbc) {
    return new DatabaseGauge(
        registry,
        jdbc,
        "redress.payouts",
        "Payouts by status (REQUESTED, PAID, REJECTED)",
        "status",
        """
        SELECT status AS tag, count(*) AS value FROM redress.funds_payout GROUP BY 1
        """);
  }
}
