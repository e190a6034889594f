package org.redress.funds;

import static org.redress.funds.Checks.requireText;

import java.time.Instant;
import java.util.Objects;
import org.redress.shared.Money;

/**
 * Freezes part or all of a wallet's available money for a case (a workflow hold, R-PAY-2).
 *
 * @param walletId the user's wallet on the platform
 * @param reason why, in words a user and an auditor understand
 * @param idempotencyKey the same key returns the same hold instead of freezing twice
 * @param reviewAt when the hold must be reviewed at the latest, or null (R-PAY-2, R-PAY-7)
 */
public record FreezeCommand(
    String caseId,
    String walletId,
    Money amount,
    String reason,
    String idempotencyKey,
    String actor,
    Instant reviewAt) {

  public FreezeCommand {
    requireText(caseId, "caseId");
    requireText(walletId, "walletId");
    Objects.requireNonNull(amount, "amount").requirePositive("a frozen amount");
    requireText(reason, "reason");
    requireText(idempotencyKey, "idempotencyKey");
    requireText(actor, "actor");
  }
}
