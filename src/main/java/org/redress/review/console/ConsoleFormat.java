package org.redress.review.console;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as the reviewer pages show them: in the page's language and in UTC, the zone of the notices
 * and of the forms' date fields, so a page, a notice and a form name the same moment.
 */
public final class ConsoleFormat {

  private final Locale locale;
  private final Clock clock;

  ConsoleFormat(Locale locale, Clock clock) {
    this.locale = locale;
    this.clock = clock;
  }

  public String dateTime(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(at.atZone(ZoneOffset.UTC))
            + " "
            + DateTimeFormatter.ofPattern("HH:mm").format(at.atZone(ZoneOffset.UTC))
            + " UTC";
  }

  public String date(Instant at) {
    return at == null
        ? ""
        : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
            .withLocale(locale)
            .format(at.atZone(ZoneOffset.UTC));
  }

  /** ISO-8601 for {@code <time datetime>}. */
  public String iso(Instant at) {
    return at == null ? "" : at.toString();
  }

  /** How far the due date is from now ("in 2 h", "3 h overdue"), or null without one. */
  public RelativeDue due(Instant due) {
    return due == null ? null : RelativeDue.between(clock.instant(), due);
  }

  public boolean overdue(Instant due) {
    return due != null && due.isBefore(clock.instant());
  }

  /** The language's own name for an appellant's language tag ("中文" for zh-CN, "English"). */
  public String language(String tag) {
    if (tag == null) {
      return "";
    }
    Locale l = Locale.forLanguageTag(tag);
    return l.getDisplayLanguage(locale) + (l.getCountry().isEmpty() ? "" : " (" + tag + ")");
  }
}
