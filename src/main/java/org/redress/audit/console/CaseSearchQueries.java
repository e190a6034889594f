package org.redress.audit.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The case search over Redress's own tables (cases, appeals, decisions, audit events). Only the
 * filters given become conditions, so the planner sees a query without "or null" branches; the
 * indexes of migration V50 serve every filter (benchmark in docs/benchmarks.md). Open incidents
 * live in the engine: the caller passes the ids of the cases that have one.
 */
public class CaseSearchQueries {

  /** Rows an export holds at most (the page shows how many cases matched). */
  public static final int EXPORT_LIMIT = 100_000;

  private static final String ROW_COLUMNS =
      """
      SELECT c.case_id, c.account_id, c.platform_decision_id, c.status, c.category, c.created_at,
             la.outcome, la.decided_at, ld.decided_by,
             EXISTS (SELECT 1 FROM redress.audit_event e
                      WHERE e.action = 'REVIEW_ESCALATED' AND e.case_id = c.case_id) AS sla_breached,
             (EXISTS (SELECT 1 FROM redress.review_decision d
                       WHERE d.case_id = c.case_id AND d.four_eyes_required)
              OR EXISTS (SELECT 1 FROM redress.audit_event e
                          WHERE e.action = 'APPEAL_TRIAGED' AND e.case_id = c.case_id
                            AND e.details ->> 'fourEyesRequired' = 'true')) AS four_eyes,
             EXISTS (SELECT 1 FROM redress.appeal a
                      WHERE a.case_id = c.case_id AND a.status <> 'DECIDED') AS open_appeal
        FROM redress.suspension_case c
        LEFT JOIN LATERAL (SELECT a.outcome, a.decided_at FROM redress.appeal a
                            WHERE a.case_id = c.case_id AND a.decided_at IS NOT NULL
                            ORDER BY a.decided_at DESC LIMIT 1) la ON TRUE
        LEFT JOIN LATERAL (SELECT d.decided_by FROM redress.review_decision d
                            WHERE d.case_id = c.case_id AND d.outcome <> 'REQUEST_INFO'
                            ORDER BY d.id DESC LIMIT 1) ld ON TRUE
      """;

  private static final String SLA_BREACHED =
      """
      EXISTS (SELECT 1 FROM redress.audit_event e
               WHERE e.action = 'REVIEW_ESCALATED' AND e.case_id = c.case_id)
      """;

  private static final String FOUR_EYES =
      """
      (EXISTS (SELECT 1 FROM redress.review_decision d
                WHERE d.case_id = c.case_id AND d.four_eyes_required)
       OR EXISTS (SELECT 1 FROM redress.audit_event e
                   WHERE e.action = 'APPEAL_TRIAGED' AND e.case_id = c.case_id
                     AND e.details ->> 'fourEyesRequired' = 'true'))
      """;

  private final JdbcClient jdbc;

  public CaseSearchQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of the matching cases, newest first.
   *
   * @param incidentCases ids of the cases with an open incident (used only when the criteria filter
   *     on open incidents, and to flag the rows)
   */
  public CaseSearchPage search(
      CaseSearchCriteria criteria, Set<String> incidentCases, int page, int size) {
    Map<String, Object> params = new LinkedHashMap<>();
    String where = where(criteria, incidentCases, params);
    long total =
        jdbc.sql("SELECT count(*) FROM redress.suspension_case c WHERE " + where)
            .params(params)
            .query(Long.class)
            .single();
    params.put("limit", size);
    params.put("offset", (long) page * size);
    List<CaseSearchRow> rows =
        jdbc.sql(
                ROW_COLUMNS
                    + " WHERE "
                    + where
                    + " ORDER BY c.created_at DESC, c.case_id LIMIT :limit OFFSET :offset")
            .params(params)
            .query((rs, n) -> map(rs, incidentCases))
            .list();
    return new CaseSearchPage(rows, page, size, total);
  }

  /** Every matching case (at most {@link #EXPORT_LIMIT}), newest first, for the exports. */
  public List<CaseSearchRow> all(CaseSearchCriteria criteria, Set<String> incidentCases) {
    return search(criteria, incidentCases, 0, EXPORT_LIMIT).rows();
  }

  private static String where(
      CaseSearchCriteria f, Set<String> incidentCases, Map<String, Object> params) {
    List<String> conditions = new ArrayList<>();
    conditions.add("TRUE");
    if (f.caseId() != null) {
      conditions.add("c.case_id = :caseId");
      params.put("caseId", f.caseId());
    }
    if (f.accountId() != null) {
      conditions.add("c.account_id = :accountId");
      params.put("accountId", f.accountId());
    }
    if (f.platformDecisionId() != null) {
      conditions.add("c.platform_decision_id = :platformDecisionId");
      params.put("platformDecisionId", f.platformDecisionId());
    }
    if (f.status() != null) {
      conditions.add("c.status = :status");
      params.put("status", f.status());
    }
    if (f.openedFrom() != null) {
      conditions.add("c.created_at >= :openedFrom");
      params.put(
          "openedFrom", Timestamp.from(f.openedFrom().atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (f.openedTo() != null) {
      conditions.add("c.created_at < :openedBefore");
      params.put(
          "openedBefore",
          Timestamp.from(f.openedTo().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
    if (f.outcome() != null) {
      conditions.add(
          """
          (SELECT a.outcome FROM redress.appeal a
            WHERE a.case_id = c.case_id AND a.decided_at IS NOT NULL
            ORDER BY a.decided_at DESC LIMIT 1) = :outcome
          """);
      params.put("outcome", f.outcome());
    }
    if (f.decider() != null) {
      conditions.add(
          """
          EXISTS (SELECT 1 FROM redress.review_decision d
                   WHERE d.case_id = c.case_id AND d.decided_by = :decider)
          """);
      params.put("decider", f.decider());
    }
    if (f.slaBreached() != null) {
      conditions.add((f.slaBreached() ? "" : "NOT ") + SLA_BREACHED);
    }
    if (f.fourEyes() != null) {
      conditions.add((f.fourEyes() ? "" : "NOT ") + FOUR_EYES);
    }
    if (f.openIncident() != null) {
      if (incidentCases.isEmpty()) {
        conditions.add(f.openIncident() ? "FALSE" : "TRUE");
      } else {
        conditions.add("c.case_id " + (f.openIncident() ? "" : "NOT ") + "IN (:incidentCases)");
        params.put("incidentCases", List.copyOf(incidentCases));
      }
    }
    return String.join(" AND ", conditions);
  }

  private static CaseSearchRow map(ResultSet rs, Set<String> incidentCases) throws SQLException {
    String caseId = rs.getString("case_id");
    return new CaseSearchRow(
        caseId,
        rs.getString("account_id"),
        rs.getString("platform_decision_id"),
        rs.getString("status"),
        rs.getString("category"),
        instant(rs.getTimestamp("created_at")),
        rs.getString("outcome"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("decided_by"),
        rs.getBoolean("sla_breached"),
        rs.getBoolean("four_eyes"),
        incidentCases.contains(caseId),
        rs.getBoolean("open_appeal"));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
