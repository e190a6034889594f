package org.redress.suspension;

import static org.redress.shared.SqlTime.instant;
import static org.redress.shared.SqlTime.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redress.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;

/** All SQL of the suspension module on {@code redress.suspension_*} (V8, V15). */
class SuspensionRepository {

  private static final String CASE_COLUMNS =
      """
      case_id, platform_decision_id, account_id, account_name, locale, wallet_id, category,
      ground_type, ground_reference, ground_explanation, facts, automated_detection,
      automated_decision, source, imposed_by, imposed_at, appeal_deadline, status,
      process_instance_key, created_at, notified_at
      """;

  private final JdbcClient jdbc;

  SuspensionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Inserts the case unless its platform decision id exists; true if inserted. */
  boolean insertCase(SuspensionCase c) {
    int rows =
        jdbc.sql(
                """
                INSERT INTO redress.suspension_case (
                    case_id, platform_decision_id, account_id, account_name, locale, wallet_id,
                    category, ground_type, ground_reference, ground_explanation, facts,
                    automated_detection, automated_decision, source, imposed_by, imposed_at,
                    appeal_deadline, status, created_at)
                VALUES (:caseId, :decisionId, :accountId, :accountName, :locale, :walletId,
                    :category, :groundType, :groundReference, :groundExplanation, :facts,
                    :automatedDetection, :automatedDecision, :source, :imposedBy, :imposedAt,
                    :appealDeadline, :status, :createdAt)
                ON CONFLICT (platform_decision_id) DO NOTHING
                """)
            .param("caseId", c.caseId())
            .param("decisionId", c.platformDecisionId())
            .param("accountId", c.accountId())
            .param("accountName", c.accountName())
            .param("locale", c.locale().toLanguageTag())
            .param("walletId", c.walletId())
            .param("category", c.category())
            .param("groundType", c.groundType().name())
            .param("groundReference", c.groundReference())
            .param("groundExplanation", c.groundExplanation())
            .param("facts", c.facts())
            .param("automatedDetection", c.automatedDetection())
            .param("automatedDecision", c.automatedDecision())
            .param("source", c.source())
            .param("imposedBy", c.imposedBy())
            .param("imposedAt", ts(c.imposedAt()))
            .param("appealDeadline", ts(c.appealDeadline()))
            .param("status", c.status().name())
            .param("createdAt", ts(c.createdAt()))
            .update();
    if (rows == 0) {
      return false;
    }
    for (int i = 0; i < c.measures().size(); i++) {
      Measure m = c.measures().get(i);
      jdbc.sql(
              """
              INSERT INTO redress.suspension_measure (
                  case_id, measure_no, type, scope, territorial_scope, starts_at, ends_at,
                  amount_minor, currency, legal_hold_minor, legal_reference)
              VALUES (:caseId, :no, :type, :scope, :territorialScope, :startsAt, :endsAt,
                  :amount, :currency, :legalHold, :legalReference)
              """)
          .param("caseId", c.caseId())
          .param("no", i + 1)
          .param("type", m.type().name())
          .param("scope", m.scope())
          .param("territorialScope", m.territorialScope())
          .param("startsAt", ts(m.startsAt()))
          .param("endsAt", ts(m.endsAt()))
          .param("amount", m.frozenRequested() == null ? null : m.frozenRequested().minorUnits())
          .param("currency", m.frozenRequested() == null ? null : m.frozenRequested().currency())
          .param(
              "legalHold",
              m.legalHoldRequested() == null ? null : m.legalHoldRequested().minorUnits())
          .param("legalReference", m.legalReference())
          .update();
    }
    return true;
  }

  Optional<SuspensionCase> find(String caseId) {
    return jdbc.sql("SELECT " + CASE_COLUMNS + " FROM redress.suspension_case WHERE case_id = :id")
        .param("id", caseId)
        .query((rs, n) -> mapCase(rs))
        .optional()
        .map(this::withMeasures);
  }

  /** The case, its row locked until the transaction ends. */
  Optional<SuspensionCase> lock(String caseId) {
    return jdbc.sql(
            "SELECT "
                + CASE_COLUMNS
                + " FROM redress.suspension_case WHERE case_id = :id FOR UPDATE")
        .param("id", caseId)
        .query((rs, n) -> mapCase(rs))
        .optional()
        .map(this::withMeasures);
  }

  List<String> caseIdsOfAccount(String accountId) {
    return jdbc.sql("SELECT case_id FROM redress.suspension_case WHERE account_id = :id")
        .param("id", accountId)
        .query(String.class)
        .list();
  }

  Optional<String> caseIdOfDecision(String platformDecisionId) {
    return jdbc.sql("SELECT case_id FROM redress.suspension_case WHERE platform_decision_id = :id")
        .param("id", platformDecisionId)
        .query(String.class)
        .optional();
  }

  /** Cases whose process has not been started yet, created before {@code before}. */
  List<String> casesWithoutProcess(Instant before, int limit) {
    return jdbc.sql(
            """
            SELECT case_id FROM redress.suspension_case
             WHERE process_instance_key IS NULL AND created_at < :before
             ORDER BY created_at LIMIT :limit
            """)
        .param("before", ts(before))
        .param("limit", limit)
        .query(String.class)
        .list();
  }

  /**
   * Claims the start of the case's process: true for one caller at a time, until the key is set or
   * the claim is older than {@code staleBefore} (its claimer crashed).
   */
  boolean claimProcessStart(String caseId, Instant now, Instant staleBefore) {
    return jdbc.sql(
                """
                UPDATE redress.suspension_case SET process_start_claimed_at = :now
                 WHERE case_id = :id AND process_instance_key IS NULL
                   AND (process_start_claimed_at IS NULL OR process_start_claimed_at < :stale)
                """)
            .param("now", ts(now))
            .param("stale", ts(staleBefore))
            .param("id", caseId)
            .update()
        == 1;
  }

  /**
   * Records what {@code freeze-wallet} froze for measure {@code measureNo} (1-based, V15); the
   * first result stays (the step is idempotent and recomputes the same result from the ledger).
   */
  void setFreezeResult(
      String caseId, int measureNo, Money frozen, Money legallyHeld, Instant frozenAt) {
    jdbc.sql(
            """
            UPDATE redress.suspension_measure
               SET frozen_minor = :frozen, legally_held_minor = :legal, frozen_at = :at
             WHERE case_id = :id AND measure_no = :no AND frozen_minor IS NULL
            """)
        .param("frozen", frozen.minorUnits())
        .param("legal", legallyHeld == null ? null : legallyHeld.minorUnits())
        .param("at", ts(frozenAt))
        .param("id", caseId)
        .param("no", measureNo)
        .update();
  }

  void setProcessInstanceKey(String caseId, long key) {
    jdbc.sql("UPDATE redress.suspension_case SET process_instance_key = :key WHERE case_id = :id")
        .param("key", key)
        .param("id", caseId)
        .update();
  }

  void setNotified(String caseId, Instant notifiedAt, Instant appealDeadline) {
    jdbc.sql(
            """
            UPDATE redress.suspension_case SET notified_at = :notifiedAt,
                   appeal_deadline = :deadline
             WHERE case_id = :id AND notified_at IS NULL
            """)
        .param("notifiedAt", ts(notifiedAt))
        .param("deadline", ts(appealDeadline))
        .param("id", caseId)
        .update();
  }

  void updateStatus(
      String caseId, CaseStatus from, CaseStatus to, String actor, String reason, Instant now) {
    jdbc.sql("UPDATE redress.suspension_case SET status = :to WHERE case_id = :id")
        .param("to", to.name())
        .param("id", caseId)
        .update();
    jdbc.sql(
            """
            INSERT INTO redress.suspension_case_transition
                (case_id, from_status, to_status, actor, reason, occurred_at)
            VALUES (:id, :from, :to, :actor, :reason, :now)
            """)
        .param("id", caseId)
        .param("from", from == null ? null : from.name())
        .param("to", to.name())
        .param("actor", actor)
        .param("reason", reason)
        .param("now", ts(now))
        .update();
  }

  /** The case's status changes, oldest first (R-OPS-1). */
  List<CaseTransition> transitions(String caseId) {
    return jdbc.sql(
            """
            SELECT from_status, to_status, actor, reason, occurred_at
              FROM redress.suspension_case_transition WHERE case_id = :id ORDER BY id
            """)
        .param("id", caseId)
        .query(
            (rs, n) ->
                new CaseTransition(
                    rs.getString("from_status") == null
                        ? null
                        : CaseStatus.valueOf(rs.getString("from_status")),
                    CaseStatus.valueOf(rs.getString("to_status")),
                    rs.getString("actor"),
                    rs.getString("reason"),
                    rs.getTimestamp("occurred_at").toInstant()))
        .list();
  }

  private SuspensionCase withMeasures(SuspensionCase c) {
    List<Measure> measures =
        jdbc.sql(
                """
                SELECT type, scope, territorial_scope, starts_at, ends_at, amount_minor, currency,
                       legal_hold_minor, legal_reference, frozen_minor, legally_held_minor,
                       frozen_at
                  FROM redress.suspension_measure WHERE case_id = :id ORDER BY measure_no
                """)
            .param("id", c.caseId())
            .query(
                (rs, n) -> {
                  String currency = rs.getString("currency");
                  Money frozen =
                      currency == null ? null : Money.of(rs.getLong("amount_minor"), currency);
                  long legal = rs.getLong("legal_hold_minor");
                  Money legalHold = rs.wasNull() ? null : Money.of(legal, currency);
                  long frozenMinor = rs.getLong("frozen_minor");
                  Money frozenByLedger = rs.wasNull() ? null : Money.of(frozenMinor, currency);
                  long legallyHeldMinor = rs.getLong("legally_held_minor");
                  Money legallyHeld = rs.wasNull() ? null : Money.of(legallyHeldMinor, currency);
                  return new Measure(
                      MeasureType.valueOf(rs.getString("type")),
                      rs.getString("scope"),
                      rs.getString("territorial_scope"),
                      instant(rs, "starts_at"),
                      instant(rs, "ends_at"),
                      frozen,
                      legalHold,
                      rs.getString("legal_reference"),
                      frozenByLedger,
                      legallyHeld,
                      instant(rs, "frozen_at"));
                })
            .list();
    return new SuspensionCase(
        c.caseId(),
        c.platformDecisionId(),
        c.accountId(),
        c.accountName(),
        c.locale(),
        c.walletId(),
        c.category(),
        c.groundType(),
        c.groundReference(),
        c.groundExplanation(),
        c.facts(),
        c.automatedDetection(),
        c.automatedDecision(),
        c.source(),
        c.imposedBy(),
        c.imposedAt(),
        c.appealDeadline(),
        c.status(),
        c.processInstanceKey(),
        c.createdAt(),
        c.notifiedAt(),
        measures);
  }

  private static SuspensionCase mapCase(ResultSet rs) throws SQLException {
    long key = rs.getLong("process_instance_key");
    Long processInstanceKey = rs.wasNull() ? null : key;
    return new SuspensionCase(
        rs.getString("case_id"),
        rs.getString("platform_decision_id"),
        rs.getString("account_id"),
        rs.getString("account_name"),
        Locale.forLanguageTag(rs.getString("locale")),
        rs.getString("wallet_id"),
        rs.getString("category"),
        SuspensionCase.GroundType.valueOf(rs.getString("ground_type")),
        rs.getString("ground_reference"),
        rs.getString("ground_explanation"),
        rs.getString("facts"),
        rs.getBoolean("automated_detection"),
        rs.getBoolean("automated_decision"),
        rs.getString("source"),
        rs.getString("imposed_by"),
        instant(rs, "imposed_at"),
        instant(rs, "appeal_deadline"),
        CaseStatus.valueOf(rs.getString("status")),
        processInstanceKey,
        instant(rs, "created_at"),
        instant(rs, "notified_at"),
        List.of());
  }
}
