package org.redress.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The engine's own meters, named after Zeebe's where one exists ({@code zeebe_job_events_total}
 * becomes {@code engine_job_events_total}): job events per type and action, activation latency,
 * process instance events per process, commands by name with latency histograms, long-poll waiters.
 * Counted after commit, so a rolled-back command counts nothing.
 */
public class EngineMetrics {

  public static final String JOB_EVENTS = "engine.job.events";
  public static final String JOB_ACTIVATION_LATENCY = "engine.job.activation.latency";
  public static final String PROCESS_INSTANCE_EVENTS = "engine.process.instance.events";
  public static final String COMMANDS = "engine.commands";
  public static final String LONG_POLL_WAITERS = "engine.job.long.poll.waiters";
  public static final String IN_FLIGHT = "engine.requests.in.flight";
  public static final String REJECTED = "engine.backpressure.rejected";

  private final MeterRegistry registry;
  // Meters by their tags: building a meter's id for every event costs more than the event.
  private final Map<List<String>, Counter> counters = new ConcurrentHashMap<>();
  private final Map<List<String>, Timer> timers = new ConcurrentHashMap<>();

  public EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters kept in memory only (engine tests that run without Spring). */
  public static EngineMetrics inMemory() {
    return new EngineMetrics(new SimpleMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** One job transition of a committed command: created, completed, failed, canceled, ... */
  public record JobEvent(String type, String intent) {}

  public void jobEvents(Collection<JobEvent> events) {
    for (JobEvent event : events) {
      jobEvent(event.type(), event.intent(), 1);
    }
  }

  public void jobsTimedOut(Collection<String> types) {
    for (String type : types) {
      jobEvent(type, "TIMED_OUT", 1);
    }
  }

  /**
   * Jobs handed to a worker; {@code firstActivations} are the creation times of the jobs activated
   * for the first time, whose wait until activation is the activation latency.
   */
  public void jobsActivated(String type, int count, List<Instant> firstActivations, Instant now) {
    jobEvent(type, "ACTIVATED", count);
    if (firstActivations.isEmpty()) {
      return;
    }
    Timer latency =
        timers.computeIfAbsent(
            List.of(JOB_ACTIVATION_LATENCY, type),
            key ->
                Timer.builder(JOB_ACTIVATION_LATENCY)
                    .description("Time from a job's creation to its first activation by a worker")
                    .tag("type", type)
                    .publishPercentileHistogram()
                    .register(registry));
    for (Instant created : firstActivations) {
      Duration waited = Duration.between(created, now);
      latency.record(waited.isNegative() ? Duration.ZERO : waited);
    }
  }

  /** Process instances started, completed or terminated, per BPMN process id. */
  public void processInstanceEvent(String bpmnProcessId, String action) {
    counters
        .computeIfAbsent(
            List.of(PROCESS_INSTANCE_EVENTS, bpmnProcessId, action),
            key ->
                Counter.builder(PROCESS_INSTANCE_EVENTS)
                    .description("Process instance lifecycle events")
                    .tag("processId", bpmnProcessId)
                    .tag("action", action)
                    .register(registry))
        .increment();
  }

  /** Times one engine API command; {@code outcome} is the HTTP status family (2xx, 4xx, 5xx). */
  public void command(String name, String outcome, Duration took) {
    timers
        .computeIfAbsent(
            List.of(COMMANDS, name, outcome),
            key ->
                Timer.builder(COMMANDS)
                    .description("Engine API commands and queries by name")
                    .tag("command", name)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry))
        .record(took);
  }

  /** Registers the gauge of long-polling activation requests currently parked. */
  public void longPollWaiters(Supplier<Number> waiting) {
    Gauge.builder(LONG_POLL_WAITERS, waiting)
        .description("Job activation requests parked, waiting for a job (long polling)")
        .register(registry);
  }

  /** Registers the gauge of engine API requests being processed (back-pressure slots taken). */
  public void inFlight(Supplier<Number> inFlight) {
    Gauge.builder(IN_FLIGHT, inFlight)
        .description("Engine API requests being processed now (back-pressure slots in use)")
        .register(registry);
  }

  /** An engine API request refused with RESOURCE_EXHAUSTED. */
  public void rejected() {
    Counter.builder(REJECTED)
        .description("Engine API requests refused with RESOURCE_EXHAUSTED (back-pressure)")
        .register(registry)
        .increment();
  }

  private void jobEvent(String type, String intent, int count) {
    if (count <= 0) {
      return;
    }
    counters
        .computeIfAbsent(
            List.of(JOB_EVENTS, type, intent),
            key ->
                Counter.builder(JOB_EVENTS)
                    .description("Job events per job type and action")
                    .tag("type", type)
                    .tag("action", intent.toLowerCase(Locale.ROOT))
                    .register(registry))
        .increment(count);
  }
}
