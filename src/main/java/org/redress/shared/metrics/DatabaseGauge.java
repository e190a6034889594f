package org.redress.shared.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A gauge whose rows come from one grouped count in the database ({@code SELECT <tag> AS tag,
 * count(*) AS value ... GROUP BY 1}), so that every app instance on one database reports the same
 * figure. Each feature declares its own (its SQL stays in the feature); {@link
 * DatabaseGaugeRefresher} refreshes them all on a schedule, never per scrape.
 */
public final class DatabaseGauge {

  private final String name;
  private final String tagName;
  private final String sql;
  private final JdbcClient jdbc;
  private final MultiGauge gauge;

  /**
   * @param tagName the tag the query's {@code tag} column fills, or null for one untagged row (then
   *     the query returns one row with {@code tag} NULL)
   */
  public DatabaseGauge(
      MeterRegistry registry,
      JdbcClient jdbc,
      String name,
      String description,
      String tagName,
      String sql) {
    this.name = name;
    this.tagName = tagName;
    this.sql = sql;
    this.jdbc = jdbc;
    this.gauge = MultiGauge.builder(name).description(description).register(registry);
  }

  public String name() {
    return name;
  }

  private record Row(String tag, long value) {}

  public void refresh() {
    List<MultiGauge.Row<?>> rows =
        jdbc
            .sql(sql)
            .query((rs, n) -> new Row(rs.getString("tag"), rs.getLong("value")))
            .list()
            .stream()
            .<MultiGauge.Row<?>>map(
                r ->
                    MultiGauge.Row.of(
                        tagName == null ? Tags.empty() : Tags.of(tagName, nonNull(r.tag())),
                        r.value()))
            .toList();
    gauge.register(rows, true);
  }

  private static String nonNull(String tag) {
    return tag == null ? "" : tag;
  }
}
