package org.redress.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class BackpressureFilterTest {

  private final AtomicInteger rejected = new AtomicInteger();

  @Test
  void shouldRefuseWithResourceExhaustedWhenEverySlotIsTakenAndNoneMayWait() throws Exception {
    // given one slot, taken by a request that has not finished
    BackpressureFilter filter = filter(1, 0, Duration.ZERO);
    Blocking first = new Blocking();
    CompletableFuture<MockHttpServletResponse> running = first.runIn(filter);
    first.awaitStarted();

    // when another request arrives
    MockHttpServletResponse refused = call(filter, "POST", "/v2/process-instances");

    // then it is refused at once as Zeebe's gateway refuses under back-pressure
    assertThat(refused.getStatus()).isEqualTo(503);
    assertThat(refused.getContentType()).isEqualTo("application/problem+json");
    assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
    assertThat(refused.getContentAsString())
        .contains("\"title\":\"RESOURCE_EXHAUSTED\"", "\"status\":503")
        .contains("\"code\":\"RESOURCE_EXHAUSTED\"")
        .contains("\"instance\":\"/v2/process-instances\"");
    assertThat(rejected).hasValue(1);
    assertThat(filter.inFlight()).isEqualTo(1);

    // when the first finishes, then the slot is free again
    first.release();
    assertThat(running.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(filter.inFlight()).isZero();
    assertThat(call(filter, "POST", "/v2/process-instances").getStatus()).isEqualTo(200);
  }

  @Test
  void shouldLetRequestWaitForASlotWhenTheQueueHasRoomAndRefuseBeyondIt() throws Exception {
    // given one slot taken and room for one waiting request
    BackpressureFilter filter = filter(1, 1, Duration.ofSeconds(30));
    Blocking first = new Blocking();
    CompletableFuture<MockHttpServletResponse> running = first.runIn(filter);
    first.awaitStarted();
    Blocking second = new Blocking();
    CompletableFuture<MockHttpServletResponse> waiting = second.runIn(filter);
    awaitQueued(filter, second);

    // when a third arrives while one waits, then it is refused at once
    assertThat(call(filter, "POST", "/v2/jobs/activation").getStatus()).isEqualTo(503);

    // when the first finishes, then the waiting one runs
    first.release();
    second.awaitStarted();
    second.release();
    assertThat(running.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
    assertThat(waiting.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
  }

  @Test
  void shouldNeverRefuseTopologyWhenSaturated() throws Exception {
    BackpressureFilter filter = filter(1, 0, Duration.ZERO);
    Blocking first = new Blocking();
    CompletableFuture<MockHttpServletResponse> running = first.runIn(filter);
    first.awaitStarted();

    assertThat(call(filter, "GET", "/v2/topology").getStatus()).isEqualTo(200);

    first.release();
    running.get(5, TimeUnit.SECONDS);
  }

  @Test
  void shouldFreeTheSlotWhenARequestWaitsForOthersAfterItsCommand() throws Exception {
    // given one slot, taken by a request that gives it back before it waits (create-with-result)
    BackpressureFilter filter = filter(1, 0, Duration.ZERO);
    CountDownLatch waiting = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    FilterChain awaiting =
        (req, res) -> {
          RequestContextHolder.setRequestAttributes(
              new ServletRequestAttributes((jakarta.servlet.http.HttpServletRequest) req));
          try {
            BackpressureFilter.releaseCurrentSlot();
            BackpressureFilter.releaseCurrentSlot(); // twice: still one slot given back
            waiting.countDown();
            done.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } finally {
            RequestContextHolder.resetRequestAttributes();
          }
        };
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () -> {
              try {
                filter.doFilter(
                    new MockHttpServletRequest("POST", "/v2/process-instances"),
                    new MockHttpServletResponse(),
                    awaiting);
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            },
            runnable -> new Thread(runnable).start());
    assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

    // when the command it waits for arrives, then it is processed, not refused
    assertThat(call(filter, "POST", "/v2/jobs/1/completion").getStatus()).isEqualTo(200);
    assertThat(filter.inFlight()).isZero();

    done.countDown();
    first.get(5, TimeUnit.SECONDS);
    assertThat(filter.inFlight()).isZero();
  }

  private BackpressureFilter filter(int inFlight, int queued, Duration timeout) {
    return new BackpressureFilter(
        new BackpressureProperties(true, inFlight, queued, timeout),
        n -> rejected.incrementAndGet());
  }

  private static MockHttpServletResponse call(BackpressureFilter filter, String method, String uri)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(new MockHttpServletRequest(method, uri), response, (req, res) -> {});
    return response;
  }

  /** Waits (bounded) until the second request is queued: it has not started and holds no slot. */
  private static void awaitQueued(BackpressureFilter filter, Blocking second)
      throws InterruptedException {
    // The queued request cannot be observed directly; give its thread a bounded chance to reach
    // the semaphore, then check it did not start.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (second.thread == null && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    while (second.thread.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(second.started.getCount()).isEqualTo(1);
    assertThat(filter.inFlight()).isEqualTo(1);
  }

  /** A request whose handling blocks until released. */
  private static final class Blocking {
    final CountDownLatch started = new CountDownLatch(1);
    final CountDownLatch released = new CountDownLatch(1);
    volatile Thread thread;

    CompletableFuture<MockHttpServletResponse> runIn(BackpressureFilter filter) {
      FilterChain chain =
          (req, res) -> {
            started.countDown();
            try {
              released.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          };
      return CompletableFuture.supplyAsync(
          () -> {
            thread = Thread.currentThread();
            MockHttpServletResponse response = new MockHttpServletResponse();
            try {
              filter.doFilter(
                  new MockHttpServletRequest("POST", "/v2/jobs/1/completion"), response, chain);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            return response;
          },
          runnable -> new Thread(runnable).start());
    }

    void awaitStarted() throws InterruptedException {
      assertThat(started.await(5, TimeUnit.SECONDS)).as("request started").isTrue();
    }

    void release() {
      released.countDown();
    }
  }
}
