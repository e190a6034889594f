package org.redress.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Long-polling waiters must never miss a job that is available for their type. */
class JobNotifierTest {

  private static final String TYPE = "send-notice";
  private static final long NEVER_MILLIS = TimeUnit.MINUTES.toMillis(10);

  private final JobNotifier notifier = new JobNotifier();
  private final AtomicInteger availableJobs = new AtomicInteger();

  @AfterEach
  void closeNotifier() {
    notifier.close();
  }

  @Test
  void shouldAnswerEveryParkedWaiterWhenJobsAreAvailableWhileOthersDrainTheQueue()
      throws InterruptedException {
    // given: several workers long-polling the same type, each finding its job right after parking,
    // so the dispatcher keeps emptying the type's queue while other requests park
    int threads = 4;
    int rounds = 5_000;
    ConcurrentLinkedQueue<String> missed = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(threads);
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> parkers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int id = t;
      Thread parker =
          new Thread(
              () -> {
                try {
                  for (int round = 0; round < rounds && !stop.get(); round++) {
                    // when: a job is committed and a worker parks for it
                    TestWaiter waiter = new TestWaiter();
                    availableJobs.incrementAndGet();
                    notifier.park(waiter, NEVER_MILLIS, () -> {});
                    notifier.jobsAvailable(Set.of(TYPE));
                    if (!waiter.awaitFinished(5, TimeUnit.SECONDS)) {
                      missed.add("parker " + id + " round " + round);
                      stop.set(true);
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              },
              "parker-" + t);
      parkers.add(parker);
      parker.start();
    }

    // then: every waiter got a job without waiting for its request timeout
    assertThat(done.await(5, TimeUnit.MINUTES)).as("parkers finished").isTrue();
    assertThat(missed).as("waiters that missed an available job").isEmpty();
  }

  @Test
  void shouldLeaveWaiterParkedWhenNoJobIsAvailableAndAnswerItWhenOneArrives()
      throws InterruptedException {
    // given
    TestWaiter waiter = new TestWaiter();
    notifier.park(waiter, NEVER_MILLIS, () -> {});

    // when nothing is available, then it stays parked
    assertThat(waiter.awaitFinished(100, TimeUnit.MILLISECONDS)).isFalse();

    // when a job arrives
    availableJobs.incrementAndGet();
    notifier.jobsAvailable(Set.of(TYPE));

    // then
    assertThat(waiter.awaitFinished(5, TimeUnit.SECONDS)).isTrue();
    assertThat(availableJobs).hasValue(0);
  }

  @Test
  void shouldWakeWaiterWhenRecheckFindsJobWhoseAnnouncementWasMissed() throws InterruptedException {
    // given: a waiter parked while no job was there, then a job arrives unannounced (another app
    // instance's commit whose NOTIFY was lost)
    List<Set<String>> asked = new CopyOnWriteArrayList<>();
    JobNotifier probing =
        new JobNotifier(
            types -> {
              asked.add(types);
              return availableJobs.get() > 0 ? types : Set.of();
            });
    try {
      TestWaiter waiter = new TestWaiter();
      probing.park(waiter, NEVER_MILLIS, () -> {});
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> waiter.attempts.get() == 1); // park's own check found nothing
      availableJobs.incrementAndGet();

      // when
      probing.recheckWaiting();

      // then
      assertThat(waiter.awaitFinished(5, TimeUnit.SECONDS)).isTrue();
      assertThat(availableJobs).hasValue(0);
      assertThat(asked).containsExactly(Set.of(TYPE));
    } finally {
      probing.close();
    }
  }

  @Test
  void shouldNotTryToActivateWhenRecheckFindsNoJobForTheWaitingType() throws InterruptedException {
    // given: a parked waiter; the probe says its type has no activatable job
    JobNotifier probing = new JobNotifier(types -> Set.of());
    try {
      TestWaiter waiter = new TestWaiter();
      probing.park(waiter, NEVER_MILLIS, () -> {});
      Awaitility.await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> waiter.attempts.get() == 1); // park's own check for a job created meanwhile
      availableJobs.incrementAndGet(); // visible to an activation, not to the probe

      // when
      probing.recheckWaiting();
      probing.recheckWaiting();

      // then: no activation attempt (one transaction each in the engine) was made for it
      assertThat(waiter.awaitFinished(200, TimeUnit.MILLISECONDS)).isFalse();
      assertThat(waiter.attempts).hasValue(1);
    } finally {
      probing.close();
    }
  }

  @Test
  void shouldAnswerParkedAndLaterWaitersWithNoJobsWhenParkingStops() {
    // given: a request parked for much longer than a shut-down may take
    AtomicInteger answeredEmpty = new AtomicInteger();
    notifier.park(new TestWaiter(), NEVER_MILLIS, answeredEmpty::incrementAndGet);

    // when: the app starts to shut down
    notifier.stopParking();

    // then: it is answered now, and so is a request that arrives afterwards, each once
    assertThat(answeredEmpty).hasValue(1);
    notifier.park(new TestWaiter(), NEVER_MILLIS, answeredEmpty::incrementAndGet);
    assertThat(answeredEmpty).hasValue(2);
    notifier.stopParking();
    assertThat(answeredEmpty).hasValue(2);
  }

  /** Takes one job from the shared counter when one is there. */
  private final class TestWaiter implements JobNotifier.Waiter {
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicInteger attempts = new AtomicInteger();

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public boolean tryActivate() {
      attempts.incrementAndGet();
      while (true) {
        int jobs = availableJobs.get();
        if (jobs == 0) {
          return false;
        }
        if (availableJobs.compareAndSet(jobs, jobs - 1)) {
          finished.countDown();
          return true;
        }
      }
    }

    @Override
    public boolean isFinished() {
      return finished.getCount() == 0;
    }

    boolean awaitFinished(long timeout, TimeUnit unit) throws InterruptedException {
      return finished.await(timeout, unit);
    }
  }
}
