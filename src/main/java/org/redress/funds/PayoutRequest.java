package org.redress.funds;

import org.redress.shared.Money;

/**
 * One payout as the gateway sees it.
 *
 * @param idempotencyKey stored by Redress before the first call and sent on every retry (R-PAY-4)
 * @param caseId Redress's reference, for the provider's statement and reconciliation (R-PAY-6)
 */
public record PayoutRequest(
    String idempotencyKey,
    String caseId,
    String destinationReference,
    String holderName,
    Money amount) {}
