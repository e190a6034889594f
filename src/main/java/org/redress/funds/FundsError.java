package org.redress.funds;

/** Codes of the requests the funds module refuses ({@link FundsException#code()}). */
public enum FundsError {
  /** No wallet with that id was opened in the ledger. */
  WALLET_NOT_FOUND,
  /** A wallet was opened again with a different holder name. */
  WALLET_HOLDER_MISMATCH,
  /** The case has no funds record (nothing was ever frozen for it). */
  CASE_NOT_FOUND,
  /** The case already freezes another wallet. */
  CASE_WALLET_MISMATCH,
  HOLD_NOT_FOUND,
  /** The hold was already settled the other way (voided vs posted); a hold resolves once. */
  HOLD_ALREADY_RESOLVED,
  /** R-PAY-1: only the ordering authority lifts a legal hold, never this workflow. */
  LEGAL_HOLD_NOT_RELEASABLE,
  /** A payout's own hold moves with its payout only. */
  HOLD_MANAGED_BY_PAYOUT,
  /** The wallet's available balance does not cover the amount (no overdraft). */
  INSUFFICIENT_FUNDS,
  /** The idempotency key was used before for a different request. */
  IDEMPOTENCY_KEY_CONFLICT,
  /** R-PAY-3: payouts go to verified destinations only. */
  DESTINATION_NOT_VERIFIED,
  /** R-PAY-3, R-CN-6: payouts go to a destination in the wallet holder's own name only. */
  DESTINATION_NAME_MISMATCH,
  /**
   * R-PAY-4: a payout of this case and currency has an unknown outcome; resume it with its own key
   * instead of starting another.
   */
  PAYOUT_IN_PROGRESS
}
