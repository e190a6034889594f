package org.redress.audit.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's figures over Redress's tables, computed on each request (always current): open
 * appeals by age, review deadlines passed (the {@code REVIEW_ESCALATED} audit action, recorded when
 * the SLA timer fires), decided appeals per week by outcome, the median time from filing to
 * decision, and the share of decisions that overturned the restriction. Weeks start on Monday, UTC.
 */
public class DashboardQueries {

  /** Weeks the charts show, the current one included. */
  public static final int WEEKS = 12;

  private final JdbcClient jdbc;
  private final Clock clock;

  public DashboardQueries(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public DashboardFigures figures() {
    Instant now = clock.instant();
    LocalDate thisWeek =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>();
    for (int i = WEEKS - 1; i >= 0; i--) {
      weeks.add(thisWeek.minusWeeks(i));
    }
    Timestamp since = Timestamp.from(weeks.get(0).atStartOfDay(ZoneOffset.UTC).toInstant());

    List<Long> byAge = new ArrayList<>(Collections.nCopies(5, 0L));
    jdbc.sql(
            """
            SELECT CASE WHEN age < interval '1 day' THEN 0
                        WHEN age < interval '3 days' THEN 1
                        WHEN age < interval '7 days' THEN 2
                        WHEN age < interval '14 days' THEN 3
                        ELSE 4 END AS bucket, count(*) AS n
              FROM (SELECT :now - filed_at AS age FROM redress.appeal
                     WHERE status <> 'DECIDED') open
             GROUP BY bucket
            """)
        .param("now", Timestamp.from(now))
        .query(
            rs -> {
              byAge.set(rs.getInt("bucket"), rs.getLong("n"));
            });

    Map<LocalDate, Long> breaches = new HashMap<>();
    jdbc.sql(
            """
            SELECT date_trunc('week', occurred_at AT TIME ZONE 'UTC')::date AS week, count(*) AS n
              FROM redress.audit_event
             WHERE action = 'REVIEW_ESCALATED' AND occurred_at >= :since
             GROUP BY week
            """)
        .param("since", since)
        .query(
            rs -> {
              breaches.put(rs.getDate("week").toLocalDate(), rs.getLong("n"));
            });
    long openBreaches =
        jdbc.sql(
                """
                SELECT count(*) FROM redress.appeal a
                 WHERE a.status <> 'DECIDED'
                   AND EXISTS (SELECT 1 FROM redress.audit_event e
                                WHERE e.action = 'REVIEW_ESCALATED' AND e.case_id = a.case_id
                                  AND e.details ->> 'appealId' = a.appeal_id)
                """)
            .query(Long.class)
            .single();

    Map<String, Map<LocalDate, Long>> byOutcome = new LinkedHashMap<>();
    Map<LocalDate, Double> medians = new HashMap<>();
    Map<LocalDate, Double> reversed = new HashMap<>();
    jdbc.sql(
            """
            SELECT date_trunc('week', decided_at AT TIME ZONE 'UTC')::date AS week, outcome,
                   count(*) AS n
              FROM redress.appeal
             WHERE decided_at >= :since AND outcome IS NOT NULL
             GROUP BY week, outcome
            """)
        .param("since", since)
        .query(
            rs -> {
              byOutcome
                  .computeIfAbsent(rs.getString("outcome"), k -> new HashMap<>())
                  .put(rs.getDate("week").toLocalDate(), rs.getLong("n"));
            });
    jdbc.sql(
            """
            SELECT date_trunc('week', decided_at AT TIME ZONE 'UTC')::date AS week,
                   percentile_cont(0.5) WITHIN GROUP
                       (ORDER BY extract(epoch FROM decided_at - filed_at) / 3600.0) AS median_hours,
                   avg(CASE WHEN outcome = 'OVERTURN' THEN 1.0 ELSE 0.0 END) AS reversed
              FROM redress.appeal
             WHERE decided_at >= :since AND outcome IS NOT NULL
             GROUP BY week
            """)
        .param("since", since)
        .query(
            rs -> {
              LocalDate week = rs.getDate("week").toLocalDate();
              medians.put(week, rs.getDouble("median_hours"));
              reversed.put(week, rs.getDouble("reversed"));
            });
    Map<String, Object> overall =
        jdbc.sql(
                """
                SELECT count(*) AS n,
                       percentile_cont(0.5) WITHIN GROUP
                           (ORDER BY extract(epoch FROM decided_at - filed_at) / 3600.0) AS median_hours,
                       avg(CASE WHEN outcome = 'OVERTURN' THEN 1.0 ELSE 0.0 END) AS reversed
                  FROM redress.appeal
                 WHERE decided_at >= :since AND outcome IS NOT NULL
                """)
            .param("since", since)
            .query()
            .singleRow();

    Map<String, List<Long>> decisions = new LinkedHashMap<>();
    for (String outcome : DashboardFigures.OUTCOMES) {
      Map<LocalDate, Long> counts = byOutcome.getOrDefault(outcome, Map.of());
      decisions.put(outcome, weeks.stream().map(w -> counts.getOrDefault(w, 0L)).toList());
    }
    long total = ((Number) overall.get("n")).longValue();
    return new DashboardFigures(
        List.copyOf(byAge),
        List.copyOf(weeks),
        weeks.stream().map(w -> breaches.getOrDefault(w, 0L)).toList(),
        openBreaches,
        decisions,
        weeks.stream().map(medians::get).toList(),
        total == 0 ? null : ((Number) overall.get("median_hours")).doubleValue(),
        weeks.stream().map(reversed::get).toList(),
        total == 0 ? null : ((Number) overall.get("reversed")).doubleValue(),
        total);
  }
}
