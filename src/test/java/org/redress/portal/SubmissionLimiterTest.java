package org.redress.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SubmissionLimiterTest {

  private Instant now = Instant.parse("2026-12-06T10:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void shouldRefuseTheSubmissionAfterTheLimitWhenWithinTheWindow() {
    // given a limit of 3 per 15 minutes, used up by one case
    SubmissionLimiter limiter = new SubmissionLimiter(3, Duration.ofMinutes(15), clock);
    for (int i = 0; i < 3; i++) {
      assertThat(limiter.tryAcquire("case-1")).isTrue();
    }

    // when / then: that case waits, another case does not
    assertThat(limiter.tryAcquire("case-1")).isFalse();
    assertThat(limiter.tryAcquire("case-2")).isTrue();
  }

  @Test
  void shouldAcceptAgainWhenTheOldestSubmissionLeftTheWindow() {
    // given a used-up limit
    SubmissionLimiter limiter = new SubmissionLimiter(2, Duration.ofMinutes(15), clock);
    limiter.tryAcquire("case-1");
    now = now.plus(Duration.ofMinutes(10));
    limiter.tryAcquire("case-1");
    assertThat(limiter.tryAcquire("case-1")).isFalse();

    // when the first submission is 15 minutes old
    now = now.plus(Duration.ofMinutes(5));

    // then one more is accepted, and the window is full again
    assertThat(limiter.tryAcquire("case-1")).isTrue();
    assertThat(limiter.tryAcquire("case-1")).isFalse();
  }
}
