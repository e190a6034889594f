package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.redress.funds.FundsTestSupport.ACTOR;
import static org.redress.funds.FundsTestSupport.eur;
import static org.redress.funds.FundsTestSupport.freeze;
import static org.redress.funds.FundsTestSupport.unique;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.redress.shared.Money;

/** R-PAY-1, R-PAY-3, R-PAY-7: release exactly once, legal holds untouched. */
class FundsReleaseIT {

  private final FundsTestSupport support = new FundsTestSupport();
  private final FundsService funds = support.service();

  @Test
  void shouldReleaseEverythingFrozenWhenNoLegalHoldExists() {
    // given 600.00 frozen of 1,000.00
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(60_000)));

    // when
    ReleaseResult result = funds.release(new ReleaseCommand(caseId, caseId + "/release", ACTOR));

    // then
    assertThat(result.released()).containsExactly(eur(60_000));
    assertThat(result.legallyHeld()).isEmpty();
    assertThat(result.replayed()).isFalse();
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
    assertThat(funds.assessReleasable(caseId).frozen()).isEmpty();
    assertThat(funds.events(caseId))
        .extracting(FundsEvent::type)
        .containsExactly(
            FundsEvent.Type.FROZEN, FundsEvent.Type.HOLD_VOIDED, FundsEvent.Type.RELEASED);
  }

  @Test
  void shouldReleaseOnlyOnceWhenCalledTwiceWithTheSameKey() {
    // given a released case whose worker runs again (at-least-once delivery, or a crash after
    // the commit)
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(60_000)));
    ReleaseCommand command = new ReleaseCommand(caseId, caseId + "/release/v1", ACTOR);
    ReleaseResult first = funds.release(command);

    // when
    ReleaseResult second = funds.release(command);

    // then the stored result comes back and no money moves
    assertThat(second.replayed()).isTrue();
    assertThat(second.releaseId()).isEqualTo(first.releaseId());
    assertThat(second.released()).containsExactly(eur(60_000));
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
    assertThat(funds.events(caseId))
        .filteredOn(e -> e.type() == FundsEvent.Type.RELEASED)
        .hasSize(1);
  }

  @Test
  void shouldReleaseNothingMoreWhenCalledAgainWithAnotherKey() {
    // given a released case
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(60_000)));
    funds.release(new ReleaseCommand(caseId, caseId + "/release/v1", ACTOR));

    // when a second decision releases again
    ReleaseResult second = funds.release(new ReleaseCommand(caseId, caseId + "/release/v2", ACTOR));

    // then
    assertThat(second.replayed()).isFalse();
    assertThat(second.released()).isEmpty();
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
  }

  @Test
  void shouldReleaseOnceWhenTwoThreadsReleaseConcurrently() throws Exception {
    // given 10 cases, each released by two threads at once: same key, then different keys
    for (int round = 0; round < 10; round++) {
      String wallet = support.fundedWallet("Li Wei", eur(100_000));
      String caseId = unique("case");
      funds.freeze(freeze(caseId, wallet, eur(60_000)));
      boolean sameKey = round % 2 == 0;

      // when
      List<ReleaseResult> results =
          concurrently(
              () -> funds.release(new ReleaseCommand(caseId, caseId + "/release/a", ACTOR)),
              () ->
                  funds.release(
                      new ReleaseCommand(
                          caseId, caseId + (sameKey ? "/release/a" : "/release/b"), ACTOR)));

      // then exactly one of them released, and the money moved once
      assertThat(results)
          .filteredOn(r -> !r.released().isEmpty() && !r.replayed())
          .as("releases that moved money")
          .hasSize(1);
      assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
      assertThat(funds.balances(wallet).of(AccountKind.HELD, "EUR")).isEqualTo(Money.zero("EUR"));
      assertThat(funds.events(caseId))
          .filteredOn(e -> e.type() == FundsEvent.Type.RELEASED)
          .hasSize(1);
    }
  }

  @Test
  void shouldKeepTheLegalHoldPartHeldWhenReleasing() {
    // given 1,000.00 frozen by the workflow, then a police order over 300.00 of it
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(100_000)));
    Hold legal =
        funds.placeLegalHold(
            new LegalHoldCommand(caseId, eur(30_000), "police order 2026-117", ACTOR));

    // when the assessment is made and the case released
    ReleasableAssessment assessment = funds.assessReleasable(caseId);
    ReleaseResult result = funds.release(new ReleaseCommand(caseId, caseId + "/release", ACTOR));

    // then the undisputed 700.00 is available at once and the 300.00 stays under the legal hold
    assertThat(assessment.frozen()).containsExactly(eur(100_000));
    assertThat(assessment.legallyHeld()).containsExactly(eur(30_000));
    assertThat(assessment.releasable()).containsExactly(eur(70_000));
    assertThat(result.released()).containsExactly(eur(70_000));
    assertThat(result.legallyHeld()).containsExactly(eur(30_000));
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(70_000));
    assertThat(balances.of(AccountKind.LEGAL_HOLD, "EUR")).isEqualTo(eur(30_000));
    assertThat(balances.of(AccountKind.HELD, "EUR")).isEqualTo(Money.zero("EUR"));
    assertThat(funds.holds(caseId))
        .filteredOn(h -> h.id() == legal.id())
        .singleElement()
        .satisfies(h -> assertThat(h.state()).isEqualTo(Hold.State.PENDING));
  }

  @Test
  void shouldTakeTheLegalHoldFromAvailableWhenFrozenMoneyDoesNotCoverIt() {
    // given 200.00 frozen of 1,000.00 and a court order over 500.00
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(20_000)));

    // when
    funds.placeLegalHold(new LegalHoldCommand(caseId, eur(50_000), "court 3 C 12/26", ACTOR));
    ReleasableAssessment assessment = funds.assessReleasable(caseId);

    // then the legal hold covers the frozen 200.00 and 300.00 more; nothing is releasable
    assertThat(assessment.frozen()).containsExactly(eur(50_000));
    assertThat(assessment.releasable()).isEmpty();
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(50_000));
    assertThat(balances.of(AccountKind.LEGAL_HOLD, "EUR")).isEqualTo(eur(50_000));
  }

  @Test
  void shouldRefuseToVoidOrPostWhenTheHoldIsLegal() {
    // given a legal hold
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(10_000)));
    Hold legal = funds.placeLegalHold(new LegalHoldCommand(caseId, eur(10_000), "AML-55", ACTOR));

    // when / then
    assertThatThrownBy(() -> funds.voidHold(legal.id(), ACTOR))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.LEGAL_HOLD_NOT_RELEASABLE));
    assertThatThrownBy(() -> funds.postHold(legal.id(), ACTOR))
        .isInstanceOfSatisfying(
            FundsException.class, e -> assertThat(e.code()).isEqualTo("LEGAL_HOLD_NOT_RELEASABLE"));
    // and the database refuses it too
    assertThatThrownBy(
            () ->
                support
                    .jdbc
                    .sql(
                        """
                        UPDATE redress.funds_hold SET state = 'VOIDED', resolved_at = now(),
                               resolving_entry_id = pending_entry_id
                         WHERE id = :id
                        """)
                    .param("id", legal.id())
                    .update())
        .isInstanceOf(org.springframework.dao.DataAccessException.class);
    assertThat(funds.balances(wallet).of(AccountKind.LEGAL_HOLD, "EUR")).isEqualTo(eur(10_000));
  }

  @Test
  void shouldPlaceALegalHoldOnceWhenRepeatedWithItsReference() {
    // given
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    funds.freeze(freeze(caseId, wallet, eur(100_000)));
    LegalHoldCommand order = new LegalHoldCommand(caseId, eur(30_000), "police order 9", ACTOR);
    Hold first = funds.placeLegalHold(order);

    // when
    Hold second = funds.placeLegalHold(order);

    // then
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(funds.assessReleasable(caseId).legallyHeld()).containsExactly(eur(30_000));
  }

  @Test
  void shouldRefuseWhenReleasingACaseWithNothingFrozen() {
    // given an unknown case

    // when / then
    assertThatThrownBy(() -> funds.release(new ReleaseCommand(unique("case"), "k", ACTOR)))
        .isInstanceOfSatisfying(
            FundsException.class, e -> assertThat(e.error()).isEqualTo(FundsError.CASE_NOT_FOUND));
  }

  @SafeVarargs
  static <T> List<T> concurrently(Callable<T>... calls) throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(calls.length);
    try {
      CyclicBarrier start = new CyclicBarrier(calls.length);
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> call : calls) {
        futures.add(
            executor.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return call.call();
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      executor.shutdownNow();
    }
  }
}
