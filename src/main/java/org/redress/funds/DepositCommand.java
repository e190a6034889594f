package org.redress.funds;

import static org.redress.funds.Checks.requireText;

import java.util.Objects;
import org.redress.shared.Money;

/**
 * Credits a wallet's available balance from the platform. The local ledger needs it to hold the
 * wallet money at all; with a platform ledger the platform itself books deposits.
 *
 * @param reference the platform's reference of the deposit; a second deposit with the same
 *     reference is ignored
 */
public record DepositCommand(String walletId, Money amount, String reference, String actor) {

  public DepositCommand {
    requireText(walletId, "walletId");
    Objects.requireNonNull(amount, "amount").requirePositive("a deposit");
    requireText(reference, "reference");
    requireText(actor, "actor");
  }
}
