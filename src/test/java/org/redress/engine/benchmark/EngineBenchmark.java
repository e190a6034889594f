package org.redress.engine.benchmark;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.AbstractFlowNodeBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.redress.RedressApplication;
import org.redress.engine.durability.AppProcess;
import org.redress.engine.metrics.EngineMetrics;
import org.redress.support.TestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Throughput, CPU cost, job latency and idle cost of the embedded engine, measured end to end: the
 * app (engine + embedded PostgreSQL with its production settings: fsync and synchronous commit on)
 * runs in this JVM ({@code benchmark.mode=in-process}, the default) or in a JVM of its own, as
 * users deploy it ({@code separate}); the official Camunda client drives it over REST from this
 * JVM, with three job workers that complete a three-service-task process. A third mode ({@code
 * app-idle}) measures the whole app at rest: started with all its own job workers and schedulers,
 * no work.
 *
 * <p>Not a test: run it with {@code ./mvnw -B -Pbenchmark test-compile exec:exec} (see {@code
 * docs/benchmarks.md}). Settings are system properties {@code benchmark.*} (see {@link Settings}).
 *
 * <p>Phases: (0) warm-up: bursts until the app JVM's JIT compiler threads use less than 5 % of its
 * CPU in a round (at least 3 rounds, at most {@code warmupMaxRounds}), then {@code warmupSeconds}
 * at the steady rate; (1) throughput: start N instances as fast as the in-flight limit allows,
 * completed instances/s from the first start to the last completion; (2) CPU-ms per instance over
 * phase 1, JVM (process CPU time) + PostgreSQL (utime+stime of the postmaster and all its processes
 * from /proc, reaped children included); (3) latency at a steady start rate: per job {@code
 * end_time - created_at} from {@code engine.job}, and per instance start-to-end; (4) idle CPU with
 * the workers connected (long polling) and no work.
 */
public final class EngineBenchmark {

  static final String THROUGHPUT_PROCESS = "benchmark-throughput";
  static final String LATENCY_PROCESS = "benchmark-latency";
  static final List<String> JOB_TYPES = List.of("benchmark-1", "benchmark-2", "benchmark-3");
  static final String LAST_TYPE = JOB_TYPES.get(JOB_TYPES.size() - 1);

  /** Where the app runs, and what is measured. */
  enum Mode {
    /** The app in this JVM, beside the client (phases 1-4). */
    IN_PROCESS,
    /** The app in a JVM of its own with its embedded PostgreSQL, the client here (phases 1-4). */
    SEPARATE,
    /** The app in a JVM of its own with all its workers and schedulers, no work: idle CPU only. */
    APP_IDLE;

    static Mode of(String text) {
      return Mode.valueOf(text.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** Benchmark settings, each a system property {@code benchmark.<name>}. */
  record Settings(
      Mode mode,
      Path appJar,
      List<String> appJvmOptions,
      int appIdleSeconds,
      int appIdleSettleSeconds,
      int instances,
      int warmupInstances,
      int warmupMaxRounds,
      int warmupSeconds,
      int inFlight,
      int workerThreads,
      int maxJobsActive,
      int rate,
      int latencySeconds,
      int idleSeconds,
      int idleSettleSeconds,
      Path dataDirectory) {

    static Settings fromSystemProperties() {
      String jar = System.getProperty("benchmark.appJar", "");
      return new Settings(
          Mode.of(System.getProperty("benchmark.mode", "in-process")),
          jar.isBlank() ? null : Path.of(jar).toAbsolutePath(),
          List.of(System.getProperty("benchmark.appJvmArgs", "-Xms1g -Xmx1g").trim().split("\\s+")),
          Integer.getInteger("benchmark.appIdleSeconds", 60),
          Integer.getInteger("benchmark.appIdleSettleSeconds", 30),
          Integer.getInteger("benchmark.instances", 5000),
          Integer.getInteger("benchmark.warmupInstances", 1000),
          Integer.getInteger("benchmark.warmupMaxRounds", 30),
          Integer.getInteger("benchmark.warmupSeconds", 10),
          Integer.getInteger("benchmark.inFlight", 64),
          Integer.getInteger("benchmark.workerThreads", 8),
          Integer.getInteger("benchmark.maxJobsActive", 32),
          Integer.getInteger("benchmark.rate", 20),
          Integer.getInteger("benchmark.latencySeconds", 30),
          Integer.getInteger("benchmark.idleSeconds", 20),
          Integer.getInteger("benchmark.idleSettleSeconds", 10),
          Path.of(System.getProperty("benchmark.dataDirectory", "target/benchmark/postgres"))
              .toAbsolutePath());
    }
  }

  private final Settings settings;
  private final Map<Long, Long> startedAt = new ConcurrentHashMap<>(); // instance -> nanoTime
  private final Map<Long, Long> endedAt = new ConcurrentHashMap<>(); // instance -> nanoTime
  private final AtomicInteger completedInstances = new AtomicInteger();
  private final AtomicLong failedCommands = new AtomicLong();
  private final List<String> summary = new ArrayList<>();

  private ConfigurableApplicationContext app; // in-process mode
  private AppProcess appProcess; // separate and app-idle modes
  private SingleConnectionDataSource benchmarkDataSource; // separate and app-idle modes
  private CamundaClient client;
  private JdbcClient jdbc;
  private long postmasterPid;

  private EngineBenchmark(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = Settings.fromSystemProperties();
    EngineBenchmark benchmark = new EngineBenchmark(settings);
    int status = 0;
    try {
      benchmark.run();
    } catch (Exception | AssertionError e) {
      e.printStackTrace();
      status = 1;
    } finally {
      benchmark.close();
    }
    System.exit(status);
  }

  private void run() throws Exception {
    log("settings: %s", settings);
    if (settings.mode() != Mode.IN_PROCESS) {
      // without Spring in this JVM, keep the client's own logging (HTTP retries) quiet as well
      ((ch.qos.logback.classic.Logger)
              org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
    if (settings.mode() == Mode.APP_IDLE) {
      runAppIdle();
      return;
    }
    Profile.startRecording();
    if (settings.mode() == Mode.SEPARATE) {
      startAppProcess();
    } else {
      startApp();
    }
    deploy();
    List<JobWorker> workers = openWorkers();

    warmUp();

    log("throughput: %d instances, %d starts in flight", settings.instances(), settings.inFlight());
    Measurement burst;
    try (Profile profile = Profile.start("throughput");
        ActivitySampler sampler = ActivitySampler.start("throughput", this)) {
      burst = runBurst(settings.instances(), "throughput");
    }

    log("latency: %d starts/s for %d s", settings.rate(), settings.latencySeconds());
    LatencyResult latency;
    try (Profile profile = Profile.start("steady");
        ActivitySampler sampler = ActivitySampler.start("steady", this)) {
      latency = runSteady();
    }

    log("idle: %d s with workers connected", settings.idleSeconds());
    Measurement idle = runIdle();

    workers.forEach(JobWorker::close);
    report(burst, latency, idle);
  }

  // ---------------------------------------------------------------------------------------------
  // set-up

  private void startApp() throws IOException {
    deleteRecursively(settings.dataDirectory());
    Files.createDirectories(settings.dataDirectory());
    int port = freePort();
    long started = System.nanoTime();
    app =
        new SpringApplicationBuilder(RedressApplication.class)
            .run(
                "--server.port=" + port,
                "--camunda.client.rest-address=http://localhost:" + port,
                "--redress.embedded-postgres.data-directory=" + settings.dataDirectory(),
                "--spring.main.banner-mode=off",
                "--redress.engine.client-id=" + TestServer.ENGINE_CLIENT_ID,
                "--redress.engine.client-secret=" + TestServer.ENGINE_CLIENT_SECRET,
                "--logging.level.root=WARN",
                "--logging.level.org.redress.engine.benchmark=INFO");
    log(
        "app started on port %d in %d ms (embedded PostgreSQL in %s)",
        port, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), settings.dataDirectory());
    jdbc = JdbcClient.create(app.getBean(DataSource.class));
    postmasterPid =
        Long.parseLong(
            Files.readAllLines(settings.dataDirectory().resolve("postmaster.pid")).get(0).trim());
    log("PostgreSQL postmaster PID %d", postmasterPid);
    applyPostgresSettings();
    client = client(port);
  }

  /**
   * Separate mode: the app in a JVM of its own (as {@code java -jar} runs it, with {@code
   * benchmark.appJvmArgs}), with its embedded PostgreSQL in the benchmark's data directory; this
   * JVM reads the database through one connection of its own.
   */
  private void startAppProcess() throws IOException {
    deleteRecursively(settings.dataDirectory());
    Files.createDirectories(settings.dataDirectory());
    long started = System.nanoTime();
    appProcess =
        AppProcess.startOwnDatabase(
            "benchmark-app",
            settings.appJar(),
            settings.dataDirectory(),
            settings.appJvmOptions(),
            List.of("--logging.level.root=WARN"));
    appProcess.awaitReady(Duration.ofMinutes(3));
    int port = URI.create(appProcess.baseUrl()).getPort();
    log(
        "app JVM (PID %d, %s) ready on port %d in %d ms (embedded PostgreSQL in %s, log %s)",
        appProcess.pid(),
        settings.appJar() == null ? "classpath of this JVM" : settings.appJar(),
        port,
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        settings.dataDirectory(),
        appProcess.log());
    connectToAppDatabase();
    applyPostgresSettings();
    client = client(port);
  }

  /** Reads the postmaster's PID and port from its {@code postmaster.pid}; connects once. */
  private void connectToAppDatabase() throws IOException {
    List<String> pidFile = Files.readAllLines(settings.dataDirectory().resolve("postmaster.pid"));
    postmasterPid = Long.parseLong(pidFile.get(0).trim());
    int pgPort = Integer.parseInt(pidFile.get(3).trim());
    benchmarkDataSource =
        new SingleConnectionDataSource(
            "jdbc:postgresql://localhost:" + pgPort + "/postgres", "postgres", "", true);
    jdbc = JdbcClient.create(benchmarkDataSource);
    log("PostgreSQL postmaster PID %d, port %d", postmasterPid, pgPort);
  }

  private CamundaClient client(int port) {
    return CamundaClient.newClientBuilder()
        .restAddress(URI.create("http://localhost:" + port))
        .grpcAddress(URI.create("http://localhost:26500"))
        .preferRestOverGrpc(true)
        .credentialsProvider(TestServer.engineCredentials())
        .numJobWorkerExecutionThreads(settings.workerThreads())
        .defaultJobWorkerMaxJobsActive(settings.maxJobsActive())
        .build();
  }

  /**
   * Experiments with server settings without touching the app: {@code
   * -Dbenchmark.postgresSettings=random_page_cost=1.1,work_mem=8MB} is applied with ALTER SYSTEM
   * and a reload before any work (the data directory is fresh for every run).
   */
  private void applyPostgresSettings() {
    String settings = System.getProperty("benchmark.postgresSettings", "");
    for (String setting : settings.split(",")) {
      if (setting.isBlank()) {
        continue;
      }
      String[] nameValue = setting.split("=", 2);
      if (nameValue.length != 2
          || !nameValue[0].trim().matches("[a-z_]+")
          || !nameValue[1].trim().matches("[A-Za-z0-9_.]+")) {
        throw new IllegalArgumentException("Expected name=value, but got: " + setting);
      }
      jdbc.sql("ALTER SYSTEM SET " + nameValue[0].trim() + " = '" + nameValue[1].trim() + "'")
          .update();
      log("PostgreSQL: %s = %s", nameValue[0].trim(), nameValue[1].trim());
    }
    if (!settings.isBlank()) {
      jdbc.sql("SELECT pg_reload_conf()").query().listOfRows();
    }
  }

  private void deploy() {
    for (String processId : List.of(THROUGHPUT_PROCESS, LATENCY_PROCESS)) {
      client
          .newDeployResourceCommand()
          .addProcessModel(model(processId), processId + ".bpmn")
          .send()
          .join();
    }
  }

  static BpmnModelInstance model(String processId) {
    AbstractFlowNodeBuilder<?, ?> builder =
        Bpmn.createExecutableProcess(processId).startEvent("StartEvent_Started");
    for (int i = 0; i < JOB_TYPES.size(); i++) {
      String type = JOB_TYPES.get(i);
      builder = builder.serviceTask("ServiceTask_Step" + (i + 1), t -> t.zeebeJobType(type));
    }
    return builder.endEvent("EndEvent_Done").done();
  }

  private List<JobWorker> openWorkers() {
    List<JobWorker> workers = new ArrayList<>();
    for (String type : JOB_TYPES) {
      workers.add(
          client
              .newWorker()
              .jobType(type)
              .handler((jobClient, job) -> handle(jobClient, job))
              .name("benchmark")
              .maxJobsActive(settings.maxJobsActive())
              .timeout(Duration.ofMinutes(1))
              .fetchVariables("caseId")
              .open());
    }
    return workers;
  }

  /** A worker that does nothing but complete the job (and notice instance ends). */
  private void handle(JobClient jobClient, ActivatedJob job) {
    try {
      jobClient.newCompleteCommand(job.getKey()).send().join();
    } catch (RuntimeException e) {
      failedCommands.incrementAndGet();
      throw e;
    }
    if (LAST_TYPE.equals(job.getType())) {
      // the instance completed in the same transaction as its last job
      endedAt.put(job.getProcessInstanceKey(), System.nanoTime());
      completedInstances.incrementAndGet();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // phases

  private Measurement runBurst(int instances, String label) throws InterruptedException {
    int before = completedInstances.get();
    AtomicInteger refusedStarts = new AtomicInteger();
    Semaphore inFlight = new Semaphore(settings.inFlight());
    AtomicLong lastStartAcknowledged = new AtomicLong();
    Measurement measurement = Measurement.start(label, this);
    for (int i = 0; i < instances; i++) {
      inFlight.acquire();
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(THROUGHPUT_PROCESS)
          .latestVersion()
          .variables(Map.of("caseId", "case-" + i))
          .send()
          .whenComplete(
              (created, error) -> {
                inFlight.release();
                if (error != null) {
                  failedCommands.incrementAndGet();
                  refusedStarts.incrementAndGet();
                } else {
                  lastStartAcknowledged.set(System.nanoTime());
                }
              });
    }
    // a start refused even after the client's retry (503 under overload) makes no instance
    int requested = instances;
    awaitCompleted(
        () -> before + requested - refusedStarts.get(),
        Duration.ofSeconds(Math.max(120, instances / 10)));
    measurement.stop(this);
    measurement.startsDoneNanos = lastStartAcknowledged.get() - measurement.startNanos;
    measurement.instances = instances - refusedStarts.get();
    if (refusedStarts.get() > 0) {
      log("%s: %d starts refused (not counted)", label, refusedStarts.get());
    }
    instances = measurement.instances;
    log(
        "%s: %d instances in %.2f s = %.1f completed instances/s (all started after %.2f s);"
            + " CPU-ms/instance app JVM %.2f + PostgreSQL %.2f = %.2f (client JVM %.2f, 0 when"
            + " in-process)",
        label,
        instances,
        measurement.seconds(),
        instances / measurement.seconds(),
        measurement.startsDoneNanos / 1e9,
        measurement.jvmCpuMs() / instances,
        measurement.pgCpuMs() / instances,
        measurement.totalCpuMs() / instances,
        measurement.clientCpuMs() / instances);
    log("%s: engine API calls %s", label, measurement.requests());
    log("%s: %s", label, measurement.gcAndJit());
    log("%s: PostgreSQL CPU by process: %s", label, measurement.pgCpuText());
    log("%s: database work per instance: %s", label, measurement.databaseWorkPerInstance());
    return measurement;
  }

  /**
   * JIT compilation on a small machine takes minutes of CPU and would be billed to the first
   * phases: warm up with bursts until the app JVM's compiler threads used less than 5 % of its CPU
   * in a round (read from {@code /proc}, so the same in both modes), then at the steady rate
   * (long-polling paths differ from the burst's).
   */
  private void warmUp() throws InterruptedException {
    long appPid = appProcess == null ? ProcessHandle.current().pid() : appProcess.pid();
    for (int round = 1; round <= settings.warmupMaxRounds(); round++) {
      log("warm-up round %d: %d instances", round, settings.warmupInstances());
      long compilerBefore = compilerCpuNanos(appPid);
      Measurement m = runBurst(settings.warmupInstances(), "warm-up " + round);
      double compilerMs = (compilerCpuNanos(appPid) - compilerBefore) / 1e6;
      double share = m.jvmCpuMs() <= 0 ? 1 : compilerMs / m.jvmCpuMs();
      log(
          "warm-up %d: app JVM compiler threads %.0f ms = %.1f %% of the app JVM's CPU",
          round, compilerMs, 100 * share);
      if (round >= 3 && share < 0.05) {
        break;
      }
    }
    if (settings.warmupSeconds() > 0) {
      log("warm-up at %d starts/s for %d s", settings.rate(), settings.warmupSeconds());
      steady(THROUGHPUT_PROCESS, settings.warmupSeconds(), "warm-up steady", new HashMap<>());
    }
  }

  private LatencyResult runSteady() throws InterruptedException {
    int total = settings.rate() * settings.latencySeconds();
    Map<Long, Long> sentAt = new ConcurrentHashMap<>();
    Measurement measurement = steady(LATENCY_PROCESS, settings.latencySeconds(), "steady", sentAt);
    return latencies(measurement, total, sentAt);
  }

  private Measurement steady(String processId, int seconds, String label, Map<Long, Long> sentAt)
      throws InterruptedException {
    int total = settings.rate() * seconds;
    int before = completedInstances.get();
    AtomicInteger refusedStarts = new AtomicInteger();
    AtomicInteger sent = new AtomicInteger();
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    Measurement measurement = Measurement.start(label, this);
    long periodMicros = 1_000_000L / settings.rate();
    ticker.scheduleAtFixedRate(
        () -> {
          if (sent.getAndIncrement() >= total) {
            return;
          }
          long sendNanos = System.nanoTime();
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .variables(Map.of("caseId", "steady-" + sendNanos))
              .send()
              .whenComplete(
                  (created, error) -> {
                    if (error != null) {
                      failedCommands.incrementAndGet();
                      refusedStarts.incrementAndGet();
                    } else {
                      sentAt.put(created.getProcessInstanceKey(), sendNanos);
                    }
                  });
        },
        0,
        periodMicros,
        TimeUnit.MICROSECONDS);
    awaitCompleted(() -> before + total - refusedStarts.get(), Duration.ofSeconds(seconds + 60L));
    ticker.shutdownNow();
    measurement.stop(this);
    measurement.instances = total - refusedStarts.get();
    return measurement;
  }

  private LatencyResult latencies(Measurement measurement, int total, Map<Long, Long> sentAt) {
    List<Double> perInstance = new ArrayList<>();
    sentAt.forEach(
        (key, sendNanos) -> {
          Long end = endedAt.get(key);
          if (end != null) {
            perInstance.add((end - sendNanos) / 1e6);
          }
        });
    List<Double> perJob =
        jdbc.sql(
                """
                SELECT EXTRACT(EPOCH FROM (end_time - created_at)) * 1000
                  FROM engine.job
                 WHERE bpmn_process_id = :process AND state = 'COMPLETED'
                """)
            .param("process", LATENCY_PROCESS)
            .query(Double.class)
            .list();
    Map<String, List<Double>> perJobByType = new HashMap<>();
    jdbc.sql(
            """
            SELECT type, EXTRACT(EPOCH FROM (end_time - created_at)) * 1000 AS ms
              FROM engine.job
             WHERE bpmn_process_id = :process AND state = 'COMPLETED'
            """)
        .param("process", LATENCY_PROCESS)
        .query(
            (rs, n) ->
                perJobByType
                    .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(rs.getDouble(2)))
        .list();
    List<Double> engineInstance =
        jdbc.sql(
                """
                SELECT EXTRACT(EPOCH FROM (end_date - start_date)) * 1000
                  FROM engine.element_instance
                 WHERE bpmn_process_id = :process AND type = 'PROCESS' AND state = 'COMPLETED'
                """)
            .param("process", LATENCY_PROCESS)
            .query(Double.class)
            .list();
    LatencyResult result =
        new LatencyResult(
            measurement,
            new Percentiles(perJob),
            perJobByType.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Map.entry(e.getKey(), new Percentiles(e.getValue())))
                .toList(),
            new Percentiles(engineInstance),
            new Percentiles(perInstance));
    log("steady: job created->completed %s", result.perJob());
    result.perType().forEach(e -> log("steady:   %s %s", e.getKey(), e.getValue()));
    log("steady: instance start->end (engine) %s", result.engineInstance());
    log("steady: instance start->end (client) %s", result.clientInstance());
    log(
        "steady: CPU %.1f %% of one core (JVM %.1f %%, PostgreSQL %.1f %%), %.2f CPU-ms/instance",
        measurement.cpuPercentOfOneCore(),
        100.0 * measurement.jvmCpuMs() / measurement.wallMs(),
        100.0 * measurement.pgCpuMs() / measurement.wallMs(),
        measurement.totalCpuMs() / total);
    log("steady: engine API calls %s", measurement.requests());
    log("steady: %s", measurement.gcAndJit());
    log("steady: PostgreSQL CPU by process: %s", measurement.pgCpuText());
    log("steady: database work per instance: %s", measurement.databaseWorkPerInstance());
    log("steady: JVM CPU by thread group, ms/s %s", perSecond(measurement));
    return result;
  }

  private Measurement runIdle() throws InterruptedException {
    // let the last completions, their follow-up polls and the statistics settle
    Thread.sleep(TimeUnit.SECONDS.toMillis(settings.idleSettleSeconds()));
    Measurement measurement = Measurement.start("idle", this);
    Thread.sleep(TimeUnit.SECONDS.toMillis(settings.idleSeconds()));
    measurement.stop(this);
    log(
        "idle: CPU %.2f %% of one core (JVM %.2f %%, PostgreSQL %.2f %%) over %.0f s",
        measurement.cpuPercentOfOneCore(),
        100.0 * measurement.jvmCpuMs() / measurement.wallMs(),
        100.0 * measurement.pgCpuMs() / measurement.wallMs(),
        measurement.seconds());
    log("idle: engine API calls %s", measurement.requests());
    log("idle: %s", measurement.gcAndJit());
    log("idle: PostgreSQL CPU by process: %s", measurement.pgCpuText());
    measurement.instances = settings.idleSeconds();
    log("idle: database work per second: %s", measurement.databaseWorkPerInstance());
    log("idle: JVM CPU by thread group, ms/s %s", perSecond(measurement));
    return measurement;
  }

  /**
   * App-idle mode: the whole app as {@code java -jar} runs it on the embedded default (its own
   * PostgreSQL, all its job workers long polling, its schedulers and outbox dispatchers running),
   * no work; CPU of the app JVM and of PostgreSQL over {@code appIdleSeconds}, after the app is
   * ready (process models deployed) and {@code appIdleSettleSeconds} have passed.
   */
  private void runAppIdle() throws Exception {
    deleteRecursively(settings.dataDirectory());
    Files.createDirectories(settings.dataDirectory());
    long started = System.nanoTime();
    appProcess =
        AppProcess.startOwnDatabase(
            "benchmark-app-idle",
            settings.appJar(),
            settings.dataDirectory(),
            settings.appJvmOptions(),
            List.of("--logging.level.root=WARN"));
    appProcess.awaitReady(Duration.ofMinutes(3), "/actuator/health/readiness");
    log(
        "app JVM (PID %d, %s) ready in %d ms; log %s",
        appProcess.pid(),
        settings.appJar() == null ? "classpath of this JVM" : settings.appJar(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
        appProcess.log());
    connectToAppDatabase();
    log(
        "settling %d s, then measuring %d s",
        settings.appIdleSettleSeconds(), settings.appIdleSeconds());
    Thread.sleep(TimeUnit.SECONDS.toMillis(settings.appIdleSettleSeconds()));
    Measurement idle = Measurement.start("app idle", this);
    Thread.sleep(TimeUnit.SECONDS.toMillis(settings.appIdleSeconds()));
    idle.stop(this);
    idle.instances = settings.appIdleSeconds();
    int cores = Runtime.getRuntime().availableProcessors();
    summary.add("==================== Redress whole app idle ====================");
    summary.add(String.format(Locale.ROOT, "machine: %d CPUs, %s", cores, cpuModel()));
    summary.add(String.format(Locale.ROOT, "settings: %s", settings));
    summary.add(
        String.format(
            Locale.ROOT,
            "whole app idle over %.0f s (all its job workers connected, schedulers running, no"
                + " work): app JVM %.2f %% + PostgreSQL %.2f %% = %.2f %% of one core"
                + "  [target < 2]  %s",
            idle.seconds(),
            100.0 * idle.jvmCpuMs() / idle.wallMs(),
            100.0 * idle.pgCpuMs() / idle.wallMs(),
            idle.cpuPercentOfOneCore(),
            verdict(idle.cpuPercentOfOneCore() < 2)));
    summary.add("    machine: " + idle.machineText());
    summary.add("    PostgreSQL CPU by process: " + idle.pgCpuText());
    summary.add("    database work per second: " + idle.databaseWorkPerInstance());
    summary.add("    app JVM CPU by thread group, ms per second:");
    idle.threadCpuByGroup()
        .forEach(
            (group, nanos) ->
                summary.add(
                    String.format(
                        Locale.ROOT, "      %-40s %6.3f", group, nanos / 1e6 / idle.seconds())));
    summary.add("===========================================================================");
    summary.forEach(System.out::println);
  }

  private static Map<String, String> perSecond(Measurement measurement) {
    Map<String, String> result = new java.util.LinkedHashMap<>();
    measurement
        .threadCpuByGroup()
        .forEach(
            (group, nanos) ->
                result.put(
                    group,
                    String.format(Locale.ROOT, "%.2f", nanos / 1e6 / measurement.seconds())));
    return result;
  }

  private void awaitCompleted(java.util.function.IntSupplier target, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (completedInstances.get() < target.getAsInt()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "Only "
                + completedInstances.get()
                + " of "
                + target.getAsInt()
                + " instances completed within "
                + timeout
                + " ("
                + failedCommands.get()
                + " failed commands)");
      }
      Thread.sleep(5); // polling interval of the benchmark driver, not a wait for the engine
    }
  }

  // ---------------------------------------------------------------------------------------------
  // report

  private void report(Measurement burst, LatencyResult latency, Measurement idle) {
    int cores = Runtime.getRuntime().availableProcessors();
    double throughput = burst.instances / burst.seconds();
    double cpuPerInstance = burst.totalCpuMs() / burst.instances;
    boolean separate = settings.mode() == Mode.SEPARATE;
    summary.add("==================== Redress embedded engine benchmark ====================");
    summary.add(
        separate
            ? "mode: separate (app in its own JVM with its embedded PostgreSQL; client here)"
            : "mode: in-process (app, its embedded PostgreSQL's client and the workers in one JVM)");
    summary.add(String.format(Locale.ROOT, "machine: %d CPUs, %s", cores, cpuModel()));
    summary.add(String.format(Locale.ROOT, "settings: %s", settings));
    summary.add(
        String.format(
            Locale.ROOT,
            "(1) throughput: %d instances (3 service tasks each) in %.2f s = %.1f completed"
                + " instances/s  [target >= 300]  %s",
            burst.instances,
            burst.seconds(),
            throughput,
            verdict(throughput >= 300)));
    summary.add(
        String.format(
            Locale.ROOT,
            "(2) CPU per instance: %s %.2f ms + PostgreSQL %.2f ms = %.2f CPU-ms  [target <= 6]"
                + "  %s",
            separate ? "app JVM" : "JVM",
            burst.jvmCpuMs() / burst.instances,
            burst.pgCpuMs() / burst.instances,
            cpuPerInstance,
            verdict(cpuPerInstance <= 6)));
    if (separate) {
      summary.add(
          String.format(
              Locale.ROOT,
              "    client JVM (workers, this JVM) %.2f CPU-ms per instance; all three %.2f",
              burst.clientCpuMs() / burst.instances,
              (burst.totalCpuMs() + burst.clientCpuMs()) / burst.instances));
    }
    summary.add("    during (1): " + burst.gcAndJit());
    summary.add("    PostgreSQL CPU by process during (1): " + burst.pgCpuText());
    summary.add("    database work per instance during (1): " + burst.databaseWorkPerInstance());
    summary.add(
        separate
            ? "    app JVM CPU by thread group (kernel thread names) during (1), ms per instance:"
            : "    JVM CPU by thread group during (1), ms per instance:");
    burst
        .threadCpuByGroup()
        .forEach(
            (group, nanos) ->
                summary.add(
                    String.format(
                        Locale.ROOT, "      %-40s %6.3f", group, nanos / 1e6 / burst.instances)));
    if (separate) {
      summary.add("    client JVM CPU by thread group during (1), ms per instance:");
      burst
          .clientThreadCpuByGroup()
          .forEach(
              (group, nanos) ->
                  summary.add(
                      String.format(
                          Locale.ROOT, "      %-40s %6.3f", group, nanos / 1e6 / burst.instances)));
    }
    Percentiles job = latency.perJob();
    summary.add(
        String.format(
            Locale.ROOT,
            "(3) job latency created->completed at %d starts/s for %d s (%d jobs): p50 %.1f ms"
                + " [< 10] %s, p99 %.1f ms [< 40] %s, max %.1f ms",
            settings.rate(),
            settings.latencySeconds(),
            job.count(),
            job.p50(),
            verdict(job.p50() < 10),
            job.p99(),
            verdict(job.p99() < 40),
            job.max()));
    latency
        .perType()
        .forEach(
            e ->
                summary.add(
                    String.format(Locale.ROOT, "    job type %-12s %s", e.getKey(), e.getValue())));
    summary.add("    during (3): " + latency.measurement().gcAndJit());
    summary.add("    instance start->end, engine timestamps: " + latency.engineInstance());
    summary.add("    instance start->end, seen by the client: " + latency.clientInstance());
    summary.add(
        String.format(
            Locale.ROOT,
            "    CPU at %d starts/s: %.1f %% of one core, %.2f CPU-ms/instance (%s)",
            settings.rate(),
            latency.measurement().cpuPercentOfOneCore(),
            latency.measurement().totalCpuMs() / latency.measurement().instances,
            separate
                ? String.format(
                    Locale.ROOT,
                    "app JVM + PostgreSQL; client JVM %.2f CPU-ms/instance",
                    latency.measurement().clientCpuMs() / latency.measurement().instances)
                : "JVM + PostgreSQL"));
    double idleOneCore = idle.cpuPercentOfOneCore();
    summary.add(
        String.format(
            Locale.ROOT,
            "(4) idle CPU over %.0f s, workers polling: %s %.2f %% + PostgreSQL %.2f %% = %.2f %%"
                + " of one core (%.2f %% of the %d-CPU machine)  [target < 2]  %s",
            idle.seconds(),
            separate ? "app JVM" : "JVM",
            100.0 * idle.jvmCpuMs() / idle.wallMs(),
            100.0 * idle.pgCpuMs() / idle.wallMs(),
            idleOneCore,
            idleOneCore / cores,
            cores,
            verdict(idleOneCore < 2)));
    summary.add("    during (4): " + idle.gcAndJit());
    if (separate) {
      summary.add(
          String.format(
              Locale.ROOT,
              "    client JVM while idle: %.2f %% of one core",
              100.0 * idle.clientCpuMs() / idle.wallMs()));
    }
    summary.add("    PostgreSQL CPU by process while idle: " + idle.pgCpuText());
    summary.add(
        separate
            ? "    app JVM CPU by thread group while idle, ms per second:"
            : "    JVM CPU by thread group while idle, ms per second:");
    idle.threadCpuByGroup()
        .forEach(
            (group, nanos) ->
                summary.add(
                    String.format(
                        Locale.ROOT, "      %-40s %6.3f", group, nanos / 1e6 / idle.seconds())));
    summary.add(String.format(Locale.ROOT, "failed commands: %d", failedCommands.get()));
    summary.add("===========================================================================");
    summary.forEach(System.out::println);
  }

  private static String verdict(boolean met) {
    return met ? "MET" : "MISSED";
  }

  private static String cpuModel() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
      return lines
          .filter(line -> line.startsWith("model name"))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("unknown CPU");
    } catch (IOException e) {
      return "unknown CPU";
    }
  }

  private void close() {
    if (client != null) {
      client.close();
    }
    if (app != null) {
      app.close();
    }
    if (benchmarkDataSource != null) {
      benchmarkDataSource.destroy();
    }
    if (appProcess != null) {
      appProcess.stop(Duration.ofSeconds(60));
      // the app stops its PostgreSQL on shutdown; a server left behind (app killed) is ended here
      if (postmasterPid > 0) {
        ProcessHandle.of(postmasterPid).ifPresent(ProcessHandle::destroy);
      }
    }
  }

  /**
   * Optional JDK Flight Recording: with {@code -Dbenchmark.jfr=<directory>} a recording ("profile"
   * settings) runs from before the warm-up (starting one later makes the JIT recompile half the
   * app, which would distort the phase), and each profiled phase dumps it to {@code
   * <directory>/<phase>.jfr} and logs the phase's time window; read the samples of that window with
   * {@code jfr print --events jdk.ExecutionSample}.
   */
  static final class Profile implements AutoCloseable {
    private static jdk.jfr.Recording recording;

    private final String phase;
    private final java.time.Instant start = java.time.Instant.now();

    private Profile(String phase) {
      this.phase = phase;
    }

    static synchronized void startRecording() {
      if (directory() == null || recording != null) {
        return;
      }
      try {
        recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
        recording.setToDisk(true);
        recording.start();
      } catch (IOException | java.text.ParseException e) {
        throw new IllegalStateException("Could not start a flight recording", e);
      }
    }

    static Profile start(String phase) {
      return new Profile(phase);
    }

    private static Path directory() {
      String directory = System.getProperty("benchmark.jfr");
      return directory == null || directory.isBlank() ? null : Path.of(directory).toAbsolutePath();
    }

    @Override
    public void close() {
      if (recording == null) {
        return;
      }
      Path file = directory().resolve(phase + ".jfr");
      try (jdk.jfr.Recording snapshot = jdk.jfr.FlightRecorder.getFlightRecorder().takeSnapshot()) {
        Files.createDirectories(file.getParent());
        snapshot.dump(file);
        log(
            "flight recording %s: phase '%s' ran from %s to %s (UTC)",
            file, phase, start, java.time.Instant.now());
      } catch (IOException e) {
        log("could not write flight recording %s: %s", file, e);
      }
    }
  }

  /**
   * Optional poor man's PostgreSQL profiler ({@code -Dbenchmark.sampleActivity=true}): samples
   * {@code pg_stat_activity} every 20 ms during a phase (through the app's pool) and prints the
   * statements most often found running or waiting. Costs a few ms of CPU per second; leave it off
   * for the figures.
   */
  static final class ActivitySampler implements AutoCloseable {
    private final String phase;
    private final Thread thread;
    private final Map<String, Integer> samples = new ConcurrentHashMap<>();
    private final AtomicInteger rounds = new AtomicInteger();
    private volatile boolean running = true;

    private ActivitySampler(String phase, JdbcClient jdbc) {
      this.phase = phase;
      this.thread =
          new Thread(
              () -> {
                while (running) {
                  try {
                    jdbc.sql(
                            """
                            SELECT state, coalesce(wait_event_type || ':' || wait_event, 'CPU'),
                                   regexp_replace(query, '\\s+', ' ', 'g')
                              FROM pg_stat_activity
                             WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
                               AND state <> 'idle'
                            """)
                        .query(
                            (rs, n) -> {
                              String query = rs.getString(3);
                              String key =
                                  rs.getString(1)
                                      + " | "
                                      + rs.getString(2)
                                      + " | "
                                      + query.substring(0, Math.min(140, query.length()));
                              samples.merge(key, 1, Integer::sum);
                              return null;
                            })
                        .list();
                    rounds.incrementAndGet();
                    Thread.sleep(20);
                  } catch (InterruptedException e) {
                    return;
                  } catch (RuntimeException e) {
                    // keep sampling
                  }
                }
              },
              "benchmark-activity-sampler");
      thread.setDaemon(true);
    }

    static ActivitySampler start(String phase, EngineBenchmark benchmark) {
      ActivitySampler sampler = new ActivitySampler(phase, benchmark.jdbc);
      if (Boolean.getBoolean("benchmark.sampleActivity")) {
        sampler.thread.start();
      } else {
        sampler.running = false;
      }
      return sampler;
    }

    @Override
    public void close() throws InterruptedException {
      if (!thread.isAlive()) {
        return;
      }
      running = false;
      thread.join(5000);
      log(
          "%s: pg_stat_activity, %d samples; busy backends per sample by state | wait | statement:",
          phase, rounds.get());
      samples.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
          .limit(15)
          .forEach(
              e ->
                  log(
                      "  %6.3f  %s",
                      e.getValue() / (double) Math.max(1, rounds.get()), e.getKey()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // CPU accounting

  /**
   * CPU time of the app JVM, of PostgreSQL and (separate mode) of the client JVM over a phase, plus
   * the JVMs' by thread group. In-process, the app JVM is this JVM and includes the client.
   */
  static final class Measurement {
    final String label;
    long startNanos;
    long stopNanos;
    long startsDoneNanos;
    int instances;
    private long jvmCpuStart;
    private long jvmCpuStop;
    private long clientCpuStart;
    private long clientCpuStop;
    private Map<Long, ThreadSample> clientThreadsStart;
    private Map<Long, ThreadSample> clientThreadsStop;
    private String gcOf = "";
    private Map<String, Long> pgCpuStart;
    private Map<String, Long> pgCpuStop;
    private Map<Long, ThreadSample> threadsStart;
    private Map<Long, ThreadSample> threadsStop;
    private Map<String, Long> requestsStart;
    private Map<String, Long> requestsStop;
    private long gcMillisStart;
    private long gcMillisStop;
    private long jitMillisStart;
    private long jitMillisStop;
    private long[] machineStart;
    private long[] machineStop;
    private Map<String, Long> dbStart;
    private Map<String, Long> dbStop;

    private Measurement(String label) {
      this.label = label;
    }

    static Measurement start(String label, EngineBenchmark benchmark) {
      Measurement m = new Measurement(label);
      m.requestsStart = benchmark.requestCounts();
      m.gcMillisStart = gcMillis();
      m.jitMillisStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      m.machineStart = machineTicks();
      m.dbStart = benchmark.databaseCounters();
      m.gcOf = benchmark.appProcess == null ? "" : "client JVM: ";
      m.threadsStart = benchmark.appThreadSamples();
      m.clientThreadsStart = benchmark.clientThreadSamples();
      m.pgCpuStart = benchmark.postgresCpu();
      m.clientCpuStart = benchmark.clientJvmCpuNanos();
      m.jvmCpuStart = benchmark.appJvmCpuNanos();
      m.startNanos = System.nanoTime();
      return m;
    }

    void stop(EngineBenchmark benchmark) {
      stopNanos = System.nanoTime();
      jvmCpuStop = benchmark.appJvmCpuNanos();
      clientCpuStop = benchmark.clientJvmCpuNanos();
      pgCpuStop = benchmark.postgresCpu();
      threadsStop = benchmark.appThreadSamples();
      clientThreadsStop = benchmark.clientThreadSamples();
      requestsStop = benchmark.requestCounts();
      gcMillisStop = gcMillis();
      jitMillisStop = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
      machineStop = machineTicks();
      dbStop = benchmark.databaseCounters();
    }

    /**
     * Database work per instance: commits, index/sequential scans and rows written per table, from
     * PostgreSQL's cumulative statistics (flushed by backends about once a second, so a phase's
     * edges are blurred by up to a second of work; includes the benchmark's own few queries).
     */
    String databaseWorkPerInstance() {
      StringBuilder text = new StringBuilder();
      dbStop.forEach(
          (key, value) -> {
            double perInstance = (value - dbStart.getOrDefault(key, 0L)) / (double) instances;
            if (perInstance >= 0.005) {
              text.append(text.length() == 0 ? "" : ", ")
                  .append(key)
                  .append('=')
                  .append(String.format(Locale.ROOT, "%.2f", perInstance));
            }
          });
      return text.toString();
    }

    /**
     * Wall time spent in GC pauses/cycles and in JIT compilation (not CPU time) of this JVM (the
     * client's in separate mode), and how busy the machine was.
     */
    String gcAndJit() {
      return String.format(
          Locale.ROOT,
          "%sGC %d ms, JIT compilation %d ms; %s",
          gcOf,
          gcMillisStop - gcMillisStart,
          jitMillis(),
          machineText());
    }

    /** How busy the whole machine was, and how much of it was other processes. */
    String machineText() {
      return String.format(
          Locale.ROOT,
          "whole machine busy %.0f %% of %d CPUs, of which other processes %.0f %% of one CPU",
          machineBusyPercent(),
          Runtime.getRuntime().availableProcessors(),
          otherProcessesPercentOfOneCore());
    }

    long jitMillis() {
      return jitMillisStop - jitMillisStart;
    }

    /** Non-idle share of all CPUs over the phase, from /proc/stat. */
    double machineBusyPercent() {
      long total = machineStop[0] - machineStart[0];
      long busy = machineStop[1] - machineStart[1];
      return total <= 0 ? Double.NaN : 100.0 * busy / total;
    }

    /** CPU used by everything except the benchmark's JVMs and PostgreSQL, in % of one CPU. */
    double otherProcessesPercentOfOneCore() {
      double busyCpuMs = (machineStop[1] - machineStart[1]) * (1000.0 / CLOCK_TICKS);
      return 100.0 * (busyCpuMs - totalCpuMs() - clientCpuMs()) / wallMs();
    }

    /** Engine API calls served during the phase, by command and outcome. */
    Map<String, Long> requests() {
      Map<String, Long> delta = new java.util.TreeMap<>();
      requestsStop.forEach(
          (key, count) -> {
            long d = count - requestsStart.getOrDefault(key, 0L);
            if (d > 0) {
              delta.put(key, d);
            }
          });
      return delta;
    }

    double seconds() {
      return (stopNanos - startNanos) / 1e9;
    }

    double wallMs() {
      return (stopNanos - startNanos) / 1e6;
    }

    /** CPU of the app JVM (in-process: this JVM, client included). */
    double jvmCpuMs() {
      return (jvmCpuStop - jvmCpuStart) / 1e6;
    }

    /** CPU of the client JVM in separate mode (this JVM); 0 in-process (counted in the app's). */
    double clientCpuMs() {
      return (clientCpuStop - clientCpuStart) / 1e6;
    }

    double pgCpuMs() {
      return pgCpuByRole().values().stream().mapToLong(Long::longValue).sum() / 1e6;
    }

    double totalCpuMs() {
      return jvmCpuMs() + pgCpuMs();
    }

    double cpuPercentOfOneCore() {
      return 100.0 * totalCpuMs() / wallMs();
    }

    /** PostgreSQL CPU nanoseconds by process role over the phase, largest first. */
    Map<String, Long> pgCpuByRole() {
      Map<String, Long> delta = new HashMap<>();
      pgCpuStop.forEach(
          (role, nanos) -> delta.put(role, nanos - pgCpuStart.getOrDefault(role, 0L)));
      // a backend that ended during the phase moves from its role to "exited children"
      pgCpuStart.forEach((role, nanos) -> delta.putIfAbsent(role, -nanos));
      Map<String, Long> sorted = new java.util.LinkedHashMap<>();
      delta.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return sorted;
    }

    /** PostgreSQL CPU by role as "role=ms" text. */
    String pgCpuText() {
      StringBuilder text = new StringBuilder();
      pgCpuByRole()
          .forEach(
              (role, nanos) -> {
                if (nanos != 0) {
                  text.append(text.length() == 0 ? "" : ", ")
                      .append(role)
                      .append('=')
                      .append(String.format(Locale.ROOT, "%.0f ms", nanos / 1e6));
                }
              });
      return text.toString();
    }

    /** App JVM thread CPU by name with digits folded ("http-nio-#-exec-#"), largest first. */
    Map<String, Long> threadCpuByGroup() {
      return byGroup(threadsStart, threadsStop);
    }

    /** Client JVM thread CPU by group (separate mode; empty in-process). */
    Map<String, Long> clientThreadCpuByGroup() {
      return byGroup(clientThreadsStart, clientThreadsStop);
    }

    private static Map<String, Long> byGroup(
        Map<Long, ThreadSample> threadsStart, Map<Long, ThreadSample> threadsStop) {
      Map<String, Long> groups = new HashMap<>();
      threadsStop.forEach(
          (id, stop) -> {
            ThreadSample begin = threadsStart.get(id);
            long delta = stop.cpuNanos() - (begin == null ? 0 : begin.cpuNanos());
            groups.merge(stop.name().replaceAll("\\d+", "#"), delta, Long::sum);
          });
      Map<String, Long> sorted = new java.util.LinkedHashMap<>();
      groups.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
          .limit(12)
          .forEach(e -> sorted.put(e.getKey(), e.getValue()));
      return sorted;
    }
  }

  record ThreadSample(String name, long cpuNanos) {}

  private static Map<Long, ThreadSample> threadSamples() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<Long, ThreadSample> samples = new HashMap<>();
    for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = threads.getThreadCpuTime(info.getThreadId());
      if (cpu >= 0) {
        samples.put(info.getThreadId(), new ThreadSample(info.getThreadName(), cpu));
      }
    }
    return samples;
  }

  private Map<String, Long> requestCounts() {
    Map<String, Long> counts = new HashMap<>();
    if (app == null) {
      return counts; // the app runs in another JVM: its meters are not readable from here
    }
    MeterRegistry registry = app.getBean(MeterRegistry.class);
    // The engine times its API calls itself (no HTTP observations on /v2).
    for (Timer timer : registry.find(EngineMetrics.COMMANDS).timers()) {
      String key = timer.getId().getTag("command") + " " + timer.getId().getTag("outcome");
      counts.merge(key, timer.count(), Long::sum);
    }
    return counts;
  }

  /** Cumulative statistics counters of the database and of the engine's tables. */
  private Map<String, Long> databaseCounters() {
    Map<String, Long> counters = new java.util.TreeMap<>();
    try {
      jdbc.sql("SELECT pg_stat_force_next_flush()").query().listOfRows();
      jdbc.sql(
              """
              SELECT xact_commit, xact_rollback FROM pg_stat_database
               WHERE datname = current_database()
              """)
          .query(
              (rs, n) -> {
                counters.put("commits", rs.getLong(1));
                counters.put("rollbacks", rs.getLong(2));
                return null;
              })
          .list();
      jdbc.sql(
              """
              SELECT relname, coalesce(seq_scan, 0), coalesce(idx_scan, 0), n_tup_ins, n_tup_upd,
                     n_tup_del
                FROM pg_stat_user_tables WHERE schemaname = 'engine'
              """)
          .query(
              (rs, n) -> {
                String table = rs.getString(1);
                counters.put(table + ".seqScans", rs.getLong(2));
                counters.put(table + ".idxScans", rs.getLong(3));
                counters.put(table + ".inserts", rs.getLong(4));
                counters.put(table + ".updates", rs.getLong(5));
                counters.put(table + ".deletes", rs.getLong(6));
                return null;
              })
          .list();
    } catch (RuntimeException e) {
      counters.put("unavailable", 0L);
    }
    return counters;
  }

  /** {total, busy} clock ticks of all CPUs since boot, from the first line of /proc/stat. */
  private static long[] machineTicks() {
    try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
      String[] f = lines.findFirst().orElseThrow().trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]); // idle + iowait
      return new long[] {total, total - idle};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  private static long gcMillis() {
    long total = 0;
    for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** CPU of the app JVM: this JVM in-process, else utime+stime of the app's process. */
  private long appJvmCpuNanos() {
    if (appProcess == null) {
      return jvmCpuNanos();
    }
    return procTicks(appProcess.pid())[0] * (1_000_000_000L / CLOCK_TICKS);
  }

  /** CPU of this JVM when it is only the client (separate mode), else 0. */
  private long clientJvmCpuNanos() {
    return appProcess == null ? 0 : jvmCpuNanos();
  }

  private Map<Long, ThreadSample> appThreadSamples() {
    return appProcess == null ? threadSamples() : procThreadSamples(appProcess.pid());
  }

  private Map<Long, ThreadSample> clientThreadSamples() {
    return appProcess == null ? Map.of() : threadSamples();
  }

  /**
   * Thread CPU of another process from {@code /proc/<pid>/task/<tid>/{comm,stat}}; names are the
   * kernel's (Java thread names cut to 15 characters).
   */
  private static Map<Long, ThreadSample> procThreadSamples(long pid) {
    Map<Long, ThreadSample> samples = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          long tid = Long.parseLong(task.getFileName().toString());
          String name = Files.readString(task.resolve("comm")).trim();
          long ticks = procTicks(pid, tid)[0];
          samples.put(tid, new ThreadSample(name, ticks * (1_000_000_000L / CLOCK_TICKS)));
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      // the process ended
    }
    return samples;
  }

  /** CPU of a JVM's JIT compiler threads ("C1/C2 CompilerThread#"), from {@code /proc}. */
  private static long compilerCpuNanos(long pid) {
    long nanos = 0;
    for (ThreadSample thread : procThreadSamples(pid).values()) {
      if (thread.name().matches("C[12] Compiler.*")) {
        nanos += thread.cpuNanos();
      }
    }
    return nanos;
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /**
   * CPU time of PostgreSQL by process role, in nanoseconds: utime+stime of the postmaster and of
   * every live process under it, plus cutime+cstime of the postmaster (its exited children, such as
   * autovacuum workers), booked as "exited children".
   */
  private Map<String, Long> postgresCpu() {
    Map<String, Long> byRole = new HashMap<>();
    long[] own = procTicks(postmasterPid);
    byRole.merge("postmaster", own[0], Long::sum);
    byRole.merge("exited children", own[1], Long::sum);
    Optional<ProcessHandle> postmaster = ProcessHandle.of(postmasterPid);
    if (postmaster.isPresent()) {
      for (ProcessHandle child : postmaster.get().descendants().toList()) {
        byRole.merge(postgresRole(child.pid()), procTicks(child.pid())[0], Long::sum);
      }
    }
    byRole.replaceAll((role, ticks) -> ticks * (1_000_000_000L / CLOCK_TICKS));
    return byRole;
  }

  /** "backend" for client connections, else the process title ("checkpointer", ...). */
  private static String postgresRole(long pid) {
    try {
      String title =
          new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")))
              .replace('\0', ' ')
              .trim();
      if (!title.startsWith("postgres: ")) {
        return "other";
      }
      String role = title.substring("postgres: ".length());
      // client backends are titled "<user> <database> <host(port)> <state>"
      return role.contains("(") ? "backend" : role.replaceAll("\\s+\\d.*$", "");
    } catch (IOException | RuntimeException e) {
      return "ended";
    }
  }

  private static final long CLOCK_TICKS = clockTicks();

  private static long clockTicks() {
    try {
      Process getconf = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(getconf.getInputStream().readAllBytes()).trim();
      getconf.waitFor(5, TimeUnit.SECONDS);
      return Long.parseLong(out);
    } catch (IOException | NumberFormatException e) {
      return 100;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 100;
    }
  }

  /** {utime+stime, cutime+cstime} of a process in clock ticks; zeros when it has ended. */
  private static long[] procTicks(long pid) {
    return ticksOf(Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** Same for one thread of a process. */
  private static long[] procTicks(long pid, long tid) {
    return ticksOf(Path.of("/proc", Long.toString(pid), "task", Long.toString(tid), "stat"));
  }

  private static long[] ticksOf(Path statFile) {
    try {
      String stat = Files.readString(statFile);
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); utime = field 14, stime 15, cutime 16, cstime 17
      return new long[] {
        Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
        Long.parseLong(fields[13]) + Long.parseLong(fields[14])
      };
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0}; // the process ended between listing and reading
    }
  }

  // ---------------------------------------------------------------------------------------------
  // statistics

  record LatencyResult(
      Measurement measurement,
      Percentiles perJob,
      List<Map.Entry<String, Percentiles>> perType,
      Percentiles engineInstance,
      Percentiles clientInstance) {}

  /** Nearest-rank percentiles of a sample in milliseconds. */
  record Percentiles(int count, double p50, double p90, double p99, double max) {
    Percentiles(List<Double> values) {
      this(values.size(), rank(values, 50), rank(values, 90), rank(values, 99), rank(values, 100));
    }

    private static double rank(List<Double> values, double percentile) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      List<Double> sorted = values.stream().sorted().toList();
      int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "n=%d p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms",
          count,
          p50,
          p90,
          p99,
          max);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  private static void log(String format, Object... args) {
    System.out.printf(Locale.ROOT, "[benchmark] " + format + "%n", args);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
