package org.redress.workflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.support.benchmark.BenchmarkApp;
import org.redress.support.benchmark.BenchmarkApp.CpuSample;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The appeal workflow end to end (issue 11, section 1; not a test, see docs/benchmarks.md): the
 * README's app (embedded PostgreSQL and engine, all workers, default notice dispatch) in this JVM,
 * driven over loopback through the Redress API as the platform, the appellant and the reviewers use
 * it.
 *
 * <ul>
 *   <li>Phase A: {@code benchmark.cases} suspensions through {@code POST /api/suspensions} as the
 *       integration account ({@code benchmark.inFlight} requests in flight); timed from the first
 *       POST sent until every case's suspension notice is delivered ({@code
 *       redress.notice_outbox.status = 'DELIVERED'}, {@code delivered_at}).
 *   <li>Phase B, preparation (not timed): each case's appellant appeals through the case link of
 *       the suspension notice, the benchmark waits until every appeal's review task is open, and
 *       alice or carol (reviewers; bob imposed the restrictions) claims it. Timed: the decisions
 *       ({@code POST /api/review/tasks/{key}/decision}, UPHOLD and OVERTURN alternately; no frozen
 *       money, so no four-eyes approval), from the first decision sent until every decision notice
 *       is delivered.
 * </ul>
 *
 * Latencies per case come from the database's timestamps (the app's clock, which is system time
 * here) and, for the decision, the time this JVM sent it. A warm-up round of {@code
 * benchmark.warmupCases} runs the same phases first (its figures are printed, labelled warm-up).
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark -Dbpmnlint.skip=true test-compile exec:exec
 * -Dbenchmark.main=org.redress.workflow.benchmark.AppealWorkflowBenchmark}. Settings (system
 * properties through {@code -Dbenchmark.jvmArgs=...}): {@code benchmark.cases} (500), {@code
 * benchmark.warmupCases} (200, 0 = none), {@code benchmark.inFlight} (16), {@code
 * benchmark.announceRate} (50: the app's {@code redress.appeal.announce-rate}, used only in the
 * untimed preparation), {@code benchmark.timeoutMinutes} (20, per wait), {@code
 * benchmark.dataDirectory} (target/appeal-benchmark-pg).
 */
public final class AppealWorkflowBenchmark {

  private static final String PLATFORM = BenchmarkApp.basic("moderation-system", "moderation-demo");
  private static final String ALICE = BenchmarkApp.basic("alice", "alice-demo");
  private static final String CAROL = BenchmarkApp.basic("carol", "carol-demo");
  private static final Pattern TOKEN = Pattern.compile("[?&]token=([A-Za-z0-9_.\\-]+)");
  private static final Pattern CASE_ID = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"");

  private final int cases = Integer.getInteger("benchmark.cases", 500);
  private final int warmupCases = Integer.getInteger("benchmark.warmupCases", 200);
  private final int inFlight = Integer.getInteger("benchmark.inFlight", 16);
  private final int announceRate = Integer.getInteger("benchmark.announceRate", 50);
  private final Duration timeout =
      Duration.ofMinutes(Integer.getInteger("benchmark.timeoutMinutes", 20));
  private final Path dataDirectory =
      Path.of(System.getProperty("benchmark.dataDirectory", "target/appeal-benchmark-pg"));
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(Math.max(8, inFlight)))
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BenchmarkApp app;
  private JdbcClient jdbc;
  private long postmasterPid;

  public static void main(String[] args) {
    AppealWorkflowBenchmark benchmark = new AppealWorkflowBenchmark();
    BenchmarkApp.runAndExit(benchmark::run, () -> benchmark.app);
  }

  private void run() throws Exception {
    app = BenchmarkApp.start(dataDirectory, "--redress.appeal.announce-rate=" + announceRate);
    jdbc = app.jdbc();
    postmasterPid = app.postmasterPid();
    log("app started on %s (embedded PostgreSQL in %s)", app.base(), dataDirectory);
    List<String> report = new ArrayList<>();
    if (warmupCases > 0) {
      report.addAll(round("warm-up", "wfb-warmup", warmupCases));
    }
    report.addAll(round("measured", "wfb-run", cases));
    System.out.println();
    System.out.println(
        "==================== Redress appeal workflow end to end ====================");
    System.out.printf(
        Locale.ROOT,
        "machine: %d CPUs, load average now %s; %d requests in flight; app: embedded PostgreSQL"
            + " and engine, all workers, notice dispatch every redress.notice.dispatch-interval"
            + " (default 1 s)%n",
        Runtime.getRuntime().availableProcessors(),
        loadAverage(),
        inFlight);
    report.forEach(System.out::println);
    long incidents =
        jdbc.sql("SELECT count(*) FROM engine.incident WHERE state = 'ACTIVE'")
            .query(Long.class)
            .single();
    System.out.println("open incidents in the engine at the end: " + incidents);
  }

  /** Both phases for {@code n} new cases whose decision ids start with {@code prefix}. */
  private List<String> round(String label, String prefix, int n) throws Exception {
    List<String> lines = new ArrayList<>();
    log("%s: phase A, %d suspensions (load average %s)", label, n, loadAverage());
    List<String> caseIds = suspensionPhase(label, prefix, n, lines);
    log("%s: phase B, preparation: appeals, review tasks, claims", label);
    decisionPhase(label, prefix, caseIds, lines);
    lines.forEach(line -> log("%s", line));
    return lines;
  }

  // --- phase A -----------------------------------------------------------------------------------

  private List<String> suspensionPhase(String label, String prefix, int n, List<String> lines)
      throws Exception {
    Instant now = Instant.now();
    CpuSample cpuStart = CpuSample.take(postmasterPid);
    long startNanos = System.nanoTime();
    Instant firstSent = Instant.now();
    Batch posts =
        send(
            n,
            i ->
                HttpRequest.newBuilder(URI.create(app.base() + "/api/suspensions"))
                    .header("Authorization", PLATFORM)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            BenchmarkApp.suspensionJson(prefix, i, "en", now)))
                    .build(),
            201);
    double postSeconds = (System.nanoTime() - startNanos) / 1e9;
    String ofRound =
        "FROM redress.suspension_case c JOIN redress.notice_outbox o"
            + " ON o.case_id = c.case_id AND o.kind = 'SUSPENSION'"
            + " WHERE c.platform_decision_id LIKE :prefix";
    awaitCount(
        "SELECT count(*) " + ofRound + " AND o.status = 'DELIVERED'",
        prefix,
        n,
        "suspension notices delivered");
    double seenSeconds = (System.nanoTime() - startNanos) / 1e9;
    CpuSample cpuStop = CpuSample.take(postmasterPid);

    List<Instant[]> rows =
        jdbc.sql(
                "SELECT c.created_at, o.created_at AS stored_at, o.delivered_at "
                    + ofRound
                    + " ORDER BY c.created_at")
            .param("prefix", prefix + "-%")
            .query(
                (rs, row) ->
                    new Instant[] {
                      rs.getTimestamp("created_at").toInstant(),
                      rs.getTimestamp("stored_at").toInstant(),
                      rs.getTimestamp("delivered_at").toInstant()
                    })
            .list();
    Instant lastDelivered = rows.stream().map(r -> r[2]).max(Instant::compareTo).orElseThrow();
    double seconds = Duration.between(firstSent, lastDelivered).toNanos() / 1e9;
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s] A. POST /api/suspensions -> suspension notice DELIVERED: %d cases in %.1f s ="
                + " %.1f cases/s (first POST sent -> last notice delivered_at)",
            label,
            n,
            seconds,
            n / seconds));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    intake: %d POSTs answered 201 in %.1f s (%.1f/s); POST latency %s",
            label,
            n,
            postSeconds,
            n / postSeconds,
            percentiles(posts.latencies())));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    per case, POST accepted (suspension_case.created_at) -> notice delivered_at:"
                + " %s",
            label,
            percentiles(between(rows, 0, 2))));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]      of which workflow (created_at -> notice stored in the outbox) %s;"
                + " dispatch (stored -> delivered_at) %s",
            label,
            percentiles(between(rows, 0, 1)),
            percentiles(between(rows, 1, 2))));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    CPU from first POST until all notices were seen delivered: %s; %s; %s",
            label,
            cpuStop.since(cpuStart, seenSeconds),
            cpuStop.perUnit(cpuStart, n, "case"),
            cpuStop.machineSince(cpuStart, seenSeconds)));
    return posts.caseIds();
  }

  // --- phase B -----------------------------------------------------------------------------------

  private void decisionPhase(String label, String prefix, List<String> caseIds, List<String> lines)
      throws Exception {
    int n = caseIds.size();
    long prepStart = System.nanoTime();
    Map<String, String> tokens = new HashMap<>();
    jdbc.sql(
            """
            SELECT c.case_id, o.body FROM redress.suspension_case c
              JOIN redress.notice_outbox o ON o.case_id = c.case_id AND o.kind = 'SUSPENSION'
             WHERE c.platform_decision_id LIKE :prefix
            """)
        .param("prefix", prefix + "-%")
        .query(
            rs -> {
              Matcher m = TOKEN.matcher(rs.getString("body"));
              if (!m.find()) {
                throw new AssertionError("No case link in the notice of " + rs.getString(1));
              }
              tokens.put(rs.getString("case_id"), m.group(1));
            });
    send(
        n,
        i ->
            HttpRequest.newBuilder(
                    URI.create(app.base() + "/api/cases/" + caseIds.get(i) + "/appeals"))
                .header("Authorization", "Bearer " + tokens.get(caseIds.get(i)))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"statement\":\"The payments were refunds to my own customers.\","
                            + "\"contactPreference\":\"IN_APP\",\"talkToPerson\":false}"))
                .build(),
        201);
    double appealSeconds = (System.nanoTime() - prepStart) / 1e9;
    String openTasks =
        """
        FROM redress.suspension_case c
          JOIN redress.appeal a ON a.case_id = c.case_id
          JOIN engine.user_task t ON t.process_instance_key = a.review_process_instance_key
               AND t.element_id = 'UserTask_ReviewAppeal' AND t.state = 'CREATED'
         WHERE c.platform_decision_id LIKE :prefix
        """;
    awaitCount("SELECT count(*) " + openTasks, prefix, n, "open review tasks");
    double tasksSeconds = (System.nanoTime() - prepStart) / 1e9;
    Map<String, Long> taskOfCase = new HashMap<>();
    jdbc.sql("SELECT c.case_id, t.key " + openTasks)
        .param("prefix", prefix + "-%")
        .query(
            rs -> {
              taskOfCase.put(rs.getString(1), rs.getLong(2));
            });
    send(
        n,
        i ->
            HttpRequest.newBuilder(
                    URI.create(
                        app.base()
                            + "/api/review/tasks/"
                            + taskOfCase.get(caseIds.get(i))
                            + "/claim"))
                .header("Authorization", reviewer(i))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
        200);
    double prepSeconds = (System.nanoTime() - prepStart) / 1e9;

    Map<String, Instant> sentAt = new ConcurrentHashMap<>();
    CpuSample cpuStart = CpuSample.take(postmasterPid);
    long startNanos = System.nanoTime();
    Instant firstSent = Instant.now();
    Batch decisions =
        send(
            n,
            i -> {
              sentAt.put(caseIds.get(i), Instant.now());
              return HttpRequest.newBuilder(
                      URI.create(
                          app.base()
                              + "/api/review/tasks/"
                              + taskOfCase.get(caseIds.get(i))
                              + "/decision"))
                  .header("Authorization", reviewer(i))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          """
                          {"outcome":"%s","rationale":"Decided after reading the transaction log \
                          and the appeal","policyReference":"Terms of Service v4.2, section 7.3"}
                          """
                              .formatted(i % 2 == 0 ? "UPHOLD" : "OVERTURN")))
                  .build();
            },
            200);
    double postSeconds = (System.nanoTime() - startNanos) / 1e9;
    String decided =
        """
        FROM redress.suspension_case c
          JOIN redress.review_decision d ON d.case_id = c.case_id
          JOIN redress.notice_outbox o ON o.case_id = c.case_id AND o.kind = 'DECISION'
         WHERE c.platform_decision_id LIKE :prefix
        """;
    awaitCount(
        "SELECT count(*) " + decided + " AND o.status = 'DELIVERED'",
        prefix,
        n,
        "decision notices delivered");
    double seenSeconds = (System.nanoTime() - startNanos) / 1e9;
    CpuSample cpuStop = CpuSample.take(postmasterPid);

    List<Instant[]> rows =
        jdbc.sql(
                "SELECT c.case_id, d.decided_at, o.created_at AS stored_at, o.delivered_at "
                    + decided)
            .param("prefix", prefix + "-%")
            .query(
                (rs, row) ->
                    new Instant[] {
                      sentAt.get(rs.getString("case_id")),
                      rs.getTimestamp("decided_at").toInstant(),
                      rs.getTimestamp("stored_at").toInstant(),
                      rs.getTimestamp("delivered_at").toInstant()
                    })
            .list();
    Instant lastDelivered = rows.stream().map(r -> r[3]).max(Instant::compareTo).orElseThrow();
    double seconds = Duration.between(firstSent, lastDelivered).toNanos() / 1e9;
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s] B. preparation, not timed: %d appeals filed in %.1f s, all review tasks open"
                + " after %.1f s, all claimed (alice, carol) after %.1f s",
            label,
            n,
            appealSeconds,
            tasksSeconds,
            prepSeconds));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s] B. decision -> decision notice DELIVERED: %d decisions (UPHOLD/OVERTURN"
                + " alternately) in %.1f s = %.1f decisions/s (first decision sent -> last notice"
                + " delivered_at)",
            label,
            n,
            seconds,
            n / seconds));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    decision POSTs answered 200 in %.1f s (%.1f/s); decision POST latency %s",
            label,
            postSeconds,
            n / postSeconds,
            percentiles(decisions.latencies())));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    per case, decision POST sent -> decision notice delivered_at: %s",
            label,
            percentiles(between(rows, 0, 3))));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]      review_decision.decided_at -> delivered_at %s; of which dispatch (notice"
                + " stored -> delivered_at) %s",
            label,
            percentiles(between(rows, 1, 3)),
            percentiles(between(rows, 2, 3))));
    lines.add(
        String.format(
            Locale.ROOT,
            "[%s]    CPU from first decision until all notices were seen delivered: %s; %s; %s",
            label,
            cpuStop.since(cpuStart, seenSeconds),
            cpuStop.perUnit(cpuStart, n, "decision"),
            cpuStop.machineSince(cpuStart, seenSeconds)));
  }

  private static String reviewer(int i) {
    return i % 2 == 0 ? ALICE : CAROL;
  }

  // --- helpers -----------------------------------------------------------------------------------

  /** Answers of one batch: latencies (ns) and, for suspensions, the case ids in request order. */
  record Batch(long[] latencies, List<String> caseIds) {}

  /**
   * Sends requests 0..n-1 with at most {@link #inFlight} unanswered at a time; every answer must
   * have {@code expected} status, or the benchmark stops.
   */
  private Batch send(int n, IntFunction<HttpRequest> request, int expected)
      throws InterruptedException {
    Semaphore permits = new Semaphore(inFlight);
    long[] latencies = new long[n];
    String[] caseIds = new String[n];
    AtomicInteger failures = new AtomicInteger();
    for (int i = 0; i < n && failures.get() == 0; i++) {
      permits.acquire();
      int index = i;
      HttpRequest built = request.apply(i);
      long sent = System.nanoTime();
      http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                latencies[index] = System.nanoTime() - sent;
                if (failure != null || response.statusCode() != expected) {
                  if (failures.incrementAndGet() <= 3) {
                    log(
                        "%s: %s",
                        built.uri(),
                        failure != null ? failure : response.statusCode() + " " + response.body());
                  }
                } else {
                  Matcher m = CASE_ID.matcher(response.body());
                  caseIds[index] = m.find() ? m.group(1) : null;
                }
                permits.release();
              });
    }
    // every permit back: every request sent has its answer
    if (!permits.tryAcquire(inFlight, timeout.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError("Requests still unanswered after " + timeout);
    }
    if (failures.get() > 0) {
      throw new AssertionError(failures.get() + " requests failed");
    }
    return new Batch(latencies, Arrays.asList(caseIds));
  }

  /** Polls a count of the round's rows (every 100 ms) until it reaches {@code n}. */
  private void awaitCount(String sql, String prefix, int n, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long count;
    while ((count = jdbc.sql(sql).param("prefix", prefix + "-%").query(Long.class).single()) < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Only " + count + " of " + n + " " + what + " after " + timeout);
      }
      Thread.sleep(100);
    }
  }

  /** Nanoseconds from column {@code from} to column {@code to} of each row, sorted. */
  private static long[] between(List<Instant[]> rows, int from, int to) {
    return rows.stream()
        .mapToLong(r -> Duration.between(r[from], r[to]).toNanos())
        .sorted()
        .toArray();
  }

  private static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        Locale.ROOT,
        "p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms",
        BenchmarkApp.percentileMillis(sorted, 0.50),
        BenchmarkApp.percentileMillis(sorted, 0.95),
        BenchmarkApp.percentileMillis(sorted, 0.99),
        BenchmarkApp.percentileMillis(sorted, 1.0));
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[appeal-bench] " + format + "%n", args);
  }
}
