package org.redress.review.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeDueTest {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void shouldSayInHoursWhenDueWithinTwoDays() {
    RelativeDue due = RelativeDue.between(NOW, NOW.plus(Duration.ofMinutes(125)));
    assertThat(due).isEqualTo(new RelativeDue(false, 2, "h"));
    assertThat(due.messageKey()).isEqualTo("review.due.in.h");
  }

  @Test
  void shouldSayHoursOverdueWhenThePastDueDateIsHoursAgo() {
    RelativeDue due = RelativeDue.between(NOW, NOW.minus(Duration.ofHours(3)));
    assertThat(due).isEqualTo(new RelativeDue(true, 3, "h"));
    assertThat(due.messageKey()).isEqualTo("review.due.overdue.h");
  }

  @Test
  void shouldSayMinutesWhenUnderAnHourAndAtLeastOne() {
    assertThat(RelativeDue.between(NOW, NOW.plusSeconds(20)))
        .isEqualTo(new RelativeDue(false, 1, "min"));
    assertThat(RelativeDue.between(NOW, NOW.minusSeconds(45 * 60)))
        .isEqualTo(new RelativeDue(true, 45, "min"));
  }

  @Test
  void shouldSayDaysWhenTwoDaysOrMoreAway() {
    assertThat(RelativeDue.between(NOW, NOW.plus(Duration.ofDays(7))))
        .isEqualTo(new RelativeDue(false, 7, "d"));
  }
}
