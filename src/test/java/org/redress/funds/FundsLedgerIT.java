package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.redress.funds.FundsTestSupport.ACTOR;
import static org.redress.funds.FundsTestSupport.eur;
import static org.redress.funds.FundsTestSupport.freeze;
import static org.redress.funds.FundsTestSupport.unique;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.shared.Money;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/** Freeze, void and post as two-phase ledger transfers, and the ledger's own guarantees. */
class FundsLedgerIT {

  private final FundsTestSupport support = new FundsTestSupport();
  private final FundsService funds = support.service();

  @Test
  void shouldMoveMoneyFromAvailableToHeldWhenFrozen() {
    // given a wallet with 1,000.00
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");

    // when 600.00 is frozen
    Hold hold = funds.freeze(freeze(caseId, wallet, eur(60_000)));

    // then
    assertThat(hold.state()).isEqualTo(Hold.State.PENDING);
    assertThat(hold.kind()).isEqualTo(Hold.Kind.WORKFLOW);
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(40_000));
    assertThat(balances.of(AccountKind.HELD, "EUR")).isEqualTo(eur(60_000));
    assertThat(funds.events(caseId))
        .extracting(FundsEvent::type, FundsEvent::amount, FundsEvent::actor)
        .containsExactly(tuple(FundsEvent.Type.FROZEN, eur(60_000), ACTOR));
  }

  @Test
  void shouldReturnMoneyToAvailableWhenHoldIsVoided() {
    // given a frozen 600.00
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    Hold hold = funds.freeze(freeze(unique("case"), wallet, eur(60_000)));

    // when
    Hold voided = funds.voidHold(hold.id(), ACTOR);

    // then
    assertThat(voided.state()).isEqualTo(Hold.State.VOIDED);
    assertThat(voided.resolvedAt()).isNotNull();
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
    assertThat(balances.of(AccountKind.HELD, "EUR")).isEqualTo(Money.zero("EUR"));
  }

  @Test
  void shouldMoveMoneyOutOfTheWalletWhenHoldIsPosted() {
    // given a frozen 250.00
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    Hold hold = funds.freeze(freeze(unique("case"), wallet, eur(25_000)));
    Money clearingBefore = support.repository.platformBalance(AccountKind.PAYOUT_CLEARING, "EUR");

    // when
    Hold posted = funds.postHold(hold.id(), ACTOR);

    // then
    assertThat(posted.state()).isEqualTo(Hold.State.POSTED);
    WalletBalances balances = funds.balances(wallet);
    assertThat(balances.of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(75_000));
    assertThat(balances.of(AccountKind.HELD, "EUR")).isEqualTo(Money.zero("EUR"));
    assertThat(support.repository.platformBalance(AccountKind.PAYOUT_CLEARING, "EUR"))
        .isEqualTo(clearingBefore.plus(eur(25_000)));
  }

  @Test
  void shouldResolveAHoldOnlyOnceWhenVoidedAgainOrPostedAfterwards() {
    // given a voided hold
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    Hold hold = funds.freeze(freeze(unique("case"), wallet, eur(60_000)));
    funds.voidHold(hold.id(), ACTOR);

    // when voided again, then posted
    Hold again = funds.voidHold(hold.id(), ACTOR);

    // then the second void changes nothing and posting is refused
    assertThat(again.state()).isEqualTo(Hold.State.VOIDED);
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(100_000));
    assertThatThrownBy(() -> funds.postHold(hold.id(), ACTOR))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.HOLD_ALREADY_RESOLVED));
  }

  @Test
  void shouldReturnTheFirstHoldWhenFreezeIsRepeatedWithItsKey() {
    // given a freeze (a job delivered twice)
    String wallet = support.fundedWallet("Li Wei", eur(100_000));
    String caseId = unique("case");
    Hold first = funds.freeze(freeze(caseId, wallet, eur(60_000)));

    // when
    Hold second = funds.freeze(freeze(caseId, wallet, eur(60_000)));

    // then
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(funds.balances(wallet).of(AccountKind.HELD, "EUR")).isEqualTo(eur(60_000));
    assertThatThrownBy(() -> funds.freeze(freeze(caseId, wallet, eur(1))))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.IDEMPOTENCY_KEY_CONFLICT));
  }

  @Test
  void shouldRefuseWhenFreezeExceedsTheAvailableBalance() {
    // given 100.00 available
    String wallet = support.fundedWallet("Li Wei", eur(10_000));
    String caseId = unique("case");

    // when / then
    assertThatThrownBy(() -> funds.freeze(freeze(caseId, wallet, eur(10_001))))
        .isInstanceOfSatisfying(
            FundsException.class,
            e -> assertThat(e.error()).isEqualTo(FundsError.INSUFFICIENT_FUNDS));
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(10_000));
    assertThat(funds.holds(caseId)).isEmpty();
  }

  @Test
  void shouldRecordReviewDateWhenGiven() {
    // given
    String wallet = support.fundedWallet("Li Wei", eur(10_000));
    Instant reviewAt = Instant.parse("2027-01-31T00:00:00Z");
    String caseId = unique("case");

    // when
    Hold hold =
        funds.freeze(
            new FreezeCommand(caseId, wallet, eur(5_000), "risk", caseId + "/f", ACTOR, reviewAt));

    // then
    assertThat(hold.reviewAt()).isEqualTo(reviewAt);
  }

  @Test
  void shouldRejectAnUnbalancedEntryWhenWrittenPastTheCode() {
    // given two accounts of a wallet
    String wallet = support.fundedWallet("Li Wei", eur(10_000));
    long available = support.repository.account(wallet, AccountKind.AVAILABLE, "EUR");
    long held = support.repository.account(wallet, AccountKind.HELD, "EUR");
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(FundsTestSupport.dataSource()));

    // when an entry that creates one cent is committed with plain SQL
    // then the deferred constraint trigger refuses it at commit
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      long entry = insertEntry();
                      insertLine(entry, 1, available, -100);
                      insertLine(entry, 2, held, 101);
                    }))
        .isInstanceOf(TransactionSystemException.class)
        .rootCause()
        .hasMessageContaining("sum to zero per currency");
    assertThat(funds.balances(wallet).of(AccountKind.AVAILABLE, "EUR")).isEqualTo(eur(10_000));
  }

  @Test
  void shouldRejectAnOverdraftWhenWrittenPastTheCode() {
    // given 100.00 available
    String wallet = support.fundedWallet("Li Wei", eur(10_000));
    long available = support.repository.account(wallet, AccountKind.AVAILABLE, "EUR");
    long held = support.repository.account(wallet, AccountKind.HELD, "EUR");
    TransactionTemplate tx =
        new TransactionTemplate(new DataSourceTransactionManager(FundsTestSupport.dataSource()));

    // when a balanced entry moves 100.01 out of it
    // then the database refuses it
    assertThatThrownBy(
            () ->
                tx.executeWithoutResult(
                    status -> {
                      long entry = insertEntry();
                      insertLine(entry, 1, available, -10_001);
                      insertLine(entry, 2, held, 10_001);
                    }))
        .isInstanceOf(TransactionSystemException.class)
        .rootCause()
        .hasMessageContaining("not to be overdrawn");
  }

  @Test
  void shouldRefuseUpdatesWhenLedgerRowsOrResolvedHoldsAreChanged() {
    // given a frozen and voided hold
    String wallet = support.fundedWallet("Li Wei", eur(10_000));
    String caseId = unique("case");
    Hold hold = funds.freeze(freeze(caseId, wallet, eur(5_000)));
    funds.voidHold(hold.id(), ACTOR);

    // when / then the ledger is append-only and a hold resolves once
    assertThatThrownBy(
            () ->
                support
                    .jdbc
                    .sql(
                        """
                        UPDATE redress.funds_entry_line SET amount_minor = 1
                         WHERE entry_id = (SELECT pending_entry_id FROM redress.funds_hold
                                            WHERE id = :id)
                        """)
                    .param("id", hold.id())
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                support
                    .jdbc
                    .sql("DELETE FROM redress.funds_entry WHERE case_id = :caseId")
                    .param("caseId", caseId)
                    .update())
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () ->
                support
                    .jdbc
                    .sql("UPDATE redress.funds_hold SET state = 'PENDING' WHERE id = :id")
                    .param("id", hold.id())
                    .update())
        .hasMessageContaining("resolve once");
    assertThatThrownBy(
            () ->
                support
                    .jdbc
                    .sql("DELETE FROM redress.funds_event WHERE case_id = :caseId")
                    .param("caseId", caseId)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldStoreEveryAmountAsIntegerWhenSchemaIsInspected() {
    // given the funds tables

    // when
    List<Map<String, Object>> columns =
        support
            .jdbc
            .sql(
                """
                SELECT table_name, column_name, data_type FROM information_schema.columns
                 WHERE table_schema = 'redress' AND table_name LIKE 'funds\\_%'
                """)
            .query()
            .listOfRows();

    // then amounts are bigint minor units, and no column is floating point or decimal
    assertThat(columns).isNotEmpty();
    assertThat(columns)
        .filteredOn(c -> c.get("column_name").toString().contains("amount"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.get("data_type")).isEqualTo("bigint"));
    assertThat(columns)
        .extracting(c -> c.get("data_type").toString())
        .doesNotContain("real", "double precision", "numeric", "money");
  }

  private long insertEntry() {
    return support
        .jdbc
        .sql(
            """
            INSERT INTO redress.funds_entry (kind, description, created_at)
            VALUES ('HOLD', 'raw', now()) RETURNING id
            """)
        .query(Long.class)
        .single();
  }

  private void insertLine(long entry, int lineNo, long account, long amount) {
    support
        .jdbc
        .sql(
            """
            INSERT INTO redress.funds_entry_line (entry_id, line_no, account_id, currency, amount_minor)
            VALUES (:entry, :lineNo, :account, 'EUR', :amount)
            """)
        .param("entry", entry)
        .param("lineNo", lineNo)
        .param("account", account)
        .param("amount", amount)
        .update();
  }
}
