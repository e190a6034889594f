package org.redress.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-case limit of portal submissions (appeals, answers, uploads): at most {@code max} in any
 * sliding {@code window}. Kept in memory per instance: it protects the reviewers' queue and the
 * storage from a flood through one link, it is not an accounting of rights (an appeal refused here
 * can be sent again a little later, and the API has its own intake rules).
 */
class SubmissionLimiter {

  private final int max;
  private final Duration window;
  private final Clock clock;
  private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

  SubmissionLimiter(int max, Duration window, Clock clock) {
    this.max = max;
    this.window = window;
    this.clock = clock;
  }

  /** Counts one submission of the case; false when the case has used up its window. */
  boolean tryAcquire(String caseId) {
    Instant now = Instant.now(clock);
    Deque<Instant> times = recent.computeIfAbsent(caseId, id -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
        times.pollFirst();
      }
      if (times.size() >= max) {
        return false;
      }
      times.addLast(now);
      return true;
    }
  }
}
