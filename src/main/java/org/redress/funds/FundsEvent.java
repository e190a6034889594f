package org.redress.funds;

import java.time.Instant;
import org.redress.shared.Money;

/**
 * One audit event of the funds module (ARCHITECTURE.md section 6: every state change a user or
 * auditor may ask about leaves one). Append-only; the audit module will consolidate them.
 *
 * @param caseId the case, or null for wallet events (opening, deposits)
 * @param holdId the hold concerned, or null
 * @param amount the amount moved, or null
 * @param actor who caused it: a user, a reviewer or a system component
 * @param detail a short human-readable detail (destinations masked), or null
 * @param idempotencyKey the key of the request that caused it, or null
 */
public record FundsEvent(
    long id,
    String caseId,
    String walletId,
    Type type,
    Long holdId,
    Money amount,
    String actor,
    String detail,
    String idempotencyKey,
    Instant occurredAt) {

  public enum Type {
    WALLET_OPENED,
    DEPOSITED,
    FROZEN,
    LEGAL_HOLD_PLACED,
    HOLD_VOIDED,
    HOLD_POSTED,
    RELEASED,
    PAYOUT_REQUESTED,
    PAYOUT_PAID,
    PAYOUT_REJECTED,
    /** A payout to an unverified or foreign-name destination was refused (R-PAY-3). */
    PAYOUT_REFUSED
  }
}
