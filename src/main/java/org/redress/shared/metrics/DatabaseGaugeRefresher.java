package org.redress.shared.metrics;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/** Refreshes every {@link DatabaseGauge} at {@code redress.metrics.refresh-interval} (30 s). */
public class DatabaseGaugeRefresher {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseGaugeRefresher.class);

  private final List<DatabaseGauge> gauges;

  public DatabaseGaugeRefresher(List<DatabaseGauge> gauges) {
    this.gauges = gauges;
  }

  @Scheduled(
      initialDelayString = "${redress.metrics.refresh-interval:30s}",
      fixedDelayString = "${redress.metrics.refresh-interval:30s}")
  public void refreshAll() {
    for (DatabaseGauge gauge : gauges) {
      try {
        gauge.refresh();
      } catch (RuntimeException e) {
        LOG.warn("Refreshing gauge {} failed; next try at the next interval", gauge.name(), e);
      }
    }
  }
}
