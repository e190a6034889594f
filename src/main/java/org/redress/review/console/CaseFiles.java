package org.redress.review.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redress.appeal.Appeal;
import org.redress.appeal.AppealService;
import org.redress.appeal.InformationReply;
import org.redress.funds.FundsService;
import org.redress.review.Decision;
import org.redress.review.Outcome;
import org.redress.review.ReviewService;
import org.redress.suspension.SuspensionCase;
import org.redress.suspension.SuspensionService;

/**
 * Assembles a {@link CaseFile} from the public services of the suspension, appeal, funds and review
 * modules.
 */
public class CaseFiles {

  private final SuspensionService suspensions;
  private final AppealService appeals;
  private final FundsService funds;
  private final ReviewService reviews;

  CaseFiles(
      SuspensionService suspensions,
      AppealService appeals,
      FundsService funds,
      ReviewService reviews) {
    this.suspensions = suspensions;
    this.appeals = appeals;
    this.funds = funds;
    this.reviews = reviews;
  }

  public CaseFile of(Appeal appeal, boolean approval) {
    SuspensionCase c = suspensions.get(appeal.caseId());
    List<Decision> decisions = reviews.decisionsOfCase(c.caseId());
    Map<Integer, InformationReply> answers =
        appeals.information(appeal.appealId()).stream()
            .collect(Collectors.toMap(InformationReply::round, Function.identity(), (a, b) -> a));
    List<CaseFile.Exchange> exchanges = new ArrayList<>();
    for (Decision d : decisions) {
      if (d.appealId().equals(appeal.appealId()) && d.outcome() == Outcome.REQUEST_INFO) {
        Optional<InformationReply> answer = Optional.ofNullable(answers.get(d.round()));
        exchanges.add(
            new CaseFile.Exchange(
                d.round(),
                d.question(),
                d.decidedAt(),
                d.replyBy(),
                answer.map(InformationReply::text).orElse(null),
                answer.map(InformationReply::providedAt).orElse(null)));
      }
    }
    List<CaseFile.EarlierCase> earlier = new ArrayList<>();
    for (String other : suspensions.caseIdsOfAccount(c.accountId())) {
      if (!other.equals(c.caseId())) {
        earlier.add(
            new CaseFile.EarlierCase(suspensions.get(other), reviews.decisionsOfCase(other)));
      }
    }
    earlier.sort(
        Comparator.comparing((CaseFile.EarlierCase e) -> e.suspension().imposedAt()).reversed());
    Decision proposed = approval ? reviews.latestDecision(appeal.appealId()).orElse(null) : null;
    return new CaseFile(
        c,
        appeal,
        exchanges,
        c.hasMonetaryMeasure() ? funds.summary(c.caseId()) : null,
        decisions,
        earlier,
        proposed);
  }
}
