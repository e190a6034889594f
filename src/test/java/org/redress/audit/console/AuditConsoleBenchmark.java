package org.redress.audit.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.redress.shared.security.CaseLinks;
import org.redress.support.benchmark.BenchmarkApp;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Staff console pages under a realistic database (issue 10; not a test, see docs/benchmarks.md):
 * the README's app (embedded PostgreSQL and engine, all workers) with {@code benchmark.realCases}
 * cases reported through the API and appealed (each leaves one open review task), plus synthetic
 * cases written straight into Redress's tables up to {@code benchmark.cases} in total (a share
 * decided, escalated or four-eyes, so every search filter has work). Then each page is requested
 * one request at a time on loopback by a signed-in browser-like client (session cookie), so the
 * latency is the server's time plus loopback; prints p50/p95/p99/max per page.
 *
 * <p>Run: {@code ./mvnw -B -Pbenchmark test-compile exec:exec
 * -Dbenchmark.main=org.redress.audit.console.AuditConsoleBenchmark}. Settings (system properties
 * through {@code -Dbenchmark.jvmArgs=...}): {@code benchmark.cases} (10000), {@code
 * benchmark.realCases} (1000), {@code benchmark.requests} (300 per page), {@code
 * benchmark.dataDirectory} (target/console-benchmark-pg).
 */
public final class AuditConsoleBenchmark {

  private static final String PLATFORM = BenchmarkApp.basic("moderation-system", "moderation-demo");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private final int totalCases = Integer.getInteger("benchmark.cases", 10_000);
  private final int realCases = Integer.getInteger("benchmark.realCases", 1_000);
  private final int requests = Integer.getInteger("benchmark.requests", 300);
  private final Path dataDirectory =
      Path.of(System.getProperty("benchmark.dataDirectory", "target/console-benchmark-pg"));
  private final HttpClient http =
      HttpClient.newBuilder()
          .executor(Executors.newFixedThreadPool(32))
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private BenchmarkApp app;
  private String base;
  private JdbcClient jdbc;

  public static void main(String[] args) {
    AuditConsoleBenchmark benchmark = new AuditConsoleBenchmark();
    BenchmarkApp.runAndExit(benchmark::run, () -> benchmark.app);
  }

  private void run() throws Exception {
    startApp();
    jdbc = app.jdbc();
    long started = System.nanoTime();
    List<String[]> real = reportAndAppeal(realCases);
    log(
        "set-up: %d real cases appealed in %.0f s",
        real.size(), (System.nanoTime() - started) / 1e9);
    awaitOpenTasks(real.size());
    started = System.nanoTime();
    int synthetic = Math.max(0, totalCases - real.size());
    writeSyntheticCases(synthetic);
    jdbc.sql("ANALYZE").update();
    log(
        "set-up: %d synthetic cases in %.0f s; cases %d, open review tasks %d, audit events %d",
        synthetic,
        (System.nanoTime() - started) / 1e9,
        count("SELECT count(*) FROM redress.suspension_case"),
        count("SELECT count(*) FROM engine.user_task WHERE state = 'CREATED'"),
        count("SELECT count(*) FROM redress.audit_event"));

    HttpClient dave = signIn("dave", "dave-demo");
    HttpClient alice = signIn("alice", "alice-demo");
    List<String> rows = new ArrayList<>();
    rows.add(measure(alice, "GET /console/queue (alice, reviewer)", i -> "/console/queue"));
    rows.add(measure(dave, "GET /console/cases (no filter, page 1)", i -> "/console/cases"));
    rows.add(
        measure(
            dave,
            "GET /console/cases?accountId=...",
            i -> "/console/cases?accountId=" + real.get(i % real.size())[1]));
    rows.add(
        measure(
            dave,
            "GET /console/cases?sla=yes&fourEyes=no",
            i -> "/console/cases?sla=yes&fourEyes=no"));
    rows.add(
        measure(
            dave,
            "GET /console/cases?outcome=OVERTURN&page=3",
            i -> "/console/cases?outcome=OVERTURN&page=3"));
    rows.add(
        measure(
            dave,
            "GET /console/cases/{caseId} (real case, appeal open)",
            i -> "/console/cases/" + real.get((i * 7919) % real.size())[0]));
    rows.add(
        measure(
            dave,
            "GET /console/cases/export.csv?outcome=UPHOLD",
            i -> "/console/cases/export.csv?outcome=UPHOLD"));
    rows.add(measure(dave, "GET /console/dashboard", i -> "/console/dashboard"));
    System.out.println();
    System.out.println("| page | requests | p50 ms | p95 ms | p99 ms | max ms | status |");
    System.out.println("|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  /** Warm-up, then {@link #requests} sequential GETs; one Markdown table row. */
  private String measure(HttpClient client, String name, IntFunction<String> path)
      throws Exception {
    for (int i = 0; i < Math.max(20, requests / 10); i++) {
      get(client, path.apply(i + 100_000));
    }
    long[] nanos = new long[requests];
    java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    for (int i = 0; i < requests; i++) {
      long t0 = System.nanoTime();
      int status = get(client, path.apply(i));
      nanos[i] = System.nanoTime() - t0;
      statuses.merge(status, 1, Integer::sum);
    }
    Arrays.sort(nanos);
    String row =
        String.format(
            Locale.ROOT,
            "| %s | %d | %.1f | %.1f | %.1f | %.1f | %s |",
            name,
            requests,
            pct(nanos, 50),
            pct(nanos, 95),
            pct(nanos, 99),
            nanos[nanos.length - 1] / 1e6,
            statuses);
    log("%s", row);
    return row;
  }

  private static double pct(long[] sorted, int p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private int get(HttpClient client, String path) throws Exception {
    HttpResponse<byte[]> response =
        client.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    return response.statusCode();
  }

  /** A client with its own cookie jar, signed in through the console's login form. */
  private HttpClient signIn(String user, String password) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    String page =
        client
            .send(
                HttpRequest.newBuilder(URI.create(base + "/console/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = CSRF.matcher(page);
    if (!csrf.find()) {
      throw new AssertionError("No CSRF token on the login page");
    }
    String form =
        "username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(csrf.group(1));
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String location = login.headers().firstValue("Location").orElse("");
    if (login.statusCode() / 100 != 3 || location.contains("error")) {
      throw new AssertionError(
          "Sign-in of " + user + " failed: " + login.statusCode() + " " + location);
    }
    return client;
  }

  /** Reports {@code n} suspensions and appeals each once notified: [caseId, accountId]. */
  private List<String[]> reportAndAppeal(int n) throws Exception {
    CaseLinks links = app.bean(CaseLinks.class);
    List<String[]> cases = Collections.synchronizedList(new ArrayList<>());
    Semaphore inFlight = new Semaphore(16);
    CountDownLatch done = new CountDownLatch(n);
    AtomicInteger failures = new AtomicInteger();
    Instant now = Instant.now();
    for (int i = 0; i < n; i++) {
      String accountId = "bench-" + i;
      String body = BenchmarkApp.suspensionJson("bench", i, i % 3 == 0 ? "zh-CN" : "en", now);
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
                  cases.add(new String[] {caseId, accountId});
                } else if (failures.incrementAndGet() <= 3) {
                  log("set-up failure: %s", failure != null ? failure : response.body());
                }
                done.countDown();
              });
    }
    done.await();
    awaitCount(
        "SELECT count(*) FROM redress.suspension_case WHERE status = 'NOTIFIED'", cases.size());
    CountDownLatch appealed = new CountDownLatch(cases.size());
    for (String[] c : cases) {
      String token = links.issueToken(c[0], c[1], Instant.now().plus(Duration.ofDays(1)));
      inFlight.acquire();
      http.sendAsync(
              HttpRequest.newBuilder(URI.create(base + "/api/cases/" + c[0] + "/appeals"))
                  .header("Authorization", "Bearer " + token)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"statement\":\"The payments were refunds to my own customers.\","
                              + "\"contactPreference\":\"EMAIL\",\"talkToPerson\":false}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                inFlight.release();
                if (failure != null || response.statusCode() != 201) {
                  if (failures.incrementAndGet() <= 3) {
                    log("appeal failure: %s", failure != null ? failure : response.body());
                  }
                }
                appealed.countDown();
              });
    }
    appealed.await();
    if (failures.get() > 0) {
      throw new AssertionError(failures.get() + " set-up requests failed");
    }
    cases.sort(Comparator.comparing(c -> c[0]));
    return cases;
  }

  private void awaitOpenTasks(int n) throws InterruptedException {
    awaitCount("SELECT count(*) FROM engine.user_task WHERE state = 'CREATED'", n);
  }

  private void awaitCount(String sql, int n) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
    while (count(sql) < n) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out: " + sql + " < " + n);
      }
      Thread.sleep(500);
    }
  }

  private long count(String sql) {
    return jdbc.sql(sql).query(Long.class).single();
  }

  /**
   * Cases without a process, as a long-running installation has them: every third decided (a third
   * of those overturned), every 20th escalated, every 7th triaged with four eyes; opened over the
   * last 180 days.
   */
  private void writeSyntheticCases(int n) {
    jdbc.sql(
            """
            INSERT INTO redress.suspension_case (case_id, platform_decision_id, account_id,
                account_name, locale, category, ground_type, ground_reference, ground_explanation,
                facts, automated_detection, automated_decision, source, imposed_by, imposed_at,
                appeal_deadline, status, created_at)
            SELECT 'syn-' || g, 'syn-' || g, 'syn-acct-' || (g % 4000), 'Synthetic ' || g, 'en',
                   'STATEMENT_CATEGORY_SCAMS_AND_FRAUD', 'CONTRACTUAL', 'ToS 7.3', 'bulk',
                   'facts', true, false, 'SOURCE_VOLUNTARY', 'bob',
                   now() - (g % 180) * interval '1 day', now() + interval '180 days',
                   CASE WHEN g % 3 = 0 THEN 'EXECUTED' ELSE 'NOTIFIED' END,
                   now() - (g % 180) * interval '1 day' - (g % 1000) * interval '1 second'
              FROM generate_series(1, :n) g
            """)
        .param("n", n)
        .update();
    jdbc.sql(
            """
            INSERT INTO redress.appeal (appeal_id, case_id, statement, contact_preference,
                talk_to_person, status, filed_at, registered_at, decided_at, outcome)
            SELECT 'syn-appeal-' || g, 'syn-' || g, 'not me', 'IN_APP', false, 'DECIDED',
                   now() - (g % 180) * interval '1 day' + interval '1 hour',
                   now() - (g % 180) * interval '1 day' + interval '1 hour',
                   now() - (g % 180) * interval '1 day' + ((g % 72) + 2) * interval '1 hour',
                   CASE WHEN g % 9 = 0 THEN 'OVERTURN' ELSE 'UPHOLD' END
              FROM generate_series(3, :n, 3) g
            """)
        .param("n", n)
        .update();
    jdbc.sql(
            """
            INSERT INTO redress.review_decision (appeal_id, case_id, round, outcome, rationale,
                policy_reference, decided_by, decided_at, user_task_key, four_eyes_required, status)
            SELECT 'syn-appeal-' || g, 'syn-' || g, 1, CASE WHEN g % 9 = 0 THEN 'OVERTURN' ELSE 'UPHOLD' END,
                   'read the log', 'ToS 7.3', CASE WHEN g % 2 = 0 THEN 'alice' ELSE 'bob' END,
                   now() - (g % 180) * interval '1 day' + ((g % 72) + 2) * interval '1 hour',
                   -g, g % 7 = 0, 'FINAL'
              FROM generate_series(3, :n, 3) g
            """)
        .param("n", n)
        .update();
    jdbc.sql(
            """
            INSERT INTO redress.audit_event (case_id, occurred_at, actor, actor_type, action,
                summary, details, hash)
            SELECT 'syn-' || g, now() - (g % 180) * interval '1 day', 'redress-workflow', 'SYSTEM',
                   a.action, a.action,
                   CASE WHEN a.action = 'APPEAL_TRIAGED'
                        THEN jsonb_build_object('fourEyesRequired', g % 7 = 0)
                        ELSE '{}'::jsonb END,
                   md5(g::text || a.action)
              FROM generate_series(1, :n) g
              CROSS JOIN (VALUES ('CASE_OPENED'), ('ACCOUNT_RESTRICTED'), ('SUSPENSION_NOTICE_SENT'),
                                 ('APPEAL_TRIAGED'), ('REVIEW_ESCALATED')) a(action)
             WHERE a.action <> 'REVIEW_ESCALATED' OR g % 20 = 0
            """)
        .param("n", n)
        .update();
  }

  private void startApp() throws IOException {
    app = BenchmarkApp.start(dataDirectory);
    base = app.base();
    log("app started on %s (embedded PostgreSQL in %s)", base, dataDirectory);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[console-bench] " + format + "%n", args);
  }
}
