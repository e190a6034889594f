package org.redress.appeal;

import io.micrometer.core.instrument.MeterRegistry;
import org.redress.shared.metrics.DatabaseGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The appeal feature's gauge: appeals stored but not yet handed to review (R-OPS: what operators
 * watch; at {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
public class AppealMetrics {

  @Bean
  DatabaseGauge appealsAwaitingReviewGauge(MeterRegistry registry, JdbcClient jdbc) {
    return new DatabaseGauge(
        registry,
        jdbc,
        "redress.appeals.awaiting.review",
        "Appeals stored but not yet handed to the review process",
        null,
        """
        SELECT NULL AS tag, count(*) AS value FROM redress.appeal
         WHERE message_published_at IS NULL
        """);
  }
}
