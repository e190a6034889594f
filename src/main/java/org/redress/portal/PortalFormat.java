package org.redress.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as the pages show them, in the page's language and in UTC (the time zone the notices use),
 * so the page and the notice always name the same day.
 */
public final class PortalFormat {

  private final Locale locale;
  private final Clock clock;

  PortalFormat(Locale locale, Clock clock) {
    this.locale = locale;
    this.clock = clock;
  }

  public String date(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
            .withLocale(locale)
            .format(at.atZone(ZoneOffset.UTC));
  }

  public String dateTime(Instant at) {
    return at == null
        ? ""
        : date(at)
            + " "
            + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneOffset.UTC))
            + " UTC";
  }

  /** Whole days from now until then, rounded up; 0 once it has passed. */
  public long daysLeft(Instant until) {
    if (until == null) {
      return 0;
    }
    Duration left = Duration.between(clock.instant(), until);
    if (left.isNegative() || left.isZero()) {
      return 0;
    }
    return (left.toHours() + 23) / 24;
  }

  /** ISO-8601 for {@code <time datetime>}. */
  public String iso(Instant at) {
    return at == null ? "" : at.toString();
  }
}
