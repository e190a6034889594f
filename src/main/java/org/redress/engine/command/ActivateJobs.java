package org.redress.engine.command;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.redress.engine.EngineClock;
import org.redress.engine.EngineRejection;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.engine.state.Job;
import org.redress.engine.state.JobStore;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Job activation with long polling: answer at once when jobs are there, else park the request until
 * a job of the type becomes activatable or the request timeout passes (then answer with no jobs).
 * Each job is handed to one worker until its deadline.
 */
public class ActivateJobs {

  /**
   * @param requestTimeout null or zero: the engine's default window; negative: no long polling
   * @param fetchVariables empty: every variable visible to the job
   */
  public record Request(
      String type,
      String worker,
      Duration timeout,
      int maxJobsToActivate,
      List<String> fetchVariables,
      Duration requestTimeout,
      List<String> tenantIds) {}

  /** A job handed to a worker, with the variables it sees as JSON text by name. */
  public record ActivatedJob(Job job, Map<String, String> variables) {}

  private final EngineMetrics metrics;
  private final TransactionTemplate transactions;
  private final JobStore jobs;
  private final JobNotifier notifier;
  private final EngineClock clock;
  private final Duration defaultRequestTimeout;
  private final Duration maxRequestTimeout;

  public ActivateJobs(
      TransactionTemplate transactions,
      JobStore jobs,
      JobNotifier notifier,
      EngineClock clock,
      Duration defaultRequestTimeout,
      Duration maxRequestTimeout,
      EngineMetrics metrics) {
    this.metrics = metrics;
    this.transactions = transactions;
    this.jobs = jobs;
    this.notifier = notifier;
    this.clock = clock;
    this.defaultRequestTimeout = defaultRequestTimeout;
    this.maxRequestTimeout = maxRequestTimeout;
  }

  public CompletableFuture<List<ActivatedJob>> activate(Request request) {
    validate(request);
    List<ActivatedJob> now = activateOnce(request);
    Duration window = window(request.requestTimeout());
    if (!now.isEmpty() || window.isZero()) {
      return CompletableFuture.completedFuture(now);
    }
    ParkedRequest parked = new ParkedRequest(request);
    notifier.park(parked, window.toMillis(), parked::expire);
    return parked.result;
  }

  /** One non-blocking attempt. */
  public List<ActivatedJob> activateOnce(Request request) {
    List<ActivatedJob> activated = activateInTransaction(request);
    if (!activated.isEmpty()) {
      List<java.time.Instant> firstActivations =
          activated.stream()
              .map(ActivatedJob::job)
              .filter(job -> "CREATED".equals(job.intent()))
              .map(Job::createdAt)
              .toList();
      metrics.jobsActivated(request.type(), activated.size(), firstActivations, clock.now());
    }
    return activated;
  }

  private List<ActivatedJob> activateInTransaction(Request request) {
    return transactions.execute(
        status -> {
          List<Job> activated =
              jobs.activate(
                  request.type(),
                  request.tenantIds(),
                  request.maxJobsToActivate(),
                  request.worker(),
                  clock.now().plus(request.timeout()));
          if (activated.isEmpty()) {
            return List.of();
          }
          Map<Long, Map<String, String>> variables =
              jobs.variablesFor(activated, request.fetchVariables());
          return activated.stream()
              .map(job -> new ActivatedJob(job, variables.get(job.key())))
              .toList();
        });
  }

  private Duration window(Duration requested) {
    if (requested == null || requested.isZero()) {
      return defaultRequestTimeout;
    }
    if (requested.isNegative()) {
      return Duration.ZERO;
    }
    return requested.compareTo(maxRequestTimeout) > 0 ? maxRequestTimeout : requested;
  }

  private static void validate(Request request) {
    if (request.type() == null || request.type().isBlank()) {
      throw EngineRejection.invalidArgument(
          "Expected a job type to activate jobs, but none was given");
    }
    if (request.maxJobsToActivate() < 1) {
      throw EngineRejection.invalidArgument(
          "Expected maxJobsToActivate to be at least 1, but was " + request.maxJobsToActivate());
    }
    if (request.timeout() == null || request.timeout().isNegative() || request.timeout().isZero()) {
      throw EngineRejection.invalidArgument(
          "Expected a job timeout greater than 0 ms, but was "
              + (request.timeout() == null ? "none" : request.timeout().toMillis()));
    }
  }

  /**
   * A parked request. Its state makes sure that jobs claimed for it are either delivered or never
   * claimed: expiry only answers while no activation attempt is running.
   */
  private final class ParkedRequest implements JobNotifier.Waiter {
    private static final int WAITING = 0;
    private static final int ACTIVATING = 1;
    private static final int FINISHED = 2;

    private final Request request;
    private final CompletableFuture<List<ActivatedJob>> result = new CompletableFuture<>();
    private final AtomicInteger state = new AtomicInteger(WAITING);
    private volatile boolean expired;

    ParkedRequest(Request request) {
      this.request = request;
    }

    @Override
    public String type() {
      return request.type();
    }

    @Override
    public boolean isFinished() {
      return state.get() == FINISHED;
    }

    @Override
    public boolean tryActivate() {
      if (!state.compareAndSet(WAITING, ACTIVATING)) {
        return state.get() == FINISHED;
      }
      List<ActivatedJob> activated;
      try {
        activated = activateOnce(request);
      } catch (RuntimeException e) {
        state.set(WAITING);
        throw e;
      }
      if (!activated.isEmpty()) {
        state.set(FINISHED);
        result.complete(activated);
        return true;
      }
      state.set(WAITING);
      if (expired) {
        expire();
        return isFinished();
      }
      return false;
    }

    void expire() {
      expired = true;
      if (state.compareAndSet(WAITING, FINISHED)) {
        result.complete(List.of());
      }
    }
  }
}
