package org.redress.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: a whole number of the currency's minor units (cents, fen) and an ISO 4217
 * currency code. There is deliberately no floating-point way in or out: amounts are exact, sums
 * overflow loudly instead of wrapping, and two currencies never mix silently (ARCHITECTURE.md
 * section 6).
 *
 * <p>The sign is free, because ledger lines are signed; operations that need a positive amount (a
 * freeze, a payout) check it themselves with {@link #requirePositive(String)}.
 *
 * @param minorUnits the amount in minor units, e.g. 1234 for EUR 12.34
 * @param currency the upper-case ISO 4217 code, e.g. {@code EUR}, {@code CNY}
 */
public record Money(long minorUnits, String currency) {

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  public Money {
    Objects.requireNonNull(currency, "currency");
    if (!CURRENCY_CODE.matcher(currency).matches()) {
      throw new IllegalArgumentException(
          "Expected an upper-case ISO 4217 currency code such as EUR, but was '" + currency + "'");
    }
    try {
      Currency.getInstance(currency);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Expected an ISO 4217 currency code, but '" + currency + "' is not one", e);
    }
  }

  public static Money of(long minorUnits, String currency) {
    return new Money(minorUnits, currency);
  }

  public static Money zero(String currency) {
    return new Money(0, currency);
  }

  /**
   * Reads a decimal amount in major units ({@code "12.34"} EUR = 1234 minor units) exactly; more
   * fraction digits than the currency has is an error, never a rounding.
   */
  public static Money parse(String decimal, String currency) {
    Objects.requireNonNull(decimal, "decimal");
    int digits = fractionDigits(currency);
    BigDecimal major;
    try {
      major = new BigDecimal(decimal.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Expected a decimal amount such as 12.34, but was '" + decimal + "'", e);
    }
    if (major.stripTrailingZeros().scale() > digits) {
      throw new IllegalArgumentException(
          "Expected at most "
              + digits
              + " fraction digits for "
              + currency
              + ", but was '"
              + decimal
              + "'");
    }
    try {
      return new Money(major.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("Amount '" + decimal + "' is out of range", e);
    }
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
  }

  public Money negate() {
    return new Money(Math.negateExact(minorUnits), currency);
  }

  /** The smaller of the two amounts (same currency). */
  public Money min(Money other) {
    requireSameCurrency(other);
    return minorUnits <= other.minorUnits ? this : other;
  }

  /** The larger of the two amounts (same currency). */
  public Money max(Money other) {
    requireSameCurrency(other);
    return minorUnits >= other.minorUnits ? this : other;
  }

  public boolean isZero() {
    return minorUnits == 0;
  }

  public boolean isPositive() {
    return minorUnits > 0;
  }

  public boolean isNegative() {
    return minorUnits < 0;
  }

  /** True if this amount is at least {@code other} (same currency). */
  public boolean isAtLeast(Money other) {
    requireSameCurrency(other);
    return minorUnits >= other.minorUnits;
  }

  /** This amount if it is greater than zero; otherwise an exception naming {@code what}. */
  public Money requirePositive(String what) {
    if (!isPositive()) {
      throw new IllegalArgumentException("Expected " + what + " to be positive, but was " + this);
    }
    return this;
  }

  /** The amount in major units as an exact decimal, e.g. {@code 12.34} (for display only). */
  public BigDecimal toMajorUnits() {
    return BigDecimal.valueOf(minorUnits, fractionDigits(currency));
  }

  /** {@code "12.34 EUR"}: exact, in major units. */
  @Override
  public String toString() {
    return toMajorUnits().toPlainString() + " " + currency;
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Expected amounts in one currency, but got " + this + " and " + other);
    }
  }

  private static int fractionDigits(String currency) {
    // Pseudo-currencies such as XAU have no minor unit (-1): count them in whole units.
    String validated = new Money(0, currency).currency;
    return Math.max(0, Currency.getInstance(validated).getDefaultFractionDigits());
  }
}
