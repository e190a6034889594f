package org.redress.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All SQL of the notice module on {@code redress.notice_*} (V9). */
class NoticeRepository {

  private final JdbcClient jdbc;

  NoticeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the notice unless its key exists; the stored notice either way. */
  Notice insertIfAbsent(
      String key,
      String caseId,
      String accountId,
      NoticeKind kind,
      String languageTag,
      String subject,
      String body,
      Instant now) {
    jdbc.sql(
            """
            INSERT INTO redress.notice_outbox (idempotency_key, case_id, account_id, kind, locale,
                subject, body, status, next_attempt_at, created_at)
            VALUES (:key, :caseId, :accountId, :kind, :locale, :subject, :body, 'PENDING', :now,
                :now)
            ON CONFLICT (idempotency_key) DO NOTHING
            """)
        .param("key", key)
        .param("caseId", caseId)
        .param("accountId", accountId)
        .param("kind", kind.name())
        .param("locale", languageTag)
        .param("subject", subject)
        .param("body", body)
        .param("now", Timestamp.from(now))
        .update();
    return byKey(key).orElseThrow();
  }

  Optional<Notice> byKey(String key) {
    return jdbc.sql("SELECT * FROM redress.notice_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query((rs, n) -> map(rs))
        .optional();
  }

  Optional<String> caseOfKey(String key) {
    return jdbc.sql("SELECT case_id FROM redress.notice_outbox WHERE idempotency_key = :key")
        .param("key", key)
        .query(String.class)
        .optional();
  }

  List<Notice> ofCase(String caseId) {
    return jdbc.sql("SELECT * FROM redress.notice_outbox WHERE case_id = :id ORDER BY id")
        .param("id", caseId)
        .query((rs, n) -> map(rs))
        .list();
  }

  /** Due pending notices, locked so that concurrent dispatchers take different ones. */
  /** True when some notice is due; one probe of the partial index, no transaction needed. */
  boolean anyDue(Instant now) {
    return jdbc.sql(
            """
            SELECT EXISTS (SELECT 1 FROM redress.notice_outbox
                            WHERE status = 'PENDING' AND next_attempt_at <= :now)
            """)
        .param("now", Timestamp.from(now))
        .query(Boolean.class)
        .single();
  }

  List<Notice> claimDue(Instant now, int limit) {
    return jdbc.sql(
            """
            SELECT * FROM redress.notice_outbox
             WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id LIMIT :limit
             FOR UPDATE SKIP LOCKED
            """)
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query((rs, n) -> map(rs))
        .list();
  }

  void markDelivered(long id, Instant now) {
    jdbc.sql(
            """
            UPDATE redress.notice_outbox SET status = 'DELIVERED', delivered_at = :now,
                   attempts = attempts + 1, last_error = NULL
             WHERE id = :id
            """)
        .param("now", Timestamp.from(now))
        .param("id", id)
        .update();
  }

  void markFailed(long id, String error, Instant nextAttempt) {
    jdbc.sql(
            """
            UPDATE redress.notice_outbox SET attempts = attempts + 1, last_error = :error,
                   next_attempt_at = :next
             WHERE id = :id
            """)
        .param("error", error)
        .param("next", Timestamp.from(nextAttempt))
        .param("id", id)
        .update();
  }

  List<InboxMessage> inbox(String accountId) {
    return jdbc.sql(
            """
            SELECT notice_id, subject, body, created_at FROM redress.notice_inbox
             WHERE account_id = :id ORDER BY created_at, notice_id
            """)
        .param("id", accountId)
        .query(
            (rs, n) ->
                new InboxMessage(
                    rs.getLong("notice_id"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getTimestamp("created_at").toInstant()))
        .list();
  }

  private static Notice map(ResultSet rs) throws SQLException {
    Timestamp delivered = rs.getTimestamp("delivered_at");
    return new Notice(
        rs.getLong("id"),
        rs.getString("case_id"),
        rs.getString("account_id"),
        NoticeKind.valueOf(rs.getString("kind")),
        Locale.forLanguageTag(rs.getString("locale")),
        rs.getString("subject"),
        rs.getString("body"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        delivered == null ? null : delivered.toInstant());
  }
}
