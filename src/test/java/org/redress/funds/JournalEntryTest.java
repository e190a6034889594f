package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.funds.JournalEntry.Line;
import org.redress.shared.Money;

class JournalEntryTest {

  @Test
  void shouldMoveAmountFromOneAccountToAnotherWhenTransferring() {
    // given 12.34 EUR

    // when
    JournalEntry entry =
        JournalEntry.transfer(JournalEntry.Kind.HOLD, "case-1", "freeze", 1, 2, eur(1234));

    // then
    assertThat(entry.lines()).containsExactly(new Line(1, eur(-1234)), new Line(2, eur(1234)));
  }

  @Test
  void shouldRefuseWhenLinesDoNotSumToZero() {
    // given lines that would create a cent
    List<Line> lines = List.of(new Line(1, eur(-1234)), new Line(2, eur(1235)));

    // when / then
    assertThatThrownBy(() -> new JournalEntry(JournalEntry.Kind.HOLD, "case-1", "bad", lines))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sum to zero per currency")
        .hasMessageContaining("0.01 EUR");
  }

  @Test
  void shouldRefuseWhenCurrenciesOffsetEachOther() {
    // given -100 EUR against +100 CNY: the numbers cancel, the money does not
    List<Line> lines = List.of(new Line(1, eur(-100)), new Line(2, Money.of(100, "CNY")));

    // when / then
    assertThatThrownBy(() -> new JournalEntry(JournalEntry.Kind.HOLD, null, "fx", lines))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldAcceptWhenEachCurrencyBalancesOnItsOwn() {
    // given two balanced pairs in two currencies
    List<Line> lines =
        List.of(
            new Line(1, eur(-100)),
            new Line(2, eur(100)),
            new Line(3, Money.of(-7, "CNY")),
            new Line(4, Money.of(7, "CNY")));

    // when
    JournalEntry entry = new JournalEntry(JournalEntry.Kind.VOID, null, "two currencies", lines);

    // then
    assertThat(entry.lines()).hasSize(4);
  }

  @Test
  void shouldRefuseWhenAnEntryHasOneLineOrAZeroLineOrANonPositiveTransfer() {
    // given degenerate entries

    // when / then
    assertThatThrownBy(
            () ->
                new JournalEntry(JournalEntry.Kind.HOLD, null, "one", List.of(new Line(1, eur(0)))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new JournalEntry(JournalEntry.Kind.HOLD, null, "one", List.of(new Line(1, eur(5)))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least two lines");
    assertThatThrownBy(
            () -> JournalEntry.transfer(JournalEntry.Kind.HOLD, null, "negative", 1, 2, eur(-5)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Money eur(long cents) {
    return Money.of(cents, "EUR");
  }
}
