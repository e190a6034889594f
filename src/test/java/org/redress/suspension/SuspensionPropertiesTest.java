package org.redress.suspension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Period;
import org.junit.jupiter.api.Test;

class SuspensionPropertiesTest {

  @Test
  void shouldAcceptSixMonthsOrMoreAsAppealWindow() {
    assertThat(SuspensionProperties.atLeastSixMonths(Period.ofMonths(6))).isTrue();
    assertThat(SuspensionProperties.atLeastSixMonths(Period.ofDays(184))).isTrue();
    assertThat(SuspensionProperties.atLeastSixMonths(Period.ofYears(1))).isTrue();
  }

  @Test
  void shouldRefuseAnAppealWindowShorterThanSixMonths() {
    assertThat(SuspensionProperties.atLeastSixMonths(Period.ofDays(180))).isFalse();
    assertThatThrownBy(
            () ->
                new SuspensionProperties(
                    Period.ofDays(20),
                    Period.ofDays(90),
                    SuspensionProperties.AccountSystemKind.LOCAL,
                    new SuspensionProperties.Http(
                        null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                    Duration.ofSeconds(30)))
        .hasMessageContaining("at least P6M");
  }
}
