package org.redress.engine.state;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.redress.engine.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What app instances sharing one database tell each other: the registry of live instances
 * (heartbeats in {@code engine.node}), signals sent with PostgreSQL {@code NOTIFY} on channel
 * {@value #CHANNEL} (delivered only if the sending transaction commits), and the shared engine
 * clock ({@code engine.clock}).
 */
public class ClusterStore {

  public static final String CHANNEL = "redress_engine";

  /** NOTIFY payloads must stay below 8000 bytes; beyond this the receiver re-checks everything. */
  private static final int MAX_PAYLOAD = 7000;

  private final JdbcClient jdbc;

  public ClusterStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A signal from one instance: job types that gained activatable jobs ({@code allJobTypes}: too
   * many to list, re-check every waiting type), process instances that ended, a clock change.
   */
  public record Signal(
      String node,
      Set<String> jobTypes,
      boolean allJobTypes,
      List<Long> endedProcessInstances,
      boolean clockChanged) {

    public boolean isEmpty() {
      return jobTypes.isEmpty() && !allJobTypes && endedProcessInstances.isEmpty() && !clockChanged;
    }

    /** Lines: node, then {@code j <type>}, {@code j*}, {@code e <key>}, {@code c}. */
    String encode() {
      StringBuilder out = new StringBuilder(node);
      for (Long key : endedProcessInstances) {
        out.append("\ne ").append(key);
      }
      if (clockChanged) {
        out.append("\nc");
      }
      if (allJobTypes) {
        out.append("\nj*");
      }
      StringBuilder types = new StringBuilder();
      for (String type : jobTypes) {
        types.append("\nj ").append(URLEncoder.encode(type, StandardCharsets.UTF_8));
      }
      if (!allJobTypes && out.length() + types.length() > MAX_PAYLOAD) {
        out.append("\nj*");
      } else if (!allJobTypes) {
        out.append(types);
      }
      return out.toString();
    }

    public static Signal decode(String payload) {
      String[] lines = payload.split("\n");
      Set<String> types = new LinkedHashSet<>();
      List<Long> ended = new ArrayList<>();
      boolean all = false;
      boolean clock = false;
      for (int i = 1; i < lines.length; i++) {
        String line = lines[i];
        if (line.equals("j*")) {
          all = true;
        } else if (line.startsWith("j ")) {
          types.add(URLDecoder.decode(line.substring(2), StandardCharsets.UTF_8));
        } else if (line.startsWith("e ")) {
          ended.add(Long.parseLong(line.substring(2)));
        } else if (line.equals("c")) {
          clock = true;
        }
      }
      return new Signal(lines[0], types, all, ended, clock);
    }
  }

  /** Sends the signal with the current transaction (or at once outside one). */
  public void send(Signal signal) {
    if (signal.isEmpty()) {
      return;
    }
    jdbc.sql("SELECT pg_notify(:channel, :payload)")
        .param("channel", CHANNEL)
        .param("payload", signal.encode())
        .query((rs, n) -> 1)
        .list();
  }

  /** Records this instance as alive; returns how many other instances are alive. */
  public int heartbeat(String node, Instant now, Duration aliveWithin) {
    jdbc.sql(
            """
            INSERT INTO engine.node (node_id, started_at, heartbeat_at) VALUES (:node, :now, :now)
            ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = :now
            """)
        .param("node", node)
        .param("now", InstanceStore.ts(now))
        .update();
    jdbc.sql("DELETE FROM engine.node WHERE heartbeat_at < :expired")
        .param("expired", InstanceStore.ts(now.minus(aliveWithin.multipliedBy(10))))
        .update();
    return jdbc.sql(
            """
            SELECT count(*) FROM engine.node WHERE node_id <> :node AND heartbeat_at >= :alive
            """)
        .param("node", node)
        .param("alive", InstanceStore.ts(now.minus(aliveWithin)))
        .query(Integer.class)
        .single();
  }

  public void leave(String node) {
    jdbc.sql("DELETE FROM engine.node WHERE node_id = :node").param("node", node).update();
  }

  public EngineClock.Setting clock() {
    return jdbc.sql("SELECT pinned_at, offset_millis FROM engine.clock WHERE id = 1")
        .query(
            (rs, n) -> {
              var pinned = rs.getTimestamp("pinned_at");
              return new EngineClock.Setting(
                  pinned == null ? null : pinned.toInstant(), rs.getLong("offset_millis"));
            })
        .optional()
        .orElse(new EngineClock.Setting(null, 0));
  }

  public void saveClock(EngineClock.Setting setting) {
    jdbc.sql(
            """
            INSERT INTO engine.clock (id, pinned_at, offset_millis) VALUES (1, :pinned, :offset)
            ON CONFLICT (id) DO UPDATE SET pinned_at = :pinned, offset_millis = :offset
            """)
        .param("pinned", setting.pinned() == null ? null : InstanceStore.ts(setting.pinned()))
        .param("offset", setting.offsetMillis())
        .update();
  }

  /** A process instance that is no longer active: how it ended and its root variables. */
  public record EndedInstance(boolean completed, java.util.Map<String, String> rootVariables) {}

  /** The instance if it has ended (completed or terminated), else empty. */
  public java.util.Optional<EndedInstance> endedInstance(long processInstanceKey) {
    return jdbc.sql(
            """
            SELECT state FROM engine.element_instance
             WHERE key = :key AND type = 'PROCESS' AND state IN ('COMPLETED', 'TERMINATED')
            """)
        .param("key", processInstanceKey)
        .query(String.class)
        .optional()
        .map(
            state -> {
              java.util.Map<String, String> variables = new java.util.LinkedHashMap<>();
              jdbc.sql(
                      "SELECT name, value FROM engine.variable WHERE scope_key = :key ORDER BY key")
                  .param("key", processInstanceKey)
                  .query((rs, n) -> variables.put(rs.getString("name"), rs.getString("value")))
                  .list();
              return new EndedInstance(state.equals("COMPLETED"), variables);
            });
  }

  /** Convenience for a collection of job types. */
  public static Signal jobs(String node, Collection<String> types) {
    return new Signal(node, new LinkedHashSet<>(types), false, List.of(), false);
  }
}
