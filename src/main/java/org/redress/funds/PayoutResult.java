package org.redress.funds;

import java.util.Optional;
import org.redress.shared.Money;

/**
 * The outcome of a payout. A rejection by the gateway is a business outcome, not an exception:
 * {@link #errorCode()} is then {@value #PAYOUT_REJECTED}, which the workflow maps to a BPMN error
 * (house rule 4). Transient failures throw instead, and a retry with the same key resumes.
 *
 * @param payoutId the stored payout, or null when there was nothing to pay
 * @param amount the amount paid or attempted, or null when there was nothing to pay
 * @param gatewayReference the gateway's reference of a paid payout, or null
 * @param rejectionReason the gateway's reason for a rejection, or null
 * @param replayed true when the key had been used and this is the stored outcome
 */
public record PayoutResult(
    Status status,
    Long payoutId,
    String caseId,
    String idempotencyKey,
    Money amount,
    String gatewayReference,
    String rejectionReason,
    boolean replayed) {

  /** BPMN error code of a payout the gateway rejected. */
  public static final String PAYOUT_REJECTED = "PAYOUT_REJECTED";

  public enum Status {
    PAID,
    REJECTED,
    /** No released money of the currency is left to pay out (all paid, or none released). */
    NOTHING_TO_PAY
  }

  /** {@value #PAYOUT_REJECTED} for a rejected payout, empty otherwise. */
  public Optional<String> errorCode() {
    return status == Status.REJECTED ? Optional.of(PAYOUT_REJECTED) : Optional.empty();
  }
}
