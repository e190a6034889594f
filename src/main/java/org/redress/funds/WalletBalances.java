package org.redress.funds;

import java.util.List;
import org.redress.shared.Money;

/**
 * A wallet's balances, each the sum of its ledger lines (no stored balance, R-PAY-2).
 *
 * @param balances one entry per account kind and currency that has any lines
 */
public record WalletBalances(String walletId, List<Balance> balances) {

  public WalletBalances {
    balances = List.copyOf(balances);
  }

  public record Balance(AccountKind account, Money amount) {}

  /** The balance of one account kind in one currency (zero if it has no lines). */
  public Money of(AccountKind account, String currency) {
    return balances.stream()
        .filter(b -> b.account() == account && b.amount().currency().equals(currency))
        .map(Balance::amount)
        .findFirst()
        .orElse(Money.zero(currency));
  }
}
