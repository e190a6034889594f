package org.redress.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class PortalFormatTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void shouldCountStartedDaysWhenTheDeadlineIsAhead() {
    PortalFormat format = new PortalFormat(Locale.ENGLISH, Clock.fixed(NOW, ZoneOffset.UTC));

    assertThat(format.daysLeft(NOW.plus(Duration.ofDays(3)))).isEqualTo(3);
    assertThat(format.daysLeft(NOW.plus(Duration.ofHours(1)))).isEqualTo(1);
    assertThat(format.daysLeft(NOW.minus(Duration.ofHours(1)))).isZero();
  }

  @Test
  void shouldWriteTheDateInThePageLanguageWhenFormatting() {
    Instant at = Instant.parse("2027-06-06T23:30:00Z");

    assertThat(new PortalFormat(Locale.ENGLISH, Clock.systemUTC()).date(at))
        .isEqualTo("June 6, 2027");
    assertThat(new PortalFormat(Locale.forLanguageTag("zh-CN"), Clock.systemUTC()).date(at))
        .isEqualTo("2027年6月6日");
    assertThat(new PortalFormat(Locale.ENGLISH, Clock.systemUTC()).dateTime(at))
        .isEqualTo("June 6, 2027 23:30 UTC");
  }
}
