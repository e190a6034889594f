package org.redress.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Durability across an abrupt stop of the engine: instances waiting at jobs survive a kill -9 of
 * the app (no shutdown hooks, no graceful close of connections or leases) and complete on a new app
 * process started on the same database, and no job completes twice.
 *
 * <p>The app runs as a separate JVM ({@link AppProcess}) so that it can really be killed; the test
 * JVM plays the workers through the official Camunda client over REST and reads the engine's tables
 * for the exactly-once checks. The test database (one embedded PostgreSQL per test JVM) outlives
 * both app processes.
 */
class EngineRestartIT {

  private static final int INSTANCES = 20;
  // Short, so that leases taken before the kill run out soon after the restart; long enough to
  // outlast the set-up before the kill on a slow machine.
  private static final Duration SHORT_LEASE = Duration.ofSeconds(3);
  private static final Duration DEADLINE = Duration.ofSeconds(45);

  // Unique per run: the test database is shared by every IT of the JVM.
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final String PROCESS_ID = "engine-restart-" + RUN;
  private static final String TYPE_A = "restart-a-" + RUN;
  private static final String TYPE_B = "restart-b-" + RUN;
  private static final String TASK_A = "ServiceTask_A";
  private static final String TASK_B = "ServiceTask_B";
  private static final Set<String> ELEMENTS =
      Set.of(PROCESS_ID, "StartEvent_Started", TASK_A, TASK_B, "EndEvent_Done");

  private static final List<AppProcess> APPS = new CopyOnWriteArrayList<>();

  private final List<AutoCloseable> resources = new ArrayList<>();

  /** Successful (204) completions by this test, per "processInstanceKey/elementId". */
  private final Map<String, AtomicInteger> completions = new ConcurrentHashMap<>();

  @AfterEach
  void closeResources() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @AfterAll
  static void killApps() {
    APPS.forEach(AppProcess::close);
  }

  @Test
  void shouldCompleteWaitingInstancesExactlyOnceWhenEngineIsKilledAndRestarted() throws Exception {
    JdbcClient db = database();

    // given: an engine with N instances waiting at jobs in every state a kill can catch
    AppProcess first = start("app-1");
    CamundaClient client = client(first);
    client.newDeployResourceCommand().addProcessModel(model(), PROCESS_ID + ".bpmn").send().join();
    List<Long> instances = new ArrayList<>();
    for (int i = 0; i < INSTANCES; i++) {
      instances.add(
          client
              .newCreateInstanceCommand()
              .bpmnProcessId(PROCESS_ID)
              .latestVersion()
              .variables(Map.of("n", i))
              .send()
              .join()
              .getProcessInstanceKey());
    }
    // 8 A jobs leased for 2 s; 4 of them completed, so 4 B jobs exist
    List<ActivatedJob> leasedA = activate(client, TYPE_A, 8);
    List<ActivatedJob> completedBeforeKill = new ArrayList<>();
    for (ActivatedJob job : leasedA.subList(0, 4)) {
      complete(client, job);
      completedBeforeKill.add(job);
    }
    List<ActivatedJob> strandedA = leasedA.subList(4, 8);
    // 4 B jobs leased for 2 s; 2 completed (2 instances end before the kill), 2 stay leased
    List<ActivatedJob> leasedB = activate(client, TYPE_B, 4);
    for (ActivatedJob job : leasedB.subList(0, 2)) {
      complete(client, job);
      completedBeforeKill.add(job);
    }
    List<ActivatedJob> strandedB = leasedB.subList(2, 4);
    // 2 more A jobs whose completions are in flight when the engine dies: outcome unknown
    List<ActivatedJob> inFlight = activate(client, TYPE_A, 2);
    List<CompletableFuture<?>> inFlightCompletions = new ArrayList<>();
    for (ActivatedJob job : inFlight) {
      inFlightCompletions.add(client.newCompleteCommand(job.getKey()).send().toCompletableFuture());
    }

    // when: kill -9, then a new app process on the same database
    first.kill();
    for (CompletableFuture<?> completion : inFlightCompletions) {
      completion.handle((ok, error) -> null).get(15, TimeUnit.SECONDS);
    }
    assertThat(countJobs(db, "ACTIVATED"))
        .as("leases taken before the kill are stored")
        .isGreaterThanOrEqualTo(strandedA.size() + strandedB.size());
    AppProcess second = start("app-2");
    CamundaClient restarted = client(second);
    Map<Long, Long> jobsSeenAfterRestart = new ConcurrentHashMap<>(); // job key -> epoch ms seen
    for (String type : List.of(TYPE_A, TYPE_B)) {
      JobWorker worker =
          restarted
              .newWorker()
              .jobType(type)
              .handler(
                  (jobClient, job) -> {
                    jobsSeenAfterRestart.putIfAbsent(job.getKey(), System.currentTimeMillis());
                    complete(restarted, job);
                  })
              .name("after-restart")
              .timeout(Duration.ofSeconds(30))
              .maxJobsActive(8)
              .requestTimeout(Duration.ofSeconds(5))
              .open();
      resources.add(worker);
    }

    // then: every instance completes, every element exactly once
    awaitUntil(
        () -> countInstances(db, instances, "COMPLETED") == INSTANCES,
        () ->
            "all instances completed; completed so far: "
                + countInstances(db, instances, "COMPLETED"));
    List<Map<String, Object>> elementRows =
        db.sql(
                """
                SELECT process_instance_key, element_id, state, count(*) AS n
                  FROM engine.element_instance
                 WHERE process_instance_key = ANY(:keys)
                 GROUP BY process_instance_key, element_id, state
                """)
            .param("keys", keys(instances))
            .query()
            .listOfRows();
    assertThat(elementRows)
        .as("only COMPLETED element instances, one per element and instance")
        .allSatisfy(
            row -> {
              assertThat(row.get("state")).isEqualTo("COMPLETED");
              assertThat(((Number) row.get("n")).longValue()).isEqualTo(1L);
              assertThat(ELEMENTS).contains((String) row.get("element_id"));
            })
        .hasSize(INSTANCES * ELEMENTS.size());
    List<Map<String, Object>> jobRows =
        db.sql(
                """
                SELECT process_instance_key, element_id, state, count(*) AS n
                  FROM engine.job
                 WHERE process_instance_key = ANY(:keys)
                 GROUP BY process_instance_key, element_id, state
                """)
            .param("keys", keys(instances))
            .query()
            .listOfRows();
    assertThat(jobRows)
        .as("one completed job per service task and instance")
        .allSatisfy(
            row -> {
              assertThat(row.get("state")).isEqualTo("COMPLETED");
              assertThat(((Number) row.get("n")).longValue()).isEqualTo(1L);
            })
        .hasSize(INSTANCES * 2);
    assertThat(completions.values())
        .as("no element was completed twice by a worker")
        .allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
    Set<String> unknown = new HashSet<>();
    inFlight.forEach(job -> unknown.add(job.getProcessInstanceKey() + "/" + job.getElementId()));
    Set<String> confirmedOrUnknown = new HashSet<>(completions.keySet());
    confirmedOrUnknown.addAll(unknown);
    assertThat(confirmedOrUnknown).as("every task completed by a worker").hasSize(INSTANCES * 2);
    List<ActivatedJob> stranded = new ArrayList<>(strandedA);
    stranded.addAll(strandedB);
    assertThat(stranded)
        .as("jobs leased before the kill came back, not before their lease ran out")
        .allSatisfy(
            job ->
                assertThat(jobsSeenAfterRestart.get(job.getKey()))
                    .isNotNull()
                    .isGreaterThanOrEqualTo(job.getDeadline()));
    assertThat(jobsSeenAfterRestart.keySet())
        .as("jobs completed before the kill are not handed out again")
        .doesNotContainAnyElementsOf(
            completedBeforeKill.stream().map(ActivatedJob::getKey).toList());

    // and: a second completion of a completed job is rejected, also from a stale lease holder
    assertNotFoundOnCompletion(restarted, completedBeforeKill.get(0).getKey());
    assertNotFoundOnCompletion(restarted, strandedA.get(0).getKey());
    assertNotFoundOnCompletion(restarted, strandedB.get(0).getKey());
  }

  private void complete(CamundaClient client, ActivatedJob job) {
    client.newCompleteCommand(job.getKey()).send().join();
    completions
        .computeIfAbsent(
            job.getProcessInstanceKey() + "/" + job.getElementId(), k -> new AtomicInteger())
        .incrementAndGet();
  }

  private static void assertNotFoundOnCompletion(CamundaClient client, long jobKey) {
    ProblemException problem =
        catchThrowableOfType(
            ProblemException.class, () -> client.newCompleteCommand(jobKey).send().join());
    assertThat(problem).as("completing job %s again", jobKey).isNotNull();
    assertThat(problem.code()).isEqualTo(404);
  }

  private static List<ActivatedJob> activate(CamundaClient client, String type, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (jobs.size() < count) {
      assertThat(System.nanoTime())
          .as("%d jobs of type %s activated", count, type)
          .isLessThan(deadline);
      jobs.addAll(
          client
              .newActivateJobsCommand()
              .jobType(type)
              .maxJobsToActivate(count - jobs.size())
              .timeout(SHORT_LEASE)
              .workerName("before-kill")
              .requestTimeout(Duration.ofSeconds(5))
              .send()
              .join()
              .getJobs());
    }
    return jobs;
  }

  private AppProcess start(String name) {
    AppProcess app =
        AppProcess.start(
            name, TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password());
    APPS.add(app);
    resources.add(app);
    app.awaitReady(Duration.ofSeconds(120));
    return app;
  }

  private CamundaClient client(AppProcess app) {
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create(app.baseUrl()))
            .grpcAddress(URI.create("http://localhost:26500"))
            .preferRestOverGrpc(true)
            .credentialsProvider(TestServer.engineCredentials())
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .numJobWorkerExecutionThreads(2)
            .build();
    resources.add(client);
    return client;
  }

  private static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_ID)
        .startEvent("StartEvent_Started")
        .serviceTask(TASK_A, t -> t.zeebeJobType(TYPE_A))
        .serviceTask(TASK_B, t -> t.zeebeJobType(TYPE_B))
        .endEvent("EndEvent_Done")
        .done();
  }

  private JdbcClient database() {
    SingleConnectionDataSource dataSource =
        new SingleConnectionDataSource(
            TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password(), true);
    resources.add(dataSource::destroy);
    return JdbcClient.create(dataSource);
  }

  private static long countInstances(JdbcClient db, List<Long> instances, String state) {
    return db.sql(
            "SELECT count(*) FROM engine.element_instance WHERE key = ANY(:keys) AND state = :state")
        .param("keys", keys(instances))
        .param("state", state)
        .query(Long.class)
        .single();
  }

  private static long countJobs(JdbcClient db, String state) {
    return db.sql("SELECT count(*) FROM engine.job WHERE type IN (:a, :b) AND state = :state")
        .param("a", TYPE_A)
        .param("b", TYPE_B)
        .param("state", state)
        .query(Long.class)
        .single();
  }

  private static Long[] keys(List<Long> instances) {
    return instances.toArray(Long[]::new);
  }

  private static void awaitUntil(
      BooleanSupplier condition, java.util.function.Supplier<String> what)
      throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Timed out after " + DEADLINE + " waiting for: " + what.get());
      }
      Thread.sleep(100); // polling interval, not a wait for the engine
    }
  }
}
