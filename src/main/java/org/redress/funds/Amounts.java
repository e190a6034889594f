package org.redress.funds;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.redress.shared.Money;

/** Per-currency arithmetic over several amounts; results are sorted by currency code. */
final class Amounts {

  private Amounts() {}

  /** The sum per currency; currencies that sum to zero are left out. */
  static List<Money> totals(Collection<Money> amounts) {
    return List.copyOf(byCurrency(amounts).values());
  }

  static Map<String, Money> byCurrency(Collection<Money> amounts) {
    Map<String, Money> totals = new TreeMap<>();
    for (Money amount : amounts) {
      totals.merge(amount.currency(), amount, Money::plus);
    }
    totals.values().removeIf(Money::isZero);
    return totals;
  }

  /** The amount in a currency, zero when the list has none. */
  static Money in(List<Money> amounts, String currency) {
    return amounts.stream()
        .filter(m -> m.currency().equals(currency))
        .reduce(Money.zero(currency), Money::plus);
  }
}
