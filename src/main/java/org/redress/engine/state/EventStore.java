package org.redress.engine.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Timers and messages seen from outside a single instance: due timers for the scheduler, buffered
 * messages, open subscriptions to correlate a publication to, and message start events.
 */
public class EventStore {

  /** A due timer; {@code processInstanceKey} is null for a timer start event. */
  public record DueTimer(long key, Long processInstanceKey) {}

  /** A buffered message. */
  public record BufferedMessage(long key, String name, String correlationKey, String variables) {}

  /** An open subscription, as a publication sees it. */
  public record OpenSubscription(long key, long processInstanceKey, String bpmnProcessId) {}

  /** A message start event of the latest version of a process. */
  public record StartSubscription(
      long processDefinitionKey, String bpmnProcessId, String elementId) {}

  private final JdbcClient jdbc;

  public EventStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<DueTimer> dueTimers(Instant now, int limit) {
    return jdbc.sql(
            "SELECT key, process_instance_key FROM engine.timer WHERE state = 'CREATED'"
                + " AND due_date <= :now ORDER BY due_date, key LIMIT :limit")
        .param("now", InstanceStore.ts(now))
        .param("limit", limit)
        .query(
            (rs, n) ->
                new DueTimer(rs.getLong(1), InstanceStore.nullableLong(rs, "process_instance_key")))
        .list();
  }

  /** Claims a due timer start event; empty when another node took it or it is gone. */
  public Optional<Timer> claimStartTimer(long key) {
    return jdbc.sql(
            "SELECT * FROM engine.timer WHERE key = :key AND state = 'CREATED'"
                + " AND process_instance_key IS NULL FOR UPDATE SKIP LOCKED")
        .param("key", key)
        .query(InstanceStore.TIMER)
        .optional();
  }

  /** Cancels the timer start events of earlier versions of a process. */
  public void cancelStartTimers(String tenantId, String bpmnProcessId) {
    jdbc.sql(
            "UPDATE engine.timer SET state = 'CANCELED' WHERE state = 'CREATED'"
                + " AND process_instance_key IS NULL AND bpmn_process_id = :id"
                + " AND tenant_id = :tenant")
        .param("id", bpmnProcessId)
        .param("tenant", tenantId)
        .update();
  }

  public Optional<BufferedMessage> oldestBuffered(
      String name, String correlationKey, String bpmnProcessId, Instant now) {
    return jdbc.sql(
            """
            SELECT key, name, correlation_key, variables FROM engine.message m
             WHERE name = :name AND correlation_key = :key AND deadline > :now
               AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c
                                WHERE c.message_key = m.key AND c.bpmn_process_id = :pid)
             ORDER BY key LIMIT 1
            """)
        .param("name", name)
        .param("key", correlationKey)
        .param("now", InstanceStore.ts(now))
        .param("pid", bpmnProcessId)
        .query(
            (rs, n) ->
                new BufferedMessage(
                    rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .optional();
  }

  public boolean isBuffered(String name, String correlationKey, String messageId, Instant now) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.message WHERE name = :name"
                + " AND correlation_key = :key AND message_id = :id AND deadline > :now)")
        .param("name", name)
        .param("key", correlationKey)
        .param("id", messageId)
        .param("now", InstanceStore.ts(now))
        .query(Boolean.class)
        .single();
  }

  public void insertMessage(
      long key,
      String name,
      String correlationKey,
      String messageId,
      String variables,
      String tenantId,
      Instant publishedAt,
      Instant deadline) {
    jdbc.sql(
            """
            INSERT INTO engine.message (key, name, correlation_key, message_id, variables,
                tenant_id, published_at, deadline)
            VALUES (:key, :name, :ck, :mid, :vars, :tenant, :at, :deadline)
            """)
        .param("key", key)
        .param("name", name)
        .param("ck", correlationKey)
        .param("mid", messageId)
        .param("vars", variables)
        .param("tenant", tenantId)
        .param("at", InstanceStore.ts(publishedAt))
        .param("deadline", InstanceStore.ts(deadline))
        .update();
  }

  public int deleteExpiredMessages(Instant now) {
    return jdbc.sql("DELETE FROM engine.message WHERE deadline <= :now")
        .param("now", InstanceStore.ts(now))
        .update();
  }

  public List<OpenSubscription> openSubscriptions(
      String name, String correlationKey, String tenantId) {
    return jdbc.sql(
            """
            SELECT key, process_instance_key, bpmn_process_id FROM engine.message_subscription
             WHERE state = 'CREATED' AND message_name = :name AND correlation_key = :key
               AND tenant_id = :tenant
             ORDER BY key
            """)
        .param("name", name)
        .param("key", correlationKey)
        .param("tenant", tenantId)
        .query((rs, n) -> new OpenSubscription(rs.getLong(1), rs.getLong(2), rs.getString(3)))
        .list();
  }

  /** A buffered message and an open subscription it should have been correlated to. */
  public record Stranded(
      long messageKey, long subscriptionKey, long processInstanceKey, String variables) {}

  /**
   * Buffered messages that match an open subscription of a process they were not correlated to.
   * Normally none: a publication correlates to the subscriptions open at that moment, and a new
   * subscription takes the buffered messages. Both happen in their own transactions, so when a
   * publication and a new subscription commit at the same time, neither sees the other; this finds
   * such pairs afterwards.
   */
  public List<Stranded> strandedMessages(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT m.key, s.key, s.process_instance_key, m.variables
              FROM engine.message m
              JOIN engine.message_subscription s
                ON s.state = 'CREATED' AND s.message_name = m.name
               AND s.correlation_key = m.correlation_key AND s.tenant_id = m.tenant_id
             WHERE m.deadline > :now
               AND NOT EXISTS (SELECT 1 FROM engine.message_correlation c
                                WHERE c.message_key = m.key
                                  AND c.bpmn_process_id = s.bpmn_process_id)
             ORDER BY m.key, s.key
             LIMIT :limit
            """)
        .param("now", InstanceStore.ts(now))
        .param("limit", limit)
        .query(
            (rs, n) -> new Stranded(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
        .list();
  }

  public List<StartSubscription> startSubscriptions(String name, String tenantId) {
    return jdbc.sql(
            "SELECT process_definition_key, bpmn_process_id, element_id"
                + " FROM engine.message_start_subscription WHERE message_name = :name"
                + " AND tenant_id = :tenant ORDER BY bpmn_process_id")
        .param("name", name)
        .param("tenant", tenantId)
        .query((rs, n) -> new StartSubscription(rs.getLong(1), rs.getString(2), rs.getString(3)))
        .list();
  }

  /** Makes the given version's message start events the ones of its process id. */
  public void replaceStartSubscriptions(
      String tenantId,
      String bpmnProcessId,
      long processDefinitionKey,
      List<String[]> elementIdAndMessageName) {
    jdbc.sql(
            "DELETE FROM engine.message_start_subscription WHERE bpmn_process_id = :id"
                + " AND tenant_id = :tenant")
        .param("id", bpmnProcessId)
        .param("tenant", tenantId)
        .update();
    for (String[] start : elementIdAndMessageName) {
      jdbc.sql(
              """
              INSERT INTO engine.message_start_subscription (process_definition_key,
                  bpmn_process_id, element_id, message_name, tenant_id)
              VALUES (:key, :id, :element, :name, :tenant)
              """)
          .param("key", processDefinitionKey)
          .param("id", bpmnProcessId)
          .param("element", start[0])
          .param("name", start[1])
          .param("tenant", tenantId)
          .update();
    }
  }

  /**
   * True when an instance of the process, started by a message with this correlation key, is still
   * active (then another such message must not start a second one).
   */
  public boolean hasActiveInstanceStartedBy(String bpmnProcessId, String correlationKey) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM engine.message_correlation c
                             JOIN engine.element_instance e ON e.key = c.process_instance_key
                            WHERE c.bpmn_process_id = :id AND c.correlation_key = :key
                              AND c.start_event
                              AND e.state IN ('ACTIVATING','ACTIVATED','COMPLETING','TERMINATING'))
            """)
        .param("id", bpmnProcessId)
        .param("key", correlationKey)
        .query(Boolean.class)
        .single();
  }

  public boolean isCorrelated(long messageKey, String bpmnProcessId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM engine.message_correlation WHERE message_key = :m"
                + " AND bpmn_process_id = :id)")
        .param("m", messageKey)
        .param("id", bpmnProcessId)
        .query(Boolean.class)
        .single();
  }
}
