package org.redress.support.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.redress.RedressApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The README's app started in a benchmark's JVM, on loopback: embedded PostgreSQL with its
 * production settings in a fresh data directory, the embedded engine and all Redress job workers
 * (the test classpath turns them off; a benchmark wants the whole workflow running), logging at
 * WARN. Shared by the workflow and console benchmarks; not for tests.
 */
public final class BenchmarkApp implements AutoCloseable {

  private final ConfigurableApplicationContext context;
  private final String base;
  private final Path dataDirectory;

  private BenchmarkApp(ConfigurableApplicationContext context, String base, Path dataDirectory) {
    this.context = context;
    this.base = base;
    this.dataDirectory = dataDirectory;
  }

  /**
   * Wipes {@code dataDirectory}, starts the app on a free port with its PostgreSQL there; {@code
   * extraArguments} are further {@code --name=value} settings of the app.
   */
  public static BenchmarkApp start(Path dataDirectory, String... extraArguments)
      throws IOException {
    deleteRecursively(dataDirectory);
    Files.createDirectories(dataDirectory);
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    String base = "http://localhost:" + port;
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--server.port=" + port,
                "--camunda.client.rest-address=" + base,
                "--redress.embedded-postgres.data-directory=" + dataDirectory,
                "--spring.main.banner-mode=off",
                // the test classpath turns the app's workers off (config/application.properties)
                "--camunda.client.worker.defaults.enabled=true",
                "--logging.level.root=WARN"));
    arguments.addAll(List.of(extraArguments));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RedressApplication.class)
            .run(arguments.toArray(String[]::new));
    return new BenchmarkApp(context, base, dataDirectory);
  }

  /** {@code http://localhost:<port>}. */
  public String base() {
    return base;
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** A JDBC client on the app's own pool (Redress's and the engine's tables). */
  public JdbcClient jdbc() {
    return JdbcClient.create(context.getBean(DataSource.class));
  }

  /** The embedded PostgreSQL's postmaster, from its {@code postmaster.pid}. */
  public long postmasterPid() throws IOException {
    return Long.parseLong(
        Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
  }

  @Override
  public void close() {
    context.close();
  }

  /** An HTTP Basic {@code Authorization} value. */
  /** A benchmark's body: it may start an app and hand it over for closing. */
  public interface Body {
    void run() throws Exception;
  }

  /**
   * Runs a benchmark's {@code main}: the body, then {@code app.get()} closed if it was started,
   * then exits with 0, or 1 after printing what failed.
   */
  public static void runAndExit(Body body, java.util.function.Supplier<BenchmarkApp> app) {
    int status = 0;
    try {
      body.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    } finally {
      if (app.get() != null) {
        app.get().close();
      }
    }
    System.exit(status);
  }

  public static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The JSON of {@code POST /api/suspensions} for benchmark case {@code i}: a log-in restriction
   * (no monetary measure, so no four-eyes threshold), imposed by bob, decision id and account id
   * {@code <prefix>-<i>}.
   */
  public static String suspensionJson(String prefix, int i, String locale, Instant now) {
    return """
        {"platformDecisionId":"%s-%d","account":{"accountId":"%s-%d","displayName":"Bench User %d",
         "locale":"%s"},
         "measures":[{"type":"ACCOUNT","scope":"Log-in disabled","territorialScope":"EU",
           "startsAt":"%s","indefinite":true}],
         "ground":{"type":"CONTRACTUAL","reference":"Terms of Service v4.2, section 7.3",
           "explanation":"The account sent payment requests to strangers in bulk"},
         "facts":"On 2026-11-20 the account sent 340 payment requests within one hour.",
         "category":"STATEMENT_CATEGORY_SCAMS_AND_FRAUD","automatedDetection":true,
         "automatedDecision":false,"source":"SOURCE_VOLUNTARY","imposedBy":"bob",
         "imposedAt":"%s"}
        """
        .formatted(prefix, i, prefix, i, i, locale, now, now);
  }

  /** Nearest-rank percentile ({@code p} in 0..1) of sorted nanoseconds, in milliseconds. */
  public static double percentileMillis(long[] sortedNanos, double p) {
    if (sortedNanos.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(p * sortedNanos.length) - 1;
    return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
  }

  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (var paths = Files.walk(path)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /**
   * CPU time used so far by this JVM ({@code OperatingSystemMXBean}) and by PostgreSQL (utime+stime
   * of the postmaster and every live process under it, plus the postmaster's cutime+cstime for
   * children that exited), in nanoseconds; subtract two samples for a phase. Linux only (reads
   * {@code /proc}); PostgreSQL is 0 elsewhere. With them, the whole machine's busy and total CPU
   * time from {@code /proc/stat}, so that a phase shows how much other processes took.
   */
  public record CpuSample(
      long jvmNanos, long postgresNanos, long machineBusyNanos, long machineTotalNanos) {

    private static final long NANOS_PER_TICK = 1_000_000_000L / clockTicks();

    public static CpuSample take(long postmasterPid) {
      long jvm =
          ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
              .getProcessCpuTime();
      long[] own = ticks(postmasterPid);
      long postgres = own[0] + own[1];
      var postmaster = ProcessHandle.of(postmasterPid);
      if (postmaster.isPresent()) {
        for (ProcessHandle child : postmaster.get().descendants().toList()) {
          postgres += ticks(child.pid())[0];
        }
      }
      long[] machine = machineTicks();
      return new CpuSample(
          jvm, postgres * NANOS_PER_TICK, machine[1] * NANOS_PER_TICK, machine[0] * NANOS_PER_TICK);
    }

    /** "JVM x ms + PostgreSQL y ms = z ms (w % of one core)" from {@code start} to this sample. */
    public String since(CpuSample start, double wallSeconds) {
      double jvm = (jvmNanos - start.jvmNanos) / 1e6;
      double pg = (postgresNanos - start.postgresNanos) / 1e6;
      return String.format(
          Locale.ROOT,
          "JVM %.0f ms + PostgreSQL %.0f ms = %.0f CPU-ms (%.0f %% of one core over %.1f s)",
          jvm,
          pg,
          jvm + pg,
          wallSeconds > 0 ? (jvm + pg) / (wallSeconds * 10) : Double.NaN,
          wallSeconds);
    }

    /**
     * "machine busy x % of n CPUs, other processes y % of one core" from {@code start} to this
     * sample (other = busy minus this JVM and PostgreSQL).
     */
    public String machineSince(CpuSample start, double wallSeconds) {
      double total = machineTotalNanos - start.machineTotalNanos;
      double busy = machineBusyNanos - start.machineBusyNanos;
      double ours = (jvmNanos - start.jvmNanos) + (postgresNanos - start.postgresNanos);
      return String.format(
          Locale.ROOT,
          "machine busy %.0f %% of %d CPUs, other processes %.0f %% of one core",
          total > 0 ? 100 * busy / total : Double.NaN,
          Runtime.getRuntime().availableProcessors(),
          wallSeconds > 0 ? (busy - ours) / (wallSeconds * 1e7) : Double.NaN);
    }

    /** {total, busy} CPU ticks of the machine (busy = all but idle and iowait). */
    private static long[] machineTicks() {
      try (var lines = Files.lines(Path.of("/proc/stat"))) {
        String[] f = lines.findFirst().orElseThrow().trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < f.length && i <= 8; i++) {
          total += Long.parseLong(f[i]);
        }
        return new long[] {total, total - Long.parseLong(f[4]) - Long.parseLong(f[5])};
      } catch (IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    /** CPU-ms per unit of work (JVM, PostgreSQL) from {@code start} to this sample. */
    public String perUnit(CpuSample start, int units, String unit) {
      double jvm = (jvmNanos - start.jvmNanos) / 1e6 / units;
      double pg = (postgresNanos - start.postgresNanos) / 1e6 / units;
      return String.format(
          Locale.ROOT, "%.1f CPU-ms per %s (JVM %.1f + PostgreSQL %.1f)", jvm + pg, unit, jvm, pg);
    }

    /** {utime+stime, cutime+cstime} of a process in clock ticks; zeros when it has ended. */
    private static long[] ticks(long pid) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // f[0] is field 3 (state); utime = field 14, stime 15, cutime 16, cstime 17
        return new long[] {
          Long.parseLong(f[11]) + Long.parseLong(f[12]),
          Long.parseLong(f[13]) + Long.parseLong(f[14])
        };
      } catch (IOException | RuntimeException e) {
        return new long[] {0, 0};
      }
    }

    private static long clockTicks() {
      try {
        Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(getconf.getInputStream().readAllBytes()).trim();
        getconf.waitFor();
        return Long.parseLong(out);
      } catch (IOException | RuntimeException e) {
        return 100;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return 100;
      }
    }
  }
}
