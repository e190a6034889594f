package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

import org.junit.jupiter.api.Test;
import org.redress.funds.FundsEvent;
import org.redress.funds.PayoutGateway;
import org.redress.funds.release.PayOutWorker;
import org.redress.funds.release.ReleaseFundsWorker;
import org.redress.funds.release.SendReleaseNoticeWorker;
import org.redress.notice.NoticeKind;
import org.redress.review.SendDecisionNoticeWorker;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.FreezeWalletWorker;
import org.redress.suspension.SendSuspensionNoticeWorker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Jobs are delivered at least once: a job delivered again, or a worker re-run after a crash, never
 * moves money twice and never sends the same notice twice (house rule 5, R-PAY-4).
 */
class WorkflowIdempotencyIT extends WorkflowTestBase {

  @MockitoSpyBean PayoutGateway payoutGateway;
  @Autowired FreezeWalletWorker freezeWallet;
  @Autowired SendSuspensionNoticeWorker suspensionNotice;
  @Autowired ReleaseFundsWorker releaseFunds;
  @Autowired PayOutWorker payOut;
  @Autowired SendReleaseNoticeWorker releaseNotice;
  @Autowired SendDecisionNoticeWorker decisionNotice;

  @Test
  void shouldNotMoveMoneyOrNotifyAgainWhenEveryJobIsDeliveredTwice() {
    // given a case decided UPHOLD and carried out: frozen, released, paid out, notified
    Account user = account(Money.of(40_000, "EUR"));
    String caseId = suspend(user, 40_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    String appealId = appealAndDecide(caseId, "UPHOLD", ALICE);
    awaitProcessCompleted(caseId);
    notice(caseId, NoticeKind.FUNDS_RELEASED);
    long releaseInstance = releaseInstanceOf(caseId);

    // when every money and notice job of the case is delivered once more
    freezeWallet.handle(caseId);
    suspensionNotice.handle(caseId);
    releaseFunds.handle(releaseInstance, caseId);
    payOut.handle(releaseInstance, caseId);
    releaseNotice.handle(releaseInstance, caseId);
    decisionNotice.handle(appealId);

    // then nothing moved or was sent a second time
    assertThat(eventCount(caseId, FundsEvent.Type.FROZEN)).isEqualTo(1);
    assertThat(eventCount(caseId, FundsEvent.Type.RELEASED)).isEqualTo(1);
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isEqualTo(1);
    assertThat(released(caseId)).containsExactly(Money.of(40_000, "EUR"));
    for (NoticeKind kind :
        new NoticeKind[] {
          NoticeKind.SUSPENSION,
          NoticeKind.APPEAL_RECEIVED,
          NoticeKind.DECISION,
          NoticeKind.FUNDS_RELEASED
        }) {
      assertThat(notices.noticesOfCase(caseId)).filteredOn(n -> n.kind() == kind).hasSize(1);
    }
  }

  @Test
  void shouldPayOutOnceWhenTheGatewayCallFailsAndTheJobIsRetried() {
    // given the payment provider times out on the first call (the key is stored before it)
    doThrow(new IllegalStateException("payment provider timed out"))
        .doCallRealMethod()
        .when(payoutGateway)
        .pay(any());
    Account user = account(Money.of(25_000, "EUR"));
    String caseId = suspend(user, 25_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);

    // when the appeal window passes and the release pays out (after one failed attempt)
    engineClock.add(java.time.Duration.ofDays(186));

    // then the money is paid out exactly once
    awaitProcessCompleted(caseId);
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isEqualTo(1);
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_REQUESTED)).isEqualTo(1);
  }

  /** The fund-release instance of the case, from the idempotency key of its release. */
  long releaseInstanceOf(String caseId) {
    String key =
        funds.events(caseId).stream()
            .filter(e -> e.type() == FundsEvent.Type.RELEASED)
            .findFirst()
            .orElseThrow()
            .idempotencyKey();
    return Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
  }
}
