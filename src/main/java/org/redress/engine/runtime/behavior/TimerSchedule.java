package org.redress.engine.runtime.behavior;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.scheduling.support.CronExpression;

/**
 * ISO 8601 timer values as Zeebe reads them: dates ({@code 2030-01-01T10:00:00Z}, offset or {@code
 * [Zone/Id]}, no zone = UTC), durations ({@code PT15M}, {@code P1DT2H}, {@code P2W}, {@code
 * P1Y2M}), cycles ({@code R5/PT10S}, {@code R/PT1H}, {@code R3/2030-01-01T00:00Z/P1D}) and
 * Spring-style cron expressions ({@code 0 0 9 * * MON-FRI}) as cycles.
 *
 * @param cycle what the next due date is computed from (null when it fires once)
 * @param repetitions repetitions left after the first one; -1 = unbounded
 */
public record TimerSchedule(Instant firstDue, String cycle, int repetitions) {

  public static TimerSchedule date(String text) {
    return new TimerSchedule(parseDate(text), null, 0);
  }

  public static TimerSchedule duration(String text, Instant now) {
    return new TimerSchedule(plus(now, text), null, 0);
  }

  public static TimerSchedule cycle(String text, Instant now) {
    String value = text.strip();
    if (!value.startsWith("R")) {
      try {
        CronExpression cron = CronExpression.parse(value);
        return new TimerSchedule(nextCron(cron, now), value, -1);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Expected a cycle like R5/PT10S or a cron expression, but was '" + text + "'");
      }
    }
    String[] parts = value.split("/");
    int repetitions = parts[0].length() == 1 ? -1 : Integer.parseInt(parts[0].substring(1));
    if (parts.length == 2) {
      return new TimerSchedule(plus(now, parts[1]), "R/" + parts[1], Math.max(-1, repetitions - 1));
    }
    if (parts.length == 3) {
      Instant start = parseDate(parts[1]);
      return new TimerSchedule(start, "R/" + parts[2], Math.max(-1, repetitions - 1));
    }
    throw new IllegalArgumentException("Expected a cycle like R5/PT10S, but was '" + text + "'");
  }

  /** The due date after {@code previousDue} for a stored cycle. */
  public static Instant next(String cycle, Instant previousDue) {
    if (cycle.startsWith("R/")) {
      return plus(previousDue, cycle.substring(2));
    }
    return nextCron(CronExpression.parse(cycle), previousDue);
  }

  private static Instant nextCron(CronExpression cron, Instant after) {
    ZonedDateTime next = cron.next(ZonedDateTime.ofInstant(after, ZoneOffset.UTC));
    if (next == null) {
      throw new IllegalArgumentException("The cron expression never fires");
    }
    return next.toInstant();
  }

  static Instant plus(Instant from, String duration) {
    String value = duration.strip();
    try {
      return from.plus(Duration.parse(value));
    } catch (DateTimeParseException e) {
      // years, months or weeks: a period, possibly with a time part
    }
    int t = value.indexOf('T');
    String datePart = t < 0 ? value : value.substring(0, t);
    Instant result =
        ZonedDateTime.ofInstant(from, ZoneOffset.UTC).plus(Period.parse(datePart)).toInstant();
    if (t >= 0) {
      result = result.plus(Duration.parse("P" + value.substring(t)));
    }
    return result;
  }

  static Instant parseDate(String text) {
    String value = text.strip();
    try {
      return ZonedDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(value).toInstant();
      } catch (DateTimeParseException e2) {
        return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
      }
    }
  }
}
