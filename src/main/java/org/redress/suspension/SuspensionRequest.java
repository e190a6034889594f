package org.redress.suspension;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/suspensions}: the platform's restriction decision with its statement of reasons
 * (DSA Art. 17(3), R-EU-1..4). Everything is nullable here so that {@link
 * StatementOfReasonsValidator} can list every missing element at once instead of stopping at the
 * first.
 *
 * @param platformDecisionId the platform's id of the decision: idempotency key of the intake and
 *     the PUID of the transparency database (R-TDB-2)
 * @param imposedBy who imposed the restriction (a moderator's user name, or the system's name);
 *     they may never decide the appeal
 */
public record SuspensionRequest(
    String platformDecisionId,
    AccountRef account,
    List<MeasureRequest> measures,
    Ground ground,
    String facts,
    String category,
    Boolean automatedDetection,
    Boolean automatedDecision,
    String source,
    String imposedBy,
    Instant imposedAt) {

  /** The restricted account. {@code locale} picks the notice language (zh-CN or en). */
  public record AccountRef(String accountId, String displayName, String locale, String walletId) {}

  /**
   * One measure (Art. 17(3)(a)); exactly one of {@code endsAt} and {@code indefinite = true}.
   *
   * @param frozen MONETARY only: the money to freeze; null freezes nothing but the measure
   * @param legalHold MONETARY only: the part of {@code frozen} that a legal order holds
   */
  public record MeasureRequest(
      MeasureType type,
      String scope,
      String territorialScope,
      Instant startsAt,
      Instant endsAt,
      Boolean indefinite,
      Amount frozen,
      LegalHold legalHold) {}

  /** Money in minor units (cents, fen) with its ISO 4217 code. */
  public record Amount(Long minorUnits, String currency) {}

  /** A legal hold on part of the frozen money (R-PAY-1). */
  public record LegalHold(Long minorUnits, String legalReference) {}

  /**
   * The basis (Art. 17(3)(d)/(e)): CONTRACTUAL with a versioned terms clause, or ILLEGAL with the
   * legal provision, and in both cases an explanation specific to this case.
   */
  public record Ground(SuspensionCase.GroundType type, String reference, String explanation) {}
}
