package org.redress.funds;

/**
 * The ledger accounts. Each wallet has one account per kind and currency for the first four kinds;
 * the platform has one of each of the last two per currency. Wallet accounts never go below zero
 * (no overdraft, checked in code and by the database); the platform's funding account is the contra
 * side of deposits and is negative by design.
 */
public enum AccountKind {
  /** What the user may spend or withdraw. */
  AVAILABLE(true),
  /** Workflow holds (the platform's risk freeze of the appeal path), pending. */
  HELD(true),
  /** Legal holds (court, police, regulator), pending until the authority lifts them. */
  LEGAL_HOLD(true),
  /** Payouts requested from the gateway whose outcome is not recorded yet. */
  PAYOUT_PENDING(true),
  /** Platform: where deposits come from (the platform's side of the wallet money). */
  PLATFORM_FUNDING(false),
  /** Platform: money paid out to users, awaiting settlement with the payment provider. */
  PAYOUT_CLEARING(false);

  private final boolean walletAccount;

  AccountKind(boolean walletAccount) {
    this.walletAccount = walletAccount;
  }

  /** True for accounts that belong to a wallet (and may never be overdrawn). */
  public boolean isWalletAccount() {
    return walletAccount;
  }
}
