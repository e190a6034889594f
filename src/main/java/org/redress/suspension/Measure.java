package org.redress.suspension;

import java.time.Instant;
import org.redress.shared.Money;

/**
 * One measure of a case with its scope and duration (R-EU-3), and for a MONETARY measure both what
 * the statement named and what the ledger actually froze (issue 8: notices state facts).
 *
 * @param endsAt null means indefinite
 * @param frozenRequested MONETARY only: the money the statement names to freeze, or null
 * @param legalHoldRequested the part of {@code frozenRequested} the statement says a legal order
 *     holds (R-PAY-1), or null
 * @param legalReference the legal order behind the legal hold, or null
 * @param frozen what {@code freeze-wallet} froze (workflow and legal holds): at most what the
 *     wallet held, zero when it held nothing of that currency; null until that step ran
 * @param legallyHeld the part of {@code frozen} under a legal hold, or null
 * @param frozenAt when {@code freeze-wallet} recorded its result, or null
 */
public record Measure(
    MeasureType type,
    String scope,
    String territorialScope,
    Instant startsAt,
    Instant endsAt,
    Money frozenRequested,
    Money legalHoldRequested,
    String legalReference,
    Money frozen,
    Money legallyHeld,
    Instant frozenAt) {

  public boolean indefinite() {
    return endsAt == null;
  }

  /** True for a MONETARY measure that names money to freeze. */
  public boolean freezesMoney() {
    return type == MeasureType.MONETARY && frozenRequested != null;
  }

  /** True once the freeze ran and froze less than the statement named. */
  public boolean frozenShort() {
    return frozen != null
        && frozenRequested != null
        && frozen.minorUnits() < frozenRequested.minorUnits();
  }
}
