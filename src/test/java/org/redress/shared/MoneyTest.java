package org.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void shouldAddExactlyWhenDecimalFractionsWouldNotBeExactInFloatingPoint() {
    // given 0.10 and 0.20, whose double sum is 0.30000000000000004
    Money tenCents = Money.parse("0.10", "EUR");
    Money twentyCents = Money.parse("0.20", "EUR");

    // when
    Money sum = tenCents.plus(twentyCents);

    // then
    assertThat(sum).isEqualTo(Money.of(30, "EUR"));
    assertThat(sum.toMajorUnits()).isEqualByComparingTo(new BigDecimal("0.30"));
    assertThat(sum).hasToString("0.30 EUR");
  }

  @Test
  void shouldHoldOnlyIntegerMinorUnitsWhenInspected() {
    // given the record's components

    // when
    Class<?>[] types =
        Arrays.stream(Money.class.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);

    // then no float, double or BigDecimal inside: a long and a currency code
    assertThat(types).containsExactly(long.class, String.class);
  }

  @Test
  void shouldUseTheCurrencysMinorUnitWhenParsing() {
    // given currencies with 2, 0 and 3 fraction digits

    // when / then
    assertThat(Money.parse("12.34", "CNY").minorUnits()).isEqualTo(1234);
    assertThat(Money.parse("500", "JPY").minorUnits()).isEqualTo(500);
    assertThat(Money.parse("1.005", "BHD").minorUnits()).isEqualTo(1005);
    assertThat(Money.parse("7.50", "EUR")).hasToString("7.50 EUR");
  }

  @Test
  void shouldRefuseWhenMoreFractionDigitsThanTheCurrencyHas() {
    // given an amount that would have to be rounded

    // when / then
    assertThatThrownBy(() -> Money.parse("12.345", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most 2 fraction digits");
    assertThatThrownBy(() -> Money.parse("1.5", "JPY"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.parse("twelve", "EUR"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRefuseWhenCurrencyIsNotAnUpperCaseIsoCode() {
    // given codes that are lower-case, too long or unknown

    // when / then
    assertThatThrownBy(() -> Money.of(1, "eur")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(1, "EURO")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.of(1, "ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not one");
    assertThatThrownBy(() -> Money.of(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void shouldRefuseWhenCurrenciesDiffer() {
    // given euros and yuan
    Money euros = Money.of(100, "EUR");
    Money yuan = Money.of(100, "CNY");

    // when / then
    assertThatThrownBy(() -> euros.plus(yuan))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one currency");
    assertThatThrownBy(() -> euros.minus(yuan)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> euros.isAtLeast(yuan)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> euros.min(yuan)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldThrowInsteadOfWrappingWhenArithmeticOverflows() {
    // given the largest amount
    Money largest = Money.of(Long.MAX_VALUE, "EUR");

    // when / then
    assertThatThrownBy(() -> largest.plus(Money.of(1, "EUR")))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.of(Long.MIN_VALUE, "EUR").negate())
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.parse("1e30", "EUR"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void shouldCompareAndSignWhenAmountsDiffer() {
    // given
    Money five = Money.of(500, "EUR");
    Money three = Money.of(300, "EUR");

    // when / then
    assertThat(five.minus(three)).isEqualTo(Money.of(200, "EUR"));
    assertThat(three.minus(five).isNegative()).isTrue();
    assertThat(three.minus(five)).hasToString("-2.00 EUR");
    assertThat(five.min(three)).isEqualTo(three);
    assertThat(five.max(three)).isEqualTo(five);
    assertThat(five.isAtLeast(three)).isTrue();
    assertThat(three.isAtLeast(five)).isFalse();
    assertThat(Money.zero("EUR").isZero()).isTrue();
    assertThatThrownBy(() -> Money.zero("EUR").requirePositive("a freeze"))
        .hasMessageContaining("Expected a freeze to be positive");
  }
}
