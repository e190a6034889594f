package org.redress.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tamper-evident audit trail (R-OPS-1, R-OPS-2): every step of a case with actor, time and what
 * happened, appended in the caller's transaction. Each event's hash covers the previous event of
 * the case and its own content, so a changed or removed row breaks the chain ({@link #verify}); the
 * database refuses updates and deletes.
 */
public class AuditTrail {

  private static final ObjectMapper CANONICAL =
      new ObjectMapper()
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .findAndRegisterModules();

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends the entry to its case's chain, or returns the event recorded before with the same
   * idempotency key. Joins the caller's transaction (call it inside the step's transaction so both
   * commit together).
   */
  public AuditEvent record(AuditEntry entry) {
    // one writer per case chain at a time, until the transaction ends
    jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:caseId, 7))")
        .param("caseId", entry.caseId())
        .query((rs, n) -> 1)
        .list();
    if (entry.idempotencyKey() != null) {
      Optional<AuditEvent> existing = byKey(entry.idempotencyKey());
      if (existing.isPresent()) {
        return existing.get();
      }
    }
    String previous =
        jdbc.sql(
                """
                SELECT hash FROM redress.audit_event WHERE case_id = :caseId
                 ORDER BY id DESC LIMIT 1
                """)
            .param("caseId", entry.caseId())
            .query(String.class)
            .optional()
            .orElse(null);
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String details = canonical(entry.details());
    String hash =
        hash(
            previous,
            entry.caseId(),
            now,
            entry.actor(),
            entry.actorType(),
            entry.action(),
            entry.summary(),
            details);
    long id =
        jdbc.sql(
                """
                INSERT INTO redress.audit_event (case_id, occurred_at, actor, actor_type, action,
                    summary, details, idempotency_key, prev_hash, hash)
                VALUES (:caseId, :at, :actor, :actorType, :action, :summary, CAST(:details AS jsonb),
                    :key, :prev, :hash)
                RETURNING id
                """)
            .param("caseId", entry.caseId())
            .param("at", Timestamp.from(now))
            .param("actor", entry.actor())
            .param("actorType", entry.actorType().name())
            .param("action", entry.action())
            .param("summary", entry.summary())
            .param("details", details)
            .param("key", entry.idempotencyKey())
            .param("prev", previous)
            .param("hash", hash)
            .query(Long.class)
            .single();
    return new AuditEvent(
        id,
        entry.caseId(),
        now,
        entry.actor(),
        entry.actorType(),
        entry.action(),
        entry.summary(),
        parse(details),
        previous,
        hash);
  }

  /** The case's events, oldest first. */
  public List<AuditEvent> ofCase(String caseId) {
    return jdbc.sql("SELECT * FROM redress.audit_event WHERE case_id = :caseId ORDER BY id")
        .param("caseId", caseId)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Re-computes the case's chain from the stored rows. */
  public ChainVerification verify(String caseId) {
    String previous = null;
    List<AuditEvent> events = ofCase(caseId);
    for (AuditEvent e : events) {
      String expected =
          hash(
              previous,
              e.caseId(),
              e.occurredAt(),
              e.actor(),
              e.actorType(),
              e.action(),
              e.summary(),
              canonical(e.details()));
      if (!java.util.Objects.equals(e.previousHash(), previous) || !expected.equals(e.hash())) {
        return new ChainVerification(false, events.size(), e.id());
      }
      previous = e.hash();
    }
    return new ChainVerification(true, events.size(), null);
  }

  private Optional<AuditEvent> byKey(String key) {
    return jdbc.sql("SELECT * FROM redress.audit_event WHERE idempotency_key = :key")
        .param("key", key)
        .query((rs, n) -> map(rs))
        .optional();
  }

  static String hash(
      String previous,
      String caseId,
      Instant at,
      String actor,
      ActorType actorType,
      String action,
      String summary,
      String canonicalDetails) {
    String content =
        String.join(
            "\u001f",
            previous == null ? "" : previous,
            caseId,
            Long.toString(at.toEpochMilli()),
            actor,
            actorType.name(),
            action,
            summary,
            canonicalDetails);
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(content.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String canonical(Map<String, Object> details) {
    try {
      // through a tree, so that a map read back from jsonb serialises exactly as the original
      return CANONICAL.writeValueAsString(
          CANONICAL.readValue(
              CANONICAL.writeValueAsString(details), new TypeReference<Map<String, Object>>() {}));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Audit details must be JSON values: " + details, e);
    }
  }

  private static Map<String, Object> parse(String json) {
    try {
      return CANONICAL.readValue(json, new TypeReference<Map<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static AuditEvent map(ResultSet rs) throws SQLException {
    return new AuditEvent(
        rs.getLong("id"),
        rs.getString("case_id"),
        rs.getTimestamp("occurred_at").toInstant(),
        rs.getString("actor"),
        ActorType.valueOf(rs.getString("actor_type")),
        rs.getString("action"),
        rs.getString("summary"),
        parse(rs.getString("details")),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }
}
