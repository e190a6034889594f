package org.redress.review;

import static org.redress.shared.SqlTime.instant;
import static org.redress.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All SQL of the review module on {@code redress.review_decision} (V12). */
class ReviewRepository {

  private final JdbcClient jdbc;

  ReviewRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores the decision of a review task, or replaces the not yet approved one of the same task (a
   * listener job delivered twice).
   */
  void upsertProposed(Decision d) {
    jdbc.sql(
            """
            INSERT INTO redress.review_decision (appeal_id, case_id, round, outcome, rationale,
                policy_reference, restriction_ends_at, question, reply_by, decided_by, decided_at,
                user_task_key, four_eyes_required, status)
            VALUES (:appealId, :caseId,
                (SELECT count(*) + 1 FROM redress.review_decision WHERE appeal_id = :appealId),
                :outcome, :rationale, :policy, :endsAt, :question, :replyBy, :decidedBy,
                :decidedAt, :taskKey, :fourEyes, 'PROPOSED')
            ON CONFLICT (user_task_key) DO UPDATE SET outcome = EXCLUDED.outcome,
                rationale = EXCLUDED.rationale, policy_reference = EXCLUDED.policy_reference,
                restriction_ends_at = EXCLUDED.restriction_ends_at,
                question = EXCLUDED.question, reply_by = EXCLUDED.reply_by,
                decided_by = EXCLUDED.decided_by, decided_at = EXCLUDED.decided_at
             WHERE redress.review_decision.status = 'PROPOSED'
            """)
        .param("appealId", d.appealId())
        .param("caseId", d.caseId())
        .param("outcome", d.outcome().name())
        .param("rationale", d.rationale())
        .param("policy", d.policyReference())
        .param("endsAt", ts(d.restrictionEndsAt()))
        .param("question", d.question())
        .param("replyBy", ts(d.replyBy()))
        .param("decidedBy", d.decidedBy())
        .param("decidedAt", ts(d.decidedAt()))
        .param("taskKey", d.userTaskKey())
        .param("fourEyes", d.fourEyesRequired())
        .update();
  }

  /** The appeal's latest decision round. */
  Optional<Decision> latest(String appealId) {
    return jdbc.sql(
            """
            SELECT * FROM redress.review_decision WHERE appeal_id = :id
             ORDER BY round DESC LIMIT 1
            """)
        .param("id", appealId)
        .query((rs, n) -> map(rs))
        .optional();
  }

  /** Every decision round of the case's appeals, oldest first. */
  List<Decision> ofCase(String caseId) {
    return jdbc.sql("SELECT * FROM redress.review_decision WHERE case_id = :id ORDER BY id")
        .param("id", caseId)
        .query((rs, n) -> map(rs))
        .list();
  }

  void approve(long id, boolean approved, String approver, String comment, Instant at) {
    jdbc.sql(
            """
            UPDATE redress.review_decision SET status = :status, approved_by = :approver,
                   approved_at = :at, approval_comment = :comment
             WHERE id = :id AND status = 'PROPOSED'
            """)
        .param("status", approved ? "APPROVED" : "REJECTED")
        .param("approver", approver)
        .param("at", ts(at))
        .param("comment", comment)
        .param("id", id)
        .update();
  }

  void markFinal(long id) {
    jdbc.sql(
            """
            UPDATE redress.review_decision SET status = 'FINAL'
             WHERE id = :id AND status IN ('PROPOSED', 'APPROVED')
            """)
        .param("id", id)
        .update();
  }

  private static Decision map(ResultSet rs) throws SQLException {
    return new Decision(
        rs.getLong("id"),
        rs.getString("appeal_id"),
        rs.getString("case_id"),
        rs.getInt("round"),
        Outcome.valueOf(rs.getString("outcome")),
        rs.getString("rationale"),
        rs.getString("policy_reference"),
        instant(rs, "restriction_ends_at"),
        rs.getString("question"),
        instant(rs, "reply_by"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getLong("user_task_key"),
        rs.getBoolean("four_eyes_required"),
        rs.getString("approved_by"),
        instant(rs, "approved_at"),
        rs.getString("approval_comment"),
        Decision.Status.valueOf(rs.getString("status")));
  }
}
