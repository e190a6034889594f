package org.redress.funds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.shared.Money;

class ReleasableAssessmentTest {

  @Test
  void shouldSubtractLegalHoldsFromFrozenWhenBothExist() {
    // given 1,000.00 frozen in two holds, 300.00 of it under a legal hold
    List<Money> frozen = List.of(eur(70_000), eur(30_000));
    List<Money> legal = List.of(eur(30_000));

    // when
    ReleasableAssessment assessment = ReleasableAssessment.of("case-1", frozen, legal);

    // then
    assertThat(assessment.frozen()).containsExactly(eur(100_000));
    assertThat(assessment.legallyHeld()).containsExactly(eur(30_000));
    assertThat(assessment.releasable()).containsExactly(eur(70_000));
    assertThat(assessment.releasable("EUR")).isEqualTo(eur(70_000));
  }

  @Test
  void shouldReleaseNothingAndNeverGoNegativeWhenLegalHoldsExceedFrozen() {
    // given a legal order larger than what is frozen
    List<Money> frozen = List.of(eur(10_000));
    List<Money> legal = List.of(eur(25_000));

    // when
    ReleasableAssessment assessment = ReleasableAssessment.of("case-1", frozen, legal);

    // then
    assertThat(assessment.releasable()).isEmpty();
    assertThat(assessment.releasable("EUR")).isEqualTo(Money.zero("EUR"));
  }

  @Test
  void shouldKeepCurrenciesApartWhenSeveralAreFrozen() {
    // given yuan and euros frozen, a legal hold in yuan only
    List<Money> frozen = List.of(eur(5_000), cny(80_000), cny(20_000));
    List<Money> legal = List.of(cny(60_000));

    // when
    ReleasableAssessment assessment = ReleasableAssessment.of("case-1", frozen, legal);

    // then sorted by currency code
    assertThat(assessment.frozen()).containsExactly(cny(100_000), eur(5_000));
    assertThat(assessment.releasable()).containsExactly(cny(40_000), eur(5_000));
  }

  @Test
  void shouldReleaseNothingWhenNothingIsFrozen() {
    // given no holds

    // when
    ReleasableAssessment assessment = ReleasableAssessment.of("case-1", List.of(), List.of());

    // then
    assertThat(assessment.frozen()).isEmpty();
    assertThat(assessment.releasable()).isEmpty();
  }

  @Test
  void shouldSumPerCurrencyAndDropZerosWhenTotalling() {
    // given signed amounts such as a balance's lines
    List<Money> lines = List.of(eur(10_000), eur(-4_000), cny(500), cny(-500));

    // when
    List<Money> totals = Amounts.totals(lines);

    // then
    assertThat(totals).containsExactly(eur(6_000));
    assertThat(Amounts.in(totals, "CNY")).isEqualTo(Money.zero("CNY"));
  }

  private static Money eur(long cents) {
    return Money.of(cents, "EUR");
  }

  private static Money cny(long fen) {
    return Money.of(fen, "CNY");
  }
}
