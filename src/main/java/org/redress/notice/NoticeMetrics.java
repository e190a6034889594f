package org.redress.notice;

import io.micrometer.core.instrument.MeterRegistry;
import org.redress.shared.metrics.DatabaseGauge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The notice feature's gauge: the outbox backlog and failing notices (R-OPS: what operators watch;
 * at {@code /actuator/prometheus}).
 */
@Configuration(proxyBeanMethods = false)
public class NoticeMetrics {

  @Bean
  DatabaseGauge noticeOutboxGauge(MeterRegistry registry, JdbcClient jdbc) {
    return new DatabaseGauge(
        registry,
        jdbc,
        "redress.notices.outbox",
        "Notices not yet delivered: pending (not tried yet) and failing (an attempt failed)",
        "state",
        """
        SELECT CASE WHEN attempts > 0 THEN 'failing' ELSE 'pending' END AS tag, count(*) AS value
          FROM redress.notice_outbox WHERE status = 'PENDING' GROUP BY 1
        """);
  }
}
