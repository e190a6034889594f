package org.redress.review.console;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a due date is from now in words ("in 2 h", "3 h overdue"): the page picks the message by
 * {@link #overdue} and {@link #unit} and fills in {@link #amount}.
 *
 * @param unit {@code min} under an hour, {@code h} under two days, else {@code d}
 */
public record RelativeDue(boolean overdue, long amount, String unit) {

  public static RelativeDue between(Instant now, Instant due) {
    Duration gap = Duration.between(now, due);
    boolean overdue = gap.isNegative();
    Duration size = gap.abs();
    if (size.compareTo(Duration.ofHours(1)) < 0) {
      return new RelativeDue(overdue, Math.max(1, size.toMinutes()), "min");
    }
    if (size.compareTo(Duration.ofHours(48)) < 0) {
      return new RelativeDue(overdue, size.toHours(), "h");
    }
    return new RelativeDue(overdue, size.toDays(), "d");
  }

  /** The message key of this text in {@code console-review.properties}. */
  public String messageKey() {
    return "review.due." + (overdue ? "overdue" : "in") + "." + unit;
  }
}
