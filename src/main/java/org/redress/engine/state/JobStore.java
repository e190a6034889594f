package org.redress.engine.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Job rows touched outside an instance's lock: activation by workers and the scheduler's lease
 * expiry and back-off ends. Each statement claims rows with {@code FOR UPDATE SKIP LOCKED}, so
 * concurrent pollers (and several app instances on one database) never hand out a job twice.
 */
public class JobStore {

  private final JdbcClient jdbc;
  private final JdbcTemplate template;

  public JobStore(JdbcClient jdbc, JdbcTemplate template) {
    this.jdbc = jdbc;
    this.template = template;
  }

  /** Claims up to {@code max} activatable jobs of a type for a worker until {@code deadline}. */
  public List<Job> activate(
      String type, List<String> tenantIds, int max, String worker, Instant deadline) {
    StatementPipeline activation = new StatementPipeline().genericPlans();
    StatementPipeline.Rows<Job> activated =
        activation.query(
            """
            UPDATE engine.job SET state = 'ACTIVATED', worker = :worker, deadline = :deadline
             WHERE key IN (SELECT key FROM engine.job
                            WHERE type = :type AND state = 'ACTIVATABLE'
                              AND tenant_id = ANY(:tenants)
                            ORDER BY key LIMIT :max FOR UPDATE SKIP LOCKED)
            RETURNING *
            """,
            new MapSqlParameterSource()
                .addValue("worker", worker)
                .addValue("deadline", InstanceStore.ts(deadline))
                .addValue("type", type)
                .addValue("tenants", tenantIds.toArray(String[]::new))
                .addValue("max", max),
            InstanceStore.JOB);
    activation.run(template);
    List<Job> jobs = new ArrayList<>(activated.list());
    jobs.sort(Comparator.comparingLong(Job::key));
    return jobs;
  }

  /**
   * The variables each job sees: its scopes' variables, inner ones shadowing outer ones, as JSON
   * text by name; only {@code names} when that is not empty. A completing task listener also sees
   * the variables sent with the completion it decides on, over same-named ones (Camunda 8.8).
   */
  public Map<Long, Map<String, String>> variablesFor(List<Job> jobs, List<String> names) {
    Set<Long> scopes = new LinkedHashSet<>();
    for (Job job : jobs) {
      for (long scope : job.scopeKeys()) {
        scopes.add(scope);
      }
    }
    Map<Long, Map<String, String>> byScope = new LinkedHashMap<>();
    if (!scopes.isEmpty()) {
      long[] scopeArray = scopes.stream().mapToLong(Long::longValue).toArray();
      StringBuilder sql =
          new StringBuilder(
              "SELECT scope_key, name, value FROM engine.variable WHERE scope_key = ANY(:scopes)");
      if (!names.isEmpty()) {
        sql.append(" AND name = ANY(:names)");
      }
      JdbcClient.StatementSpec statement =
          jdbc.sql(sql.append(" ORDER BY key").toString()).param("scopes", scopeArray);
      if (!names.isEmpty()) {
        statement = statement.param("names", names.toArray(String[]::new));
      }
      statement
          .query(
              (rs, n) -> {
                byScope
                    .computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                    .put(rs.getString(2), rs.getString(3));
                return null;
              })
          .list();
    }
    Map<Long, Map<String, String>> result = new LinkedHashMap<>();
    for (Job job : jobs) {
      Map<String, String> visible = new LinkedHashMap<>();
      for (long scope : job.scopeKeys()) {
        byScope.getOrDefault(scope, Map.of()).forEach(visible::putIfAbsent);
      }
      result.put(job.key(), visible);
    }
    addCompletionVariables(jobs, names, result);
    return result;
  }

  private void addCompletionVariables(
      List<Job> jobs, List<String> names, Map<Long, Map<String, String>> result) {
    List<Job> completing =
        jobs.stream()
            .filter(
                j -> "TASK_LISTENER".equals(j.kind()) && "COMPLETING".equals(j.listenerEventType()))
            .toList();
    if (completing.isEmpty()) {
      return;
    }
    Map<Long, String> pendingByElement = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT element_instance_key, pending FROM engine.user_task"
                + " WHERE element_instance_key = ANY(:elements) AND state = 'COMPLETING'")
        .param(
            "elements", completing.stream().mapToLong(Job::elementInstanceKey).distinct().toArray())
        .query(
            (rs, n) -> {
              pendingByElement.put(rs.getLong(1), rs.getString(2));
              return null;
            })
        .list();
    for (Job job : completing) {
      String pending = pendingByElement.get(job.elementInstanceKey());
      if (pending == null) {
        continue;
      }
      Object variables = ((Map<?, ?>) Json.read(pending)).get("variables");
      if (variables instanceof Map<?, ?> completion) {
        Map<String, String> visible = result.get(job.key());
        completion.forEach(
            (name, value) -> {
              if (names.isEmpty() || names.contains(name.toString())) {
                visible.put(name.toString(), Json.write(value));
              }
            });
      }
    }
  }

  /** Makes jobs whose lease ran out activatable again; returns their types. */
  public List<String> timeOutExpired(Instant now, int limit) {
    return jdbc.sql(
            """
            UPDATE engine.job SET state = 'ACTIVATABLE', intent = 'TIMED_OUT', worker = NULL,
                   deadline = NULL
             WHERE key IN (SELECT key FROM engine.job
                            WHERE state = 'ACTIVATED' AND deadline <= :now
                            ORDER BY deadline LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING type
            """)
        .param("now", InstanceStore.ts(now))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /** Makes failed jobs whose back-off has passed activatable again; returns their types. */
  public List<String> recurAfterBackOff(Instant now, int limit) {
    return jdbc.sql(
            """
            UPDATE engine.job SET state = 'ACTIVATABLE', recur_at = NULL
             WHERE key IN (SELECT key FROM engine.job
                            WHERE state = 'FAILED' AND recur_at IS NOT NULL AND recur_at <= :now
                            ORDER BY recur_at LIMIT :limit FOR UPDATE SKIP LOCKED)
            RETURNING type
            """)
        .param("now", InstanceStore.ts(now))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Which of {@code types} have a job waiting for a worker, in one statement (one probe of the
   * partial index on activatable jobs per type): the long-polling safety re-check asks this instead
   * of trying an activation transaction per waiting type.
   */
  public Set<String> activatableTypes(Collection<String> types) {
    if (types.isEmpty()) {
      return Set.of();
    }
    return new LinkedHashSet<>(
        jdbc.sql(
                """
                SELECT t.type FROM unnest(:types) AS t(type)
                 WHERE EXISTS (SELECT 1 FROM engine.job j
                                WHERE j.type = t.type AND j.state = 'ACTIVATABLE')
                """)
            .param("types", types.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  /** True when some job of the type is waiting for a worker (cheap existence check). */
  public boolean hasActivatable(String type) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.job WHERE type = :type AND state = 'ACTIVATABLE')")
        .param("type", type)
        .query(Boolean.class)
        .single();
  }
}
