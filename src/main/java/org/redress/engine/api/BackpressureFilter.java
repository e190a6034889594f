package org.redress.engine.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.springframework.http.MediaType;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Back-pressure for the engine API, as Zeebe's gateway does it: at most {@code maxInFlight}
 * requests are processed at once, at most {@code maxQueued} wait up to {@code queueTimeout} for a
 * slot, and the rest are refused at once with 503 and the problem title {@code RESOURCE_EXHAUSTED}
 * (and {@code Retry-After}), so that latency stays bounded when the engine cannot keep up instead
 * of every request waiting for a database connection. A long-polling activation holds its slot only
 * while it looks for jobs, not while it waits ({@code OncePerRequestFilter} does not run again on
 * its async dispatch). {@code GET /v2/topology} is never refused (health checks).
 */
public class BackpressureFilter extends OncePerRequestFilter {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SLOT = BackpressureFilter.class.getName() + ".slot";

  private final Semaphore slots;
  private final AtomicInteger queued = new AtomicInteger();
  private final int maxInFlight;
  private final int maxQueued;
  private final long queueTimeoutNanos;
  private final IntConsumer onRejected;

  /**
   * @param onRejected told of every refusal with the number of requests in flight (metrics)
   */
  public BackpressureFilter(BackpressureProperties properties, IntConsumer onRejected) {
    this.maxInFlight = properties.maxInFlight();
    this.slots = new Semaphore(maxInFlight);
    this.maxQueued = properties.maxQueued();
    this.queueTimeoutNanos = properties.queueTimeout().toNanos();
    this.onRejected = onRejected;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return "GET".equals(request.getMethod()) && path.equals("/v2/topology");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!acquire()) {
      onRejected.accept(inFlight());
      refuse(request, response);
      return;
    }
    Slot slot = new Slot(slots);
    request.setAttribute(SLOT, slot);
    try {
      chain.doFilter(request, response);
    } finally {
      slot.release();
    }
  }

  /**
   * Gives the current request's slot back before it waits for something other requests must do
   * (create-with-result awaiting the instance's end, a user task command awaiting its listeners):
   * otherwise a few waiting requests would hold every slot and refuse the very commands they wait
   * for. No effect outside a limited request.
   */
  public static void releaseCurrentSlot() {
    RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
    if (attributes != null
        && attributes.getAttribute(SLOT, RequestAttributes.SCOPE_REQUEST) instanceof Slot slot) {
      slot.release();
    }
  }

  private static final class Slot {
    private final Semaphore slots;
    private final AtomicBoolean held = new AtomicBoolean(true);

    Slot(Semaphore slots) {
      this.slots = slots;
    }

    void release() {
      if (held.compareAndSet(true, false)) {
        slots.release();
      }
    }
  }

  /** Requests holding a slot now. */
  public int inFlight() {
    return maxInFlight - slots.availablePermits();
  }

  private boolean acquire() {
    if (slots.tryAcquire()) {
      return true;
    }
    if (queueTimeoutNanos == 0) {
      return false;
    }
    if (queued.incrementAndGet() > maxQueued) {
      queued.decrementAndGet();
      return false;
    }
    try {
      return slots.tryAcquire(queueTimeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      queued.decrementAndGet();
    }
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", "RESOURCE_EXHAUSTED");
    problem.put("status", 503);
    problem.put(
        "detail",
        "Expected to process the request, but the engine is at its limit of "
            + maxInFlight
            + " concurrent requests; retry after a short back-off");
    problem.put("instance", request.getRequestURI());
    problem.put("code", "RESOURCE_EXHAUSTED");
    response.setStatus(503);
    response.setHeader("Retry-After", "1");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    JSON.writeValue(response.getOutputStream(), problem);
  }
}
