package org.redress.appeal;

import static org.redress.shared.SqlTime.instant;
import static org.redress.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All SQL of the appeal module on {@code redress.appeal*} (V11). */
class AppealRepository {

  private final JdbcClient jdbc;

  AppealRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Appeal a) {
    jdbc.sql(
            """
            INSERT INTO redress.appeal (appeal_id, case_id, statement, contact_preference,
                talk_to_person, contact_detail, status, filed_at)
            VALUES (:id, :caseId, :statement, :contact, :person, :detail, :status, :filedAt)
            """)
        .param("id", a.appealId())
        .param("caseId", a.caseId())
        .param("statement", a.statement())
        .param("contact", a.contactPreference().name())
        .param("person", a.talkToPerson())
        .param("detail", a.contactDetail())
        .param("status", a.status().name())
        .param("filedAt", ts(a.filedAt()))
        .update();
  }

  void insertAttachment(String appealId, int no, Attachment file, String sha256) {
    jdbc.sql(
            """
            INSERT INTO redress.appeal_attachment
                (appeal_id, attachment_no, file_name, content_type, size_bytes, sha256, content)
            VALUES (:id, :no, :name, :type, :size, :sha, :content)
            """)
        .param("id", appealId)
        .param("no", no)
        .param("name", file.fileName())
        .param("type", file.contentType())
        .param("size", file.content().length)
        .param("sha", sha256)
        .param("content", file.content())
        .update();
  }

  Optional<Appeal> find(String appealId) {
    return jdbc.sql("SELECT * FROM redress.appeal WHERE appeal_id = :id")
        .param("id", appealId)
        .query((rs, n) -> map(rs))
        .optional()
        .map(this::withAttachments);
  }

  Optional<Appeal> lock(String appealId) {
    return jdbc.sql("SELECT * FROM redress.appeal WHERE appeal_id = :id FOR UPDATE")
        .param("id", appealId)
        .query((rs, n) -> map(rs))
        .optional()
        .map(this::withAttachments);
  }

  List<Appeal> ofCase(String caseId) {
    return jdbc
        .sql("SELECT * FROM redress.appeal WHERE case_id = :id ORDER BY filed_at")
        .param("id", caseId)
        .query((rs, n) -> map(rs))
        .list()
        .stream()
        .map(this::withAttachments)
        .toList();
  }

  Optional<Appeal> openAppeal(String caseId) {
    return jdbc.sql("SELECT * FROM redress.appeal WHERE case_id = :id AND status <> 'DECIDED'")
        .param("id", caseId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  List<String> unpublished(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT appeal_id FROM redress.appeal
             WHERE message_published_at IS NULL AND filed_at < :before
             ORDER BY filed_at LIMIT :limit
            """)
        .param("before", ts(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  void markPublished(String appealId, Instant at) {
    jdbc.sql(
            """
            UPDATE redress.appeal SET message_published_at = :at
             WHERE appeal_id = :id AND message_published_at IS NULL
            """)
        .param("at", ts(at))
        .param("id", appealId)
        .update();
  }

  void updateStatus(String appealId, AppealStatus status) {
    jdbc.sql("UPDATE redress.appeal SET status = :status WHERE appeal_id = :id")
        .param("status", status.name())
        .param("id", appealId)
        .update();
  }

  void markRegistered(String appealId, long reviewProcessInstanceKey, Instant at) {
    jdbc.sql(
            """
            UPDATE redress.appeal SET status = 'REGISTERED', registered_at = :at,
                   review_process_instance_key = :key
             WHERE appeal_id = :id AND registered_at IS NULL
            """)
        .param("at", ts(at))
        .param("key", reviewProcessInstanceKey)
        .param("id", appealId)
        .update();
  }

  /** The appeal a review process instance handles. */
  Optional<String> appealOfReviewProcess(long processInstanceKey) {
    return jdbc.sql("SELECT appeal_id FROM redress.appeal WHERE review_process_instance_key = :key")
        .param("key", processInstanceKey)
        .query(String.class)
        .optional();
  }

  void setPriority(String appealId, int priority) {
    jdbc.sql("UPDATE redress.appeal SET priority = :p WHERE appeal_id = :id")
        .param("p", priority)
        .param("id", appealId)
        .update();
  }

  void markDecided(String appealId, String outcome, Instant at) {
    jdbc.sql(
            """
            UPDATE redress.appeal SET status = 'DECIDED', outcome = :outcome, decided_at = :at
             WHERE appeal_id = :id AND status <> 'DECIDED'
            """)
        .param("outcome", outcome)
        .param("at", ts(at))
        .param("id", appealId)
        .update();
  }

  /** Stores the reply of an information round; false if that round was answered already. */
  boolean insertInformation(String appealId, int round, String text, Instant at) {
    return jdbc.sql(
                """
                INSERT INTO redress.appeal_information (appeal_id, round, text, provided_at)
                VALUES (:id, :round, :text, :at) ON CONFLICT (appeal_id, round) DO NOTHING
                """)
            .param("id", appealId)
            .param("round", round)
            .param("text", text)
            .param("at", ts(at))
            .update()
        == 1;
  }

  /** Answers not yet announced to the engine, as {@code <appealId>#<round>}, oldest first. */
  List<String> unpublishedInformation(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT appeal_id || '#' || round FROM redress.appeal_information
             WHERE message_published_at IS NULL AND provided_at < :before
             ORDER BY provided_at LIMIT :limit
            """)
        .param("before", ts(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  void markInformationPublished(String appealId, int round, Instant at) {
    jdbc.sql(
            """
            UPDATE redress.appeal_information SET message_published_at = :at
             WHERE appeal_id = :id AND round = :round AND message_published_at IS NULL
            """)
        .param("at", ts(at))
        .param("id", appealId)
        .param("round", round)
        .update();
  }

  List<InformationReply> information(String appealId) {
    return jdbc.sql(
            """
            SELECT round, text, provided_at FROM redress.appeal_information
             WHERE appeal_id = :id ORDER BY round
            """)
        .param("id", appealId)
        .query(
            (rs, n) ->
                new InformationReply(
                    rs.getInt("round"),
                    rs.getString("text"),
                    rs.getTimestamp("provided_at").toInstant()))
        .list();
  }

  Optional<Attachment> attachment(String appealId, int no) {
    return jdbc.sql(
            """
            SELECT file_name, content_type, content FROM redress.appeal_attachment
             WHERE appeal_id = :id AND attachment_no = :no
            """)
        .param("id", appealId)
        .param("no", no)
        .query(
            (rs, n) ->
                new Attachment(
                    rs.getString("file_name"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional();
  }

  /** Appeals of the account's cases decided as manifestly unfounded (Art. 23, R-EU-11). */
  int manifestlyUnfoundedCount(List<String> caseIds) {
    if (caseIds.isEmpty()) {
      return 0;
    }
    return jdbc.sql(
            """
            SELECT count(*) FROM redress.appeal
             WHERE case_id IN (:caseIds) AND outcome = 'MANIFESTLY_UNFOUNDED'
            """)
        .param("caseIds", caseIds)
        .query(Integer.class)
        .single();
  }

  private Appeal withAttachments(Appeal a) {
    List<Appeal.AttachmentInfo> files =
        jdbc.sql(
                """
                SELECT attachment_no, file_name, content_type, size_bytes, sha256
                  FROM redress.appeal_attachment WHERE appeal_id = :id ORDER BY attachment_no
                """)
            .param("id", a.appealId())
            .query(
                (rs, n) ->
                    new Appeal.AttachmentInfo(
                        rs.getInt("attachment_no"),
                        rs.getString("file_name"),
                        rs.getString("content_type"),
                        rs.getInt("size_bytes"),
                        rs.getString("sha256")))
            .list();
    return new Appeal(
        a.appealId(),
        a.caseId(),
        a.statement(),
        a.contactPreference(),
        a.talkToPerson(),
        a.contactDetail(),
        a.status(),
        a.priority(),
        a.filedAt(),
        a.registeredAt(),
        a.decidedAt(),
        a.outcome(),
        files);
  }

  private static Appeal map(ResultSet rs) throws SQLException {
    int priority = rs.getInt("priority");
    Integer priorityOrNull = rs.wasNull() ? null : priority;
    return new Appeal(
        rs.getString("appeal_id"),
        rs.getString("case_id"),
        rs.getString("statement"),
        ContactPreference.valueOf(rs.getString("contact_preference")),
        rs.getBoolean("talk_to_person"),
        rs.getString("contact_detail"),
        AppealStatus.valueOf(rs.getString("status")),
        priorityOrNull,
        instant(rs, "filed_at"),
        instant(rs, "registered_at"),
        instant(rs, "decided_at"),
        rs.getString("outcome"),
        List.of());
  }
}
