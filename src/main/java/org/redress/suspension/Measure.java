package org.redress.suspension;

import java.time.Instant;
import org.redress.shared.Money;

/**
 * One measure of a case with its scope and duration (R-EU-3).
 *
 * @param endsAt null means indefinite
 * @param frozen for MONETARY measures, the money frozen (a part may be under legal hold)
 * @param legallyHeld the part of {@code frozen} under a legal hold (R-PAY-1), or null
 * @param legalReference the legal order behind {@code legallyHeld}, or null
 */
public record Measure(
    MeasureType type,
    String scope,
    String territorialScope,
    Instant startsAt,
    Instant endsAt,
    Money frozen,
    Money legallyHeld,
    String legalReference) {

  public boolean indefinite() {
    return endsAt == null;
  }
}
