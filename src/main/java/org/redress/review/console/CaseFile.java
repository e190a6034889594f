package org.redress.review.console;

import java.time.Instant;
import java.util.List;
import org.redress.appeal.Appeal;
import org.redress.funds.CaseFunds;
import org.redress.review.Decision;
import org.redress.suspension.SuspensionCase;

/**
 * What a reviewer reads before deciding: the statement of reasons and measures of the case, the
 * appeal with its evidence, the questions asked and answered, the money, the decisions of this case
 * and the account's earlier cases with theirs.
 *
 * @param funds null when the case freezes no money
 * @param proposed the decision an approval task is about, or null
 */
public record CaseFile(
    SuspensionCase suspension,
    Appeal appeal,
    List<Exchange> exchanges,
    CaseFunds funds,
    List<Decision> decisions,
    List<EarlierCase> earlierCases,
    Decision proposed) {

  /** A reviewer's question (a REQUEST_INFO round) and the appellant's answer, if any. */
  public record Exchange(
      int round,
      String question,
      Instant askedAt,
      Instant replyBy,
      String answer,
      Instant answeredAt) {}

  /** Another case of the same account and how its appeals were decided. */
  public record EarlierCase(SuspensionCase suspension, List<Decision> decisions) {}
}
