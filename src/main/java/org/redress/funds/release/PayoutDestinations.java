package org.redress.funds.release;

import java.util.Optional;
import org.redress.funds.PayoutDestination;

/**
 * Where the platform can pay a user's money out: the destination it verified in the holder's own
 * name (R-PAY-3). Implementations: a local table (default) or the platform's HTTP API.
 */
public interface PayoutDestinations {

  /** The destination for the account in that currency, if the platform has one. */
  Optional<PayoutDestination> of(String accountId, String currency);
}
