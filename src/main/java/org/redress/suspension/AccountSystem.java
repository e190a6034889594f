package org.redress.suspension;

import java.time.Instant;

/**
 * The platform's account system, where restrictions take effect. Every call is idempotent by case
 * id and measure type: workers may run twice (jobs are delivered at least once). Implementations:
 * {@link LocalAccountSystem} (tables in this database, the default) and {@link HttpAccountSystem}
 * ({@code redress.suspension.account-system=http}).
 */
public interface AccountSystem {

  /** Applies every measure of the case to the account. */
  void restrict(SuspensionCase suspensionCase);

  /** Lifts every measure of the case (overturn, R-EU-8). */
  void restore(SuspensionCase suspensionCase, String reason);

  /** Makes the case's restrictions end at {@code endsAt} (a lighter, modified decision). */
  void limit(SuspensionCase suspensionCase, Instant endsAt, String reason);

  /** True if the case has restrictions in force on the account. */
  boolean isRestricted(String accountId, String caseId);
}
