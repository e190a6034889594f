package org.redress.funds;

import java.time.Instant;
import org.redress.shared.Money;

/**
 * A two-phase ledger transfer (R-PAY-2): created PENDING by a journal entry that moves the amount
 * from the wallet's available account to the account of its kind, then resolved at most once,
 * either VOIDED (moved back to available) or POSTED (moved on to payout clearing).
 *
 * @param reason why the money is held; for a legal hold the legal ground reference
 * @param reviewAt when the hold must be reviewed at the latest (R-PAY-2), or null
 * @param resolvedAt when it was voided or posted, or null while pending
 */
public record Hold(
    long id,
    String caseId,
    Kind kind,
    Money amount,
    String reason,
    State state,
    Instant reviewAt,
    Instant createdAt,
    Instant resolvedAt) {

  /** R-PAY-1: hold types are distinguished; each kind has its own ledger account. */
  public enum Kind {
    /** The appeal workflow's freeze; released by {@link FundsService#release}. */
    WORKFLOW(AccountKind.HELD),
    /** Ordered by an authority; nothing in this workflow voids or posts it. */
    LEGAL(AccountKind.LEGAL_HOLD),
    /** The money of one payout while the gateway call is under way. */
    PAYOUT(AccountKind.PAYOUT_PENDING);

    private final AccountKind account;

    Kind(AccountKind account) {
      this.account = account;
    }

    /** The wallet account that holds the money of a pending hold of this kind. */
    public AccountKind account() {
      return account;
    }
  }

  public enum State {
    PENDING,
    VOIDED,
    POSTED
  }

  public boolean isPending() {
    return state == State.PENDING;
  }
}
