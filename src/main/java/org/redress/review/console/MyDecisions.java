package org.redress.review.console;

import static org.redress.shared.SqlTime.instant;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "My decisions": the decision rounds a reviewer decided or approved, newest first, with the
 * appeal's outcome and the case's status now. Reads {@code review_decision} (V12), {@code appeal}
 * and {@code suspension_case}; names are compared as the review rules compare them (the service
 * records the account's configured username).
 */
public class MyDecisions {

  /** The most rows the page shows. */
  static final int LIMIT = 200;

  /**
   * One decision round.
   *
   * @param role DECIDED (the caller decided it) or APPROVED (the caller was the second reviewer)
   * @param status PROPOSED, APPROVED, REJECTED (sent back) or FINAL
   */
  public record Row(
      String caseId,
      String appealId,
      int round,
      String outcome,
      String status,
      String role,
      Instant decidedAt,
      String decidedBy,
      String approvedBy,
      String policyReference,
      String caseStatus) {}

  private final JdbcClient jdbc;

  MyDecisions(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<Row> of(String username) {
    return jdbc.sql(
            """
            SELECT d.case_id, d.appeal_id, d.round, d.outcome, d.status, d.decided_at,
                   d.decided_by, d.approved_by, d.policy_reference, c.status AS case_status,
                   CASE WHEN lower(d.decided_by) = lower(:me) THEN 'DECIDED' ELSE 'APPROVED' END
                       AS role
              FROM redress.review_decision d
              JOIN redress.suspension_case c ON c.case_id = d.case_id
             WHERE lower(d.decided_by) = lower(:me) OR lower(d.approved_by) = lower(:me)
             ORDER BY d.decided_at DESC, d.id DESC
             LIMIT :limit
            """)
        .param("me", username)
        .param("limit", LIMIT)
        .query(
            (rs, n) ->
                new Row(
                    rs.getString("case_id"),
                    rs.getString("appeal_id"),
                    rs.getInt("round"),
                    rs.getString("outcome"),
                    rs.getString("status"),
                    rs.getString("role"),
                    instant(rs, "decided_at"),
                    rs.getString("decided_by"),
                    rs.getString("approved_by"),
                    rs.getString("policy_reference"),
                    rs.getString("case_status")))
        .list();
  }
}
