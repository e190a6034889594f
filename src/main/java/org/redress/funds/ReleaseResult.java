package org.redress.funds;

import java.util.List;
import org.redress.shared.Money;

/**
 * The outcome of one release.
 *
 * @param released what this release returned to the wallet's available balance, per currency
 * @param legallyHeld what stays under legal holds, per currency (R-PAY-1)
 * @param replayed true when the idempotency key had been used: nothing moved this time
 */
public record ReleaseResult(
    long releaseId,
    String caseId,
    String idempotencyKey,
    List<Money> released,
    List<Money> legallyHeld,
    boolean replayed) {

  public ReleaseResult {
    released = List.copyOf(released);
    legallyHeld = List.copyOf(legallyHeld);
  }
}
