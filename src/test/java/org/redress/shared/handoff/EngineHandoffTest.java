package org.redress.shared.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineHandoffTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  private final AtomicBoolean ready = new AtomicBoolean(false);
  private final List<String> handedOff = Collections.synchronizedList(new ArrayList<>());
  private final List<Instant> backlogAskedBefore = new ArrayList<>();
  private final List<Long> handOffNanos = Collections.synchronizedList(new ArrayList<>());
  private EngineHandoff handoff;

  private EngineHandoff handoff(int rate, boolean failing) {
    handoff =
        new EngineHandoff(
            "test-handoff",
            Duration.ofSeconds(30),
            rate,
            ready::get,
            Clock.fixed(NOW, ZoneOffset.UTC),
            (before, limit) -> {
              backlogAskedBefore.add(before);
              return List.of("a", "b");
            },
            id -> {
              if (failing) {
                throw new IllegalStateException("engine unreachable");
              }
              handOffNanos.add(System.nanoTime());
              handedOff.add(id);
            });
    return handoff;
  }

  @AfterEach
  void close() throws InterruptedException {
    handoff.close();
  }

  @Test
  void shouldAttemptNothingWhenAppIsNotReady() {
    // given an app whose models are not deployed yet
    EngineHandoff handoff = handoff(0, false);

    // when work is handed off every way
    boolean now = handoff.now("x");
    boolean soon = handoff.soon("y");
    int swept = handoff.sweep();

    // then nothing reached the engine and everything is left for the retry
    assertThat(now).isFalse();
    assertThat(soon).isFalse();
    assertThat(swept).isZero();
    assertThat(handedOff).isEmpty();
    assertThat(backlogAskedBefore).isEmpty();
  }

  @Test
  void shouldHandOffWhatWaitedLongerThanRetryAfterWhenSweeping() {
    // given a ready app
    ready.set(true);
    EngineHandoff handoff = handoff(0, false);

    // when the retry runs
    int swept = handoff.sweep();

    // then it asks for the work older than 30 s and hands each off
    assertThat(backlogAskedBefore).containsExactly(NOW.minusSeconds(30));
    assertThat(swept).isEqualTo(2);
    assertThat(handedOff).containsExactly("a", "b");
  }

  @Test
  void shouldLeaveWorkForTheRetryWhenTheEngineFails() {
    // given an engine that cannot be reached
    ready.set(true);
    EngineHandoff handoff = handoff(0, true);

    // when work is handed off now and by the retry
    boolean now = handoff.now("x");
    int swept = handoff.sweep();

    // then the failures are reported, not thrown
    assertThat(now).isFalse();
    assertThat(swept).isZero();
  }

  @Test
  void shouldKeepToTheRateWhenHandingOffSoon() {
    // given 20 hand-offs per second at most
    ready.set(true);
    EngineHandoff handoff = handoff(20, false);

    // when five are queued at once
    for (String id : List.of("1", "2", "3", "4", "5")) {
      assertThat(handoff.soon(id)).isTrue();
    }

    // then all arrive in order, spread over four intervals of 50 ms (less the first's own time)
    await().atMost(Duration.ofSeconds(5)).until(() -> handedOff.size() == 5);
    assertThat(handedOff).containsExactly("1", "2", "3", "4", "5");
    assertThat(handOffNanos.get(4) - handOffNanos.get(0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150).toNanos());
  }
}
