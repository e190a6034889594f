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

  public record MeasureView(
      String type,
      String scope,
      String territorialScope,
      Instant startsAt,
      Instant endsAt,
      boolean indefinite) {}

  /** Amounts as "120.00 EUR", one per currency. */
  public record FundsView(List<String> frozen, List<String> legallyHeld, List<String> released) {}

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
