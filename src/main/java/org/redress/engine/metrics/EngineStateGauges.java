package org.redress.engine.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gauges of the engine's state read from the database, so that every app instance on the same
 * database reports the same figures: open incidents and active instances per process, open user
 * tasks per candidate group and how many of them are past their due date. Refreshed by {@link
 * #refresh()} on a schedule, not per scrape.
 */
public class EngineStateGauges {

  public static final String OPEN_INCIDENTS = "engine.incidents.open";
  public static final String ACTIVE_INSTANCES = "engine.process.instances.active";
  public static final String OPEN_USER_TASKS = "engine.user.tasks.open";
  public static final String OVERDUE_USER_TASKS = "engine.user.tasks.overdue";

  private final JdbcClient jdbc;
  private final Supplier<Instant> now;
  private final MultiGauge incidents;
  private final MultiGauge instances;
  private final MultiGauge openTasks;
  private final MultiGauge overdueTasks;

  public EngineStateGauges(JdbcClient jdbc, MeterRegistry registry, Supplier<Instant> now) {
    this.jdbc = jdbc;
    this.now = now;
    incidents =
        MultiGauge.builder(OPEN_INCIDENTS)
            .description("Open (unresolved) incidents per process")
            .register(registry);
    instances =
        MultiGauge.builder(ACTIVE_INSTANCES)
            .description("Active process instances per process")
            .register(registry);
    openTasks =
        MultiGauge.builder(OPEN_USER_TASKS)
            .description("Open user tasks per candidate group")
            .register(registry);
    overdueTasks =
        MultiGauge.builder(OVERDUE_USER_TASKS)
            .description("Open user tasks past their due date per candidate group")
            .register(registry);
  }

  private record Count(String tag, long value) {}

  public void refresh() {
    incidents.register(
        rows(
            "processId",
            """
            SELECT bpmn_process_id AS tag, count(*) AS value FROM engine.incident
             WHERE state = 'ACTIVE' GROUP BY bpmn_process_id
            """),
        true);
    instances.register(
        rows(
            "processId",
            """
            SELECT bpmn_process_id AS tag, count(*) AS value FROM engine.element_instance
             WHERE type = 'PROCESS'
               AND state IN ('ACTIVATING', 'ACTIVATED', 'COMPLETING', 'TERMINATING')
             GROUP BY bpmn_process_id
            """),
        true);
    openTasks.register(rows("candidateGroup", tasksPerGroup(false)), true);
    overdueTasks.register(rows("candidateGroup", tasksPerGroup(true)), true);
  }

  private static String tasksPerGroup(boolean overdueOnly) {
    // A task without candidate groups counts under "" (assigned or for candidate users only).
    return """
        SELECT coalesce(g.candidate_group, '') AS tag, count(*) AS value
          FROM engine.user_task t
          LEFT JOIN LATERAL unnest(t.candidate_groups) AS g(candidate_group) ON true
         WHERE t.state NOT IN ('COMPLETED', 'CANCELED')
        """
        + (overdueOnly ? " AND t.due_date < :now" : "")
        + " GROUP BY 1";
  }

  private List<MultiGauge.Row<?>> rows(String tagName, String sql) {
    var statement = jdbc.sql(sql);
    if (sql.contains(":now")) {
      statement = statement.param("now", java.sql.Timestamp.from(now.get()));
    }
    return statement
        .query((rs, n) -> new Count(rs.getString("tag"), rs.getLong("value")))
        .list()
        .stream()
        .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of(tagName, c.tag()), c.value()))
        .toList();
  }
}
