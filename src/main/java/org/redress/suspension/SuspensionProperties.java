package org.redress.suspension;

import java.net.URI;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code redress.suspension.*}.
 *
 * @param appealWindow how long a user may appeal after being notified; at least six months (R-EU-5,
 *     DSA Art. 20(1)); configurable upward only
 * @param caseLinkValidity how long the case link in a notice works after the appeal deadline, so
 *     the user can still read the decision and the funds status
 * @param accountSystem LOCAL (tables in this database) or HTTP (the platform's API)
 */
@ConfigurationProperties("redress.suspension")
public record SuspensionProperties(
    @DefaultValue("P6M") Period appealWindow,
    @DefaultValue("P90D") Period caseLinkValidity,
    @DefaultValue("LOCAL") AccountSystemKind accountSystem,
    @DefaultValue Http http,
    @DefaultValue("30s") Duration processStartRetryAfter) {

  public SuspensionProperties {
    if (!atLeastSixMonths(appealWindow)) {
      throw new IllegalArgumentException(
          "Expected redress.suspension.appeal-window to be at least P6M (DSA Art. 20(1), R-EU-5),"
              + " but it is "
              + appealWindow);
    }
  }

  /** True if the window reaches six calendar months from any day of the year. */
  static boolean atLeastSixMonths(Period window) {
    for (int day = 0; day < 366; day++) {
      java.time.LocalDate from = java.time.LocalDate.of(2024, 1, 1).plusDays(day);
      if (from.plus(window).isBefore(from.plusMonths(6))) {
        return false;
      }
    }
    return true;
  }

  public enum AccountSystemKind {
    LOCAL,
    HTTP
  }

  /** The platform's account API for {@code account-system=http}. */
  public record Http(
      URI baseUrl,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout) {}
}
