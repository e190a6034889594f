package org.redress.workflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.redress.shared.security.CaseLinks;
import org.redress.support.benchmark.BenchmarkApp;

/**
 * Open-loop load on loopback against the README's app (embedded PostgreSQL, embedded engine, all
 * workers running): {@code GET /api/cases/{caseId}} and then {@code POST
 * /api/cases/{caseId}/appeals}, each at a fixed rate (default 200 requests/s for 60 s), requests
 * sent on schedule whatever the answers (so slow answers cannot hide as lower load). Every POST
 * goes to its own case (one open appeal per case), so the set-up reports rate × seconds cases
 * through {@code POST /api/suspensions} first. Prints latency percentiles and errors per phase.
 *
 * <p>With {@code benchmark.target=portal} the same load goes to the appellant portal instead:
 * {@code GET /case/{caseId}} (the case page, signed in by the case cookie) and the appeal form's
 * {@code POST /case/{caseId}/appeal} (multipart, with the form's CSRF token, fetched once per case
 * in the set-up).
 *
 * <p>Settings (system properties): {@code benchmark.rate} (200), {@code benchmark.seconds} (60),
 * {@code benchmark.dataDirectory} (target/load-benchmark-pg), {@code benchmark.target} (api).
 */
public final class CaseApiLoadBenchmark {

  private static final String PLATFORM = BenchmarkApp.basic("moderation-system", "moderation-demo");

  private final int rate = Integer.getInteger("benchmark.rate", 200);
  private final int seconds = Integer.getInteger("benchmark.seconds", 60);
  private final boolean portal = "portal".equals(System.getProperty("benchmark.target", "api"));
  private final Map<String, String> csrfTokens = new ConcurrentHashMap<>();
  private final Path dataDirectory =
      Path.of(System.getProperty("benchmark.dataDirectory", "target/load-benchmark-pg"));
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(64))
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BenchmarkApp app;
  private String base;

  public static void main(String[] args) {
    CaseApiLoadBenchmark benchmark = new CaseApiLoadBenchmark();
    BenchmarkApp.runAndExit(benchmark::run, () -> benchmark.app);
  }

  record Case(String caseId, String accountId, String token) {}

  record Result(
      String phase, int sent, int errors, long[] latenciesNanos, Map<Integer, Integer> statuses) {}

  private void run() throws Exception {
    startApp();
    int needed = rate * seconds;
    log("set-up: reporting %d suspensions", needed);
    long started = System.nanoTime();
    List<Case> cases = createCases(needed);
    log(
        "set-up: %d cases in %.1f s (%.0f cases/s)",
        cases.size(),
        (System.nanoTime() - started) / 1e9,
        cases.size() / ((System.nanoTime() - started) / 1e9));

    awaitNotified(cases.size());
    if (portal) {
      fetchCsrfTokens(cases);
    }
    // warm-up: 10 s of GETs at the same rate (JIT, connection pools)
    runPhase("warm-up GET", rate, 10, i -> get(cases.get(i % cases.size())));
    Result read =
        runPhase(
            portal ? "GET /case/{caseId}" : "GET /api/cases/{caseId}",
            rate,
            seconds,
            i -> get(cases.get(i % cases.size())));
    Result write =
        runPhase(
            portal ? "POST /case/{caseId}/appeal" : "POST /api/cases/{caseId}/appeals",
            rate,
            seconds,
            i -> appeal(cases.get(i)));

    System.out.println();
    System.out.println(
        portal
            ? "==================== Redress appellant portal load test ===================="
            : "==================== Redress case API load test ====================");
    System.out.printf(
        Locale.ROOT,
        "machine: %d CPUs, %s; target %d requests/s for %d s per phase, p99 < 100 ms, no errors%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        rate,
        seconds);
    report(read);
    report(write);
  }

  private void report(Result r) {
    long[] sorted = r.latenciesNanos().clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-34s sent %6d  errors %4d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %7.1f ms  statuses %s%n",
        r.phase(),
        r.sent(),
        r.errors(),
        percentile(sorted, 0.50),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6,
        r.statuses());
  }

  private static double percentile(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : BenchmarkApp.percentileMillis(sorted, p);
  }

  interface Request {
    HttpRequest build(int i);
  }

  /** Sends request i at start + i / rate, whatever happened to earlier ones (open loop). */
  private Result runPhase(String phase, int perSecond, int durationSeconds, Request request)
      throws InterruptedException {
    int total = perSecond * durationSeconds;
    ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger errors = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(total);
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    long periodNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    AtomicLong next = new AtomicLong();
    log("%s: %d requests at %d/s", phase, total, perSecond);
    ticker.scheduleAtFixedRate(
        () -> {
          int i = (int) next.getAndIncrement();
          if (i >= total) {
            return;
          }
          HttpRequest built = request.build(i);
          long sent = System.nanoTime();
          http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    latencies.add(System.nanoTime() - sent);
                    int status = failure == null ? response.statusCode() : -1;
                    statuses.merge(status, 1, Integer::sum);
                    if (failure != null || status >= 400) {
                      if (errors.incrementAndGet() <= 3) {
                        log(
                            "%s: error %s",
                            phase,
                            failure != null ? failure.toString() : status + " " + response.body());
                      }
                    }
                    done.countDown();
                  });
        },
        0,
        periodNanos,
        TimeUnit.NANOSECONDS);
    boolean finished = done.await(durationSeconds + 60L, TimeUnit.SECONDS);
    ticker.shutdownNow();
    if (!finished) {
      log("%s: %d requests still unanswered after the phase", phase, done.getCount());
    }
    long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
    return new Result(phase, total, errors.get() + (int) done.getCount(), values, statuses);
  }

  private HttpRequest get(Case c) {
    if (portal) {
      return HttpRequest.newBuilder(URI.create(base + "/case/" + c.caseId()))
          .header("Cookie", "redress_case=" + c.token())
          .timeout(Duration.ofSeconds(10))
          .GET()
          .build();
    }
    return HttpRequest.newBuilder(URI.create(base + "/api/cases/" + c.caseId()))
        .header("Authorization", "Bearer " + c.token())
        .timeout(Duration.ofSeconds(10))
        .GET()
        .build();
  }

  private HttpRequest appeal(Case c) {
    if (portal) {
      String boundary = "redress-load-" + c.caseId();
      String body =
          part(boundary, "_csrf", csrfTokens.get(c.caseId()))
              + part(boundary, "statement", "The payments were refunds to my own customers.")
              + part(boundary, "contactPreference", "EMAIL")
              + "--"
              + boundary
              + "--\r\n";
      return HttpRequest.newBuilder(URI.create(base + "/case/" + c.caseId() + "/appeal"))
          .header("Cookie", "redress_case=" + c.token())
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofString(body))
          .build();
    }
    return HttpRequest.newBuilder(URI.create(base + "/api/cases/" + c.caseId() + "/appeals"))
        .header("Authorization", "Bearer " + c.token())
        .header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(10))
        .POST(
            HttpRequest.BodyPublishers.ofString(
                "{\"statement\":\"The payments were refunds to my own customers.\","
                    + "\"contactPreference\":\"EMAIL\",\"talkToPerson\":false}"))
        .build();
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /** The portal's appeal form of every case once, for its CSRF token (as a browser has it). */
  private void fetchCsrfTokens(List<Case> cases) throws InterruptedException {
    java.util.regex.Pattern token =
        java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    Semaphore inFlight = new Semaphore(16);
    CountDownLatch done = new CountDownLatch(cases.size());
    for (Case c : cases) {
      inFlight.acquire();
      http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/case/" + c.caseId() + "/appeal"))
                  .header("Cookie", "redress_case=" + c.token())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                inFlight.release();
                if (failure == null) {
                  java.util.regex.Matcher m = token.matcher(response.body());
                  if (m.find()) {
                    csrfTokens.put(c.caseId(), m.group(1));
                  }
                }
                done.countDown();
              });
    }
    done.await();
    if (csrfTokens.size() < cases.size()) {
      throw new AssertionError(
          "Only " + csrfTokens.size() + " of " + cases.size() + " appeal forms had a CSRF token");
    }
    log("set-up: %d CSRF tokens from the appeal forms", csrfTokens.size());
  }

  private List<Case> createCases(int count) throws InterruptedException {
    CaseLinks links = app.bean(CaseLinks.class);
    List<Case> cases = java.util.Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(16);
    CountDownLatch done = new CountDownLatch(count);
    AtomicInteger failures = new AtomicInteger();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      String accountId = "load-" + i;
      String body = BenchmarkApp.suspensionJson("load", i, "en", now);
      inFlight.acquire();
      http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/api/suspensions"))
                  .header("Authorization", PLATFORM)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                inFlight.release();
                if (failure == null && response.statusCode() == 201) {
                  String caseId = response.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");
                  cases.add(
                      new Case(
                          caseId,
                          accountId,
                          links.issueToken(
                              caseId, accountId, Instant.now().plus(Duration.ofDays(1)))));
                } else if (failures.incrementAndGet() <= 3) {
                  log("set-up failure: %s", failure != null ? failure : response.body());
                }
                done.countDown();
              });
    }
    done.await();
    if (failures.get() > 0) {
      throw new AssertionError(failures.get() + " suspensions failed in the set-up");
    }
    cases.sort(Comparator.comparing(Case::caseId));
    return cases;
  }

  /** Waits until every case's process has sent its notice (the set-up's work is done). */
  private void awaitNotified(int count) throws InterruptedException {
    var jdbc =
        org.springframework.jdbc.core.simple.JdbcClient.create(
            app.bean(javax.sql.DataSource.class));
    long started = System.nanoTime();
    while (true) {
      long notified =
          jdbc.sql("SELECT count(*) FROM redress.suspension_case WHERE status = 'NOTIFIED'")
              .query(Long.class)
              .single();
      if (notified >= count) {
        break;
      }
      if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(30)) {
        throw new AssertionError("Only " + notified + " of " + count + " cases were notified");
      }
      Thread.sleep(1000);
    }
    log(
        "set-up: all %d cases notified after another %.1f s",
        count, (System.nanoTime() - started) / 1e9);
  }

  private void startApp() throws IOException {
    app = BenchmarkApp.start(dataDirectory);
    base = app.base();
    log("app started on %s (embedded PostgreSQL in %s)", base, dataDirectory);
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[load] " + format + "%n", args);
  }
}
