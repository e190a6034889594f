package org.redress.suspension;

import static org.redress.suspension.StatementOfReasonsValidator.MAX_DECISION_ID;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_FACTS;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_GROUND_EXPLANATION;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_GROUND_REFERENCE;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_LEGAL_REFERENCE;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_MEASURES;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_NAME;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_SCOPE;
import static org.redress.suspension.StatementOfReasonsValidator.MAX_TERRITORIAL_SCOPE;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/suspensions}: the platform's restriction decision with its statement of reasons
 * (DSA Art. 17(3), R-EU-1..4). Everything is nullable here so that {@link
 * StatementOfReasonsValidator} can list every missing element at once instead of stopping at the
 * first; the controller binds it field by field ({@code StrictJson}), so a wrong type or unknown
 * constant is listed with them too. Text limits: {@link StatementOfReasonsValidator} (R-TDB-3).
 *
 * @param platformDecisionId the platform's id of the decision: idempotency key of the intake and
 *     the PUID of the transparency database (R-TDB-2)
 * @param imposedBy who imposed the restriction (a moderator's user name, or the system's name);
 *     they may never decide the appeal
 */
public record SuspensionRequest(
    @Schema(maxLength = MAX_DECISION_ID) String platformDecisionId,
    AccountRef account,
    @ArraySchema(maxItems = MAX_MEASURES) List<MeasureRequest> measures,
    Ground ground,
    @Schema(maxLength = MAX_FACTS) String facts,
    String category,
    Boolean automatedDetection,
    Boolean automatedDecision,
    String source,
    @Schema(maxLength = MAX_NAME) String imposedBy,
    Instant imposedAt) {

  /** The restricted account. {@code locale} picks the notice language (zh-CN or en). */
  public record AccountRef(
      @Schema(maxLength = MAX_NAME) String accountId,
      @Schema(maxLength = MAX_NAME) String displayName,
      String locale,
      @Schema(maxLength = MAX_NAME) String walletId) {}

  /**
   * One measure (Art. 17(3)(a)); exactly one of {@code endsAt} and {@code indefinite = true}.
   *
   * @param frozen MONETARY only: the money to freeze; null freezes nothing but the measure
   * @param legalHold MONETARY only: the part of {@code frozen} that a legal order holds
   */
  public record MeasureRequest(
      MeasureType type,
      @Schema(maxLength = MAX_SCOPE) String scope,
      @Schema(maxLength = MAX_TERRITORIAL_SCOPE) String territorialScope,
      Instant startsAt,
      Instant endsAt,
      Boolean indefinite,
      Amount frozen,
      LegalHold legalHold) {}

  /** Money in minor units (cents, fen) with its ISO 4217 code. */
  public record Amount(Long minorUnits, String currency) {}

  /** A legal hold on part of the frozen money (R-PAY-1). */
  public record LegalHold(
      Long minorUnits, @Schema(maxLength = MAX_LEGAL_REFERENCE) String legalReference) {}

  /**
   * The basis (Art. 17(3)(d)/(e)): CONTRACTUAL with a versioned terms clause, or ILLEGAL with the
   * legal provision, and in both cases an explanation specific to this case.
   */
  public record Ground(
      SuspensionCase.GroundType type,
      @Schema(maxLength = MAX_GROUND_REFERENCE) String reference,
      @Schema(maxLength = MAX_GROUND_EXPLANATION) String explanation) {}
}
