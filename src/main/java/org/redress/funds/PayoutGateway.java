package org.redress.funds;

/**
 * The platform's payment provider, which moves money out to a user's bank account (adapter,
 * ARCHITECTURE.md section 3). Chosen by {@code redress.funds.payout-gateway}: {@code local} (the
 * default, records payouts in a table) or {@code http}.
 *
 * <p>Contract (R-PAY-4): idempotent by {@link PayoutRequest#idempotencyKey()}; a second call with
 * the same key returns the first outcome and moves no money. A business refusal is returned as
 * {@link PayoutOutcome.Rejected}; a transient failure or an unknown outcome throws (for example
 * {@link PayoutGatewayException}), and the caller retries with the same key.
 */
public interface PayoutGateway {

  PayoutOutcome pay(PayoutRequest request);
}
