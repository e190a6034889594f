package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.funds.FundsTestSupport.ACTOR;
import static org.redress.funds.FundsTestSupport.eur;
import static org.redress.funds.FundsTestSupport.freeze;
import static org.redress.funds.FundsTestSupport.unique;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.redress.shared.Money;

/** R-PAY-3, R-PAY-4, R-CN-6: payouts to the verified same-name account, exactly once. */
class FundsPayoutIT {

  private static final String HOLDER = "Li Wei";

  private final FundsTestSupport support = new FundsTestSupport();
  private final FundsService funds = support.service();

  @Test
  void shouldPayTheReleasedAmountWhenDestinationIsVerifiedAndInTheHoldersName() {
    // given 600.00 of 1,000.00 frozen and released
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    Money clearingBefore = clearing();
    String key = caseId + "/payout/1";

    // when
    PayoutResult result = funds.payout(new PayoutCommand(caseId, destination(), key, ACTOR));

    // then
    assertThat(result.status()).isEqualTo(PayoutResult.Status.PAID);
    assertThat(result.amount()).isEqualTo(eur(60_000));
    assertThat(result.gatewayReference()).isEqualTo("local-" + key);
    assertThat(result.errorCode()).isEmpty();
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
    assertThat(balances.of(AccountKind.PAYOUT_PENDING, "EUR")).isEqualTo(Money.zero("EUR"));
    assertThat(clearing()).isEqualTo(clearingBefore.plus(eur(60_000)));
    assertThat(support.gatewayPayouts(key)).isEqualTo(1);
    assertThat(funds.events(caseId))
        .extracting(FundsEvent::type)
        .containsSubsequence(
            FundsEvent.Type.RELEASED,
            FundsEvent.Type.PAYOUT_REQUESTED,
            FundsEvent.Type.HOLD_POSTED,
            FundsEvent.Type.PAYOUT_PAID);
    assertThat(funds.events(caseId))
        .filteredOn(e -> e.type() == FundsEvent.Type.PAYOUT_REQUESTED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).doesNotContain("DE8937").endsWith("3000"));
  }

  @Test
  void shouldReturnTheStoredOutcomeWhenPayoutIsRepeatedWithItsKey() {
    // given a paid payout
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    AtomicInteger calls = new AtomicInteger();
    FundsService counted = support.service(countingGateway(calls));
    PayoutCommand command = new PayoutCommand(caseId, destination(), caseId + "/payout/1", ACTOR);
    PayoutResult first = counted.payout(command);

    // when
    PayoutResult second = counted.payout(command);

    // then
    assertThat(second.replayed()).isTrue();
    assertThat(second.payoutId()).isEqualTo(first.payoutId());
    assertThat(second.status()).isEqualTo(PayoutResult.Status.PAID);
    assertThat(calls).hasValue(1);
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
  }

  @Test
  void shouldCommitThePayoutAndItsKeyWhenTheGatewayIsCalled() {
    // given a gateway that looks into the database (on another connection) when called
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    String key = caseId + "/payout/1";
    AtomicInteger storedWhenCalled = new AtomicInteger(-1);
    PayoutGateway inspecting =
        request -> {
          storedWhenCalled.set(
              support
                  .jdbc
                  .sql(
                      """
                      SELECT count(*) FROM redress.funds_payout
                       WHERE idempotency_key = :key AND status = 'REQUESTED' AND amount_minor = 60000
                      """)
                  .param("key", request.idempotencyKey())
                  .query(Integer.class)
                  .single());
          return support.localGateway.pay(request);
        };

    // when
    support.service(inspecting).payout(new PayoutCommand(caseId, destination(), key, ACTOR));

    // then the committed record was visible before the external call
    assertThat(storedWhenCalled).hasValue(1);
  }

  @Test
  void shouldCallTheGatewayOnceWhenRerunAfterACrashBeforeTheCall() {
    // given a run that stored the payout and then died before reaching the gateway
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    String key = caseId + "/payout/1";
    PayoutCommand command = new PayoutCommand(caseId, destination(), key, ACTOR);
    AtomicInteger reached = new AtomicInteger();
    PayoutGateway crashing =
        request -> {
          throw new IllegalStateException("simulated crash before the call");
        };
    assertThatThrownBy(() -> support.service(crashing).payout(command))
        .hasMessageContaining("simulated crash");
    assertThat(support.gatewayPayouts(key)).isZero();
    assertThat(funds.balances(wallet).of(AccountKind.PAYOUT_PENDING, "EUR")).isEqualTo(eur(60_000));
    // a fresh key may not start a second payout while this one's outcome is unknown
    assertThatThrownBy(
            () -> funds.payout(new PayoutCommand(caseId, destination(), caseId + "/other", ACTOR)))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.PAYOUT_IN_PROGRESS));

    // when the worker runs again with the same key (a new process: a new service instance)
    PayoutResult result = support.service(countingGateway(reached)).payout(command);

    // then it resumes the stored payout and calls the gateway once
    assertThat(result.status()).isEqualTo(PayoutResult.Status.PAID);
    assertThat(result.amount()).isEqualTo(eur(60_000));
    assertThat(reached).hasValue(1);
    assertThat(support.gatewayPayouts(key)).isEqualTo(1);
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
    assertThat(balances.of(AccountKind.PAYOUT_PENDING, "EUR")).isEqualTo(Money.zero("EUR"));
  }

  @Test
  void shouldPayOnceWhenTheCrashComesAfterTheGatewayPaid() {
    // given a run whose gateway call succeeded but whose answer was lost (timeout, crash)
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    String key = caseId + "/payout/1";
    PayoutCommand command = new PayoutCommand(caseId, destination(), key, ACTOR);
    PayoutGateway answerLost =
        request -> {
          support.localGateway.pay(request);
          throw new PayoutGatewayException("read timed out");
        };
    assertThatThrownBy(() -> support.service(answerLost).payout(command))
        .isInstanceOf(PayoutGatewayException.class);
    Money clearingBefore = clearing();

    // when retried with the same key
    PayoutResult result = funds.payout(command);

    // then the provider deduplicated the key: one payout there, money moved once here
    assertThat(result.status()).isEqualTo(PayoutResult.Status.PAID);
    assertThat(support.gatewayPayouts(key)).isEqualTo(1);
    assertThat(clearing()).isEqualTo(clearingBefore.plus(eur(60_000)));
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
  }

  @Test
  void shouldRefuseWhenTheDestinationIsInAnotherName() {
    // given a released case and a verified account of someone else
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    AtomicInteger calls = new AtomicInteger();
    PayoutDestination foreign =
        new PayoutDestination("DE02120300000000202051", "Wang Fang", "EUR", true);

    // when / then
    assertThatThrownBy(
            () ->
                support
                    .service(countingGateway(calls))
                    .payout(new PayoutCommand(caseId, foreign, caseId + "/payout/1", ACTOR)))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> {
              assertThat(e.error()).isEqualTo(FundsError.DESTINATION_NAME_MISMATCH);
              assertThat(e.getMessage()).contains("own name").doesNotContain("DE0212");
            });
    assertThat(calls).hasValue(0);
    assertThat(support.repository.findPayoutByKey(caseId + "/payout/1")).isEmpty();
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
    assertThat(funds.events(caseId))
        .filteredOn(e -> e.type() == FundsEvent.Type.PAYOUT_REFUSED)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).startsWith("DESTINATION_NAME_MISMATCH"));
  }

  @Test
  void shouldRefuseWhenTheDestinationIsNotVerified() {
    // given an account in the holder's name that was not verified
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    PayoutDestination unverified =
        new PayoutDestination("DE89370400440532013000", HOLDER, "EUR", false);

    // when / then
    assertThatThrownBy(
            () -> funds.payout(new PayoutCommand(caseId, unverified, caseId + "/payout/1", ACTOR)))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.DESTINATION_NOT_VERIFIED));
  }

  @Test
  void shouldReturnPayoutRejectedAndMakeTheMoneyAvailableWhenTheGatewayRejects() {
    // given a provider that rejects the account
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = releasedCase(wallet, eur(60_000));
    PayoutGateway rejecting = request -> new PayoutOutcome.Rejected("account closed");

    // when
    PayoutResult result =
        support
            .service(rejecting)
            .payout(new PayoutCommand(caseId, destination(), caseId + "/payout/1", ACTOR));

    // then a business outcome the workflow maps to a BPMN error, and nothing left the wallet
    assertThat(result.status()).isEqualTo(PayoutResult.Status.REJECTED);
    assertThat(result.errorCode()).contains("PAYOUT_REJECTED");
    assertThat(result.rejectionReason()).isEqualTo("account closed");
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));

    // and finance ops can pay to another verified account with a new key
    PayoutResult retry =
        funds.payout(
            new PayoutCommand(
                caseId,
                new PayoutDestination("FR7630006000011234567890189", "LI WEI", "EUR", true),
                caseId + "/payout/2",
                ACTOR));
    assertThat(retry.status()).isEqualTo(PayoutResult.Status.PAID);
    assertThat(retry.amount()).isEqualTo(eur(60_000));
  }

  @Test
  void shouldPayNothingWhenNothingWasReleased() {
    // given frozen money that was not released
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(60_000)));

    // when
    PayoutResult result =
        funds.payout(new PayoutCommand(caseId, destination(), caseId + "/payout/1", ACTOR));

    // then
    assertThat(result.status()).isEqualTo(PayoutResult.Status.NOTHING_TO_PAY);
    assertThat(funds.balances(wallet).of(AccountKind.HELD, "EUR")).isEqualTo(eur(60_000));
  }

  @Test
  void shouldPayOnlyTheUndisputedPartWhenALegalHoldRemains() {
    // given 1,000.00 frozen, 300.00 of it under a legal hold, released
    String wallet = support.fundedWallet(HOLDER, eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(100_000)));
    funds.placeLegalHold(new LegalHoldCommand(caseId, eur(30_000), "police order 7", ACTOR));
    funds.release(new ReleaseCommand(caseId, caseId + "/release", ACTOR));

    // when
    PayoutResult result =
        funds.payout(new PayoutCommand(caseId, destination(), caseId + "/payout/1", ACTOR));

    // then
    assertThat(result.amount()).isEqualTo(eur(70_000));
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(Money.zero("EUR"));
    assertThat(balances.of(AccountKind.LEGAL_HOLD, "EUR")).isEqualTo(eur(30_000));
  }

  @Test
  void shouldPayOnceWhenTwoThreadsPayConcurrently() throws Exception {
    // given 10 released cases, each paid out by two threads at once: same key, then different keys
    for (int round = 0; round < 10; round++) {
      String wallet = support.fundedWallet(HOLDER, eur(100_000));
      String caseId = releasedCase(wallet, eur(60_000));
      String otherKey = caseId + (round % 2 == 0 ? "/payout/a" : "/payout/b");

      // when
      List<Object> outcomes =
          FundsReleaseIT.concurrently(
              () -> payoutOrRefusal(caseId, caseId + "/payout/a"),
              () -> payoutOrRefusal(caseId, otherKey));

      // then one payout moved money; the other replayed it, found nothing left, or was refused
      assertThat(outcomes)
          .filteredOn(
              o ->
                  o instanceof PayoutResult r
                      && r.status() == PayoutResult.Status.PAID
                      && !r.replayed())
          .hasSize(1);
      assertThat(outcomes)
          .allSatisfy(
              o ->
                  assertThat(
                          o instanceof PayoutResult
                              || ((FundsException) o).error() == FundsError.PAYOUT_IN_PROGRESS)
                      .isTrue());
      assertThat(
              support
                  .jdbc
                  .sql(
                      """
                      SELECT count(*) FROM redress.funds_gateway_payout WHERE case_id = :caseId
                      """)
                  .param("caseId", caseId)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
      assertThat(
              funds.events(caseId).stream()
                  .filter(e -> e.type() == FundsEvent.Type.PAYOUT_PAID)
                  .count())
          .isEqualTo(1);
    }
  }

  private Object payoutOrRefusal(String caseId, String key) {
    try {
      return funds.payout(new PayoutCommand(caseId, destination(), key, ACTOR));
    } catch (FundsException e) {
      return e;
    }
  }

  private String releasedCase(String wallet, Money frozen) {
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, frozen));
    funds.release(new ReleaseCommand(caseId, caseId + "/release", ACTOR));
    return caseId;
  }

  private static PayoutDestination destination() {
    return new PayoutDestination("DE89370400440532013000", HOLDER, "EUR", true);
  }

  private Money clearing() {
    return support.repository.platformBalance(AccountKind.PAYOUT_CLEARING, "EUR");
  }

  private PayoutGateway countingGateway(AtomicInteger calls) {
    return request -> {
      calls.incrementAndGet();
      return support.localGateway.pay(request);
    };
  }
}
