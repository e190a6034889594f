package org.redress.appeal;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/cases/{caseId}}: everything the appellant needs to understand and contest the
 * decision (R-EU-4, R-OPS-4), and what staff see of it. {@code imposedBy} is shown to staff only.
 */
public record CaseView(
    String caseId,
    String status,
    String accountId,
    String locale,
    NoticeView suspensionNotice,
    StatementView statementOfReasons,
    List<MeasureView> measures,
    Instant appealDeadline,
    boolean appealWindowOpen,
    FundsView funds,
    List<AppealView> appeals,
    List<NoticeView> notices,
    List<TimelineEntry> timeline) {

  public record NoticeView(
      String kind, String subject, String body, Instant sentAt, String status) {}

  public record StatementView(
      String groundType,
      String groundReference,
      String groundExplanation,
      String facts,
      String category,
      boolean automatedDetection,
      boolean automatedDecision,
      String source,
      Instant imposedAt,
      String imposedBy) {}

  /**
   * A measure; for a MONETARY one both what the statement named and what the ledger froze (issue
   * 8). Amounts as "120.00 EUR".
   *
   * @param frozenRequested the money the statement names to freeze, or null
   * @param frozen what the freeze step froze: at most what the wallet held ("0.00 EUR" when it held
   *     none); null until that step ran
   * @param frozenShort true when less was frozen than the statement named
   * @param legalHoldRequested the part the statement says a legal order holds, or null
   * @param legallyHeld the part of {@code frozen} placed under the legal hold, or null
   */
  public record MeasureView(
      String type,
      String scope,
      String territorialScope,
      Instant startsAt,
      Instant endsAt,
      boolean indefinite,
      String frozenRequested,
      String frozen,
      boolean frozenShort,
      String legalHoldRequested,
      String legallyHeld,
      String legalReference) {}

  /**
   * The case's money as the ledger holds it now (funds module), one amount per currency as "120.00
   * EUR".
   *
   * @param frozen held now: workflow and legal holds
   * @param legallyHeld the part of {@code frozen} under legal holds
   * @param released returned from the freeze to the wallet
   * @param paidOut paid out to the holder's verified account
   */
  public record FundsView(
      List<String> frozen, List<String> legallyHeld, List<String> released, List<String> paidOut) {}

  public record AppealView(
      String appealId,
      String status,
      Instant filedAt,
      Instant decidedAt,
      String outcome,
      boolean talkToPerson,
      List<Appeal.AttachmentInfo> attachments) {}

  public record TimelineEntry(Instant at, String status, String reason) {}
}
