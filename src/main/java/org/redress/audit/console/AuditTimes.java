package org.redress.audit.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How the auditor pages write instants: UTC to the second, the same in every language (audit
 * records are compared across teams and time zones). Templates call it as {@code @auditTimes}.
 */
public class AuditTimes {

  private static final DateTimeFormatter AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String at(Instant instant) {
    return instant == null ? "–" : AT.format(instant);
  }

  /** The ISO-8601 form for {@code <time datetime>}. */
  public String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
