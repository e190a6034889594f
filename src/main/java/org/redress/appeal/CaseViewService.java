package org.redress.appeal;

import java.time.Clock;
import java.util.List;
import org.redress.funds.CaseFunds;
import org.redress.funds.FundsService;
import org.redress.notice.Notice;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeService;
import org.redress.shared.Money;
import org.redress.suspension.SuspensionCase;
import org.redress.suspension.SuspensionService;

/** Assembles the case view from the suspension, funds, appeal and notice modules. */
public class CaseViewService {

  private final SuspensionService suspensions;
  private final AppealService appeals;
  private final FundsService funds;
  private final NoticeService notices;
  private final CaseViewMapper mapper;
  private final Clock clock;

  CaseViewService(
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      NoticeService notices,
      CaseViewMapper mapper,
      Clock clock) {
    this.suspensions = suspensions;
    this.appeals = appeals;
    this.funds = funds;
    this.notices = notices;
    this.mapper = mapper;
    this.clock = clock;
  }

  /**
   * @param staff true for reviewers, auditors and finance: they also see who imposed it
   */
  public CaseView view(String caseId, boolean staff) {
    SuspensionCase c = suspensions.get(caseId);
    List<Notice> sent = notices.noticesOfCase(caseId);
    CaseView.NoticeView suspensionNotice =
        sent.stream()
            .filter(n -> n.kind() == NoticeKind.SUSPENSION)
            .findFirst()
            .map(CaseViewService::notice)
            .orElse(null);
    CaseView.StatementView statement = mapper.statement(c);
    if (staff) {
      statement =
          new CaseView.StatementView(
              statement.groundType(),
              statement.groundReference(),
              statement.groundExplanation(),
              statement.facts(),
              statement.category(),
              statement.automatedDetection(),
              statement.automatedDecision(),
              statement.source(),
              statement.imposedAt(),
              c.imposedBy());
    }
    return new CaseView(
        c.caseId(),
        c.status().name(),
        c.accountId(),
        c.locale().toLanguageTag(),
        suspensionNotice,
        statement,
        c.measures().stream().map(mapper::measure).toList(),
        c.appealDeadline(),
        c.appealWindowOpen(clock.instant()),
        fundsView(caseId, c),
        appeals.ofCase(caseId).stream().map(mapper::appeal).toList(),
        sent.stream().map(CaseViewService::notice).toList(),
        suspensions.transitions(caseId).stream().map(mapper::timeline).toList());
  }

  private CaseView.FundsView fundsView(String caseId, SuspensionCase c) {
    if (!c.hasMonetaryMeasure()) {
      return new CaseView.FundsView(List.of(), List.of(), List.of(), List.of());
    }
    CaseFunds money = funds.summary(caseId);
    return new CaseView.FundsView(
        text(money.frozen()),
        text(money.legallyHeld()),
        text(money.released()),
        text(money.paidOut()));
  }

  private static List<String> text(List<Money> amounts) {
    return amounts.stream().map(Money::toString).toList();
  }

  private static CaseView.NoticeView notice(Notice n) {
    return new CaseView.NoticeView(
        n.kind().name(), n.subject(), n.body(), n.createdAt(), n.status());
  }
}
