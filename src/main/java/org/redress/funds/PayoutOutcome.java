package org.redress.funds;

/**
 * What the gateway answered to a payout: accepted with its reference, or rejected with a reason.
 */
public sealed interface PayoutOutcome {

  record Accepted(String gatewayReference) implements PayoutOutcome {}

  /** A business refusal (closed account, name check failed at the bank, limits); not transient. */
  record Rejected(String reason) implements PayoutOutcome {}
}
