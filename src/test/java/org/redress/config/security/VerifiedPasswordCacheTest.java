package org.redress.config.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedPasswordCacheTest {

  final AtomicInteger checks = new AtomicInteger();
  final AtomicLong now = new AtomicLong();
  final PasswordEncoder slow =
      new PasswordEncoder() {
        @Override
        public String encode(CharSequence raw) {
          return "hash-of-" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
          checks.incrementAndGet();
          return encoded.equals("hash-of-" + raw);
        }
      };
  final VerifiedPasswordCache cache =
      new VerifiedPasswordCache(slow, Duration.ofMinutes(5), now::get);

  @Test
  void shouldCheckAMatchingPasswordOnceWithinTheTimeToLive() {
    assertThat(cache.matches("secret", "hash-of-secret")).isTrue();
    assertThat(cache.matches("secret", "hash-of-secret")).isTrue();
    assertThat(checks.get()).isEqualTo(1);

    now.addAndGet(Duration.ofMinutes(6).toNanos());
    assertThat(cache.matches("secret", "hash-of-secret")).isTrue();
    assertThat(checks.get()).isEqualTo(2);
  }

  @Test
  void shouldAlwaysCheckAWrongPasswordOrAChangedHash() {
    assertThat(cache.matches("secret", "hash-of-secret")).isTrue();

    assertThat(cache.matches("guess", "hash-of-secret")).isFalse();
    assertThat(cache.matches("guess", "hash-of-secret")).isFalse();
    assertThat(cache.matches("secret", "hash-of-new-secret")).isFalse();
    assertThat(checks.get()).isEqualTo(4);
  }
}
