package org.redress.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Two app instances on one database behave as one engine: a worker long-polling one instance is
 * woken by a job the other created (the periodic re-check of waiters is switched off here, so only
 * the instances' announcements can wake it within the test's deadline), every job is completed
 * once, a create-with-result call is answered by the instance that received it when another ended
 * the process, due timers fire once, and the engine clock moved on one instance is the other's.
 *
 * <p>Both apps run as separate JVMs ({@link AppProcess}); the test JVM plays the workers through
 * the official Camunda client and reads the engine's tables.
 */
class MultiInstanceIT {

  private static final Duration DEADLINE = Duration.ofSeconds(30);
  // Far beyond the deadline: a worker whose wake-up is lost waits this long.
  private static final Duration POLL_WINDOW = Duration.ofSeconds(60);
  private static final String RUN = Long.toString(System.currentTimeMillis(), 36);
  private static final List<String> ARGUMENTS =
      List.of(
          "--redress.engine.shared-clock=true",
          "--redress.engine.waiter-recheck-interval=1h",
          "--redress.engine.max-request-timeout=" + POLL_WINDOW.toSeconds() + "s");

  private static AppProcess first;
  private static AppProcess second;
  private static JdbcClient db;

  private final List<AutoCloseable> resources = new ArrayList<>();

  @BeforeAll
  static void startTwoInstances() {
    java.sql.Timestamp testStart = new java.sql.Timestamp(System.currentTimeMillis() - 1000);
    first = start("multi-1");
    second = start("multi-2");
    db =
        JdbcClient.create(
            new SingleConnectionDataSource(
                TestDatabase.jdbcUrl(), TestDatabase.username(), TestDatabase.password(), true));
    // each has seen the other alive (heartbeats every 2 s) and listens for its announcements
    awaitUntil(
        "both instances registered and beating",
        () ->
            db.sql(
                        """
                        SELECT count(*) FROM engine.node
                         WHERE started_at >= :testStart
                           AND heartbeat_at >= started_at + interval '3 seconds'
                        """)
                    .param("testStart", testStart)
                    .query(Integer.class)
                    .single()
                >= 2);
  }

  @AfterAll
  static void stopInstances() {
    if (first != null) {
      send(first, "DELETE", "/actuator/clock", null); // the clock is shared through the database
      first.close();
    }
    if (second != null) {
      second.close();
    }
  }

  @AfterEach
  void closeResources() throws Exception {
    for (int i = resources.size() - 1; i >= 0; i--) {
      resources.get(i).close();
    }
  }

  @Test
  void shouldWakeAWorkerParkedOnOneInstanceWhenItsJobIsCreatedOnTheOther() throws Exception {
    // given an activation request long-polling the second app, parked before its job exists
    String processId = "multi-wake-" + RUN;
    String type = "multi-wake-job-" + RUN;
    CamundaClient one = client(first);
    one.newDeployResourceCommand()
        .addProcessModel(oneStep(processId, type), processId + ".bpmn")
        .send()
        .join();
    CompletableFuture<HttpResponse<String>> parked =
        HttpClient.newHttpClient()
            .sendAsync(
                post(
                    second,
                    "/v2/jobs/activation",
                    "{\"type\":\""
                        + type
                        + "\",\"maxJobsToActivate\":1,\"timeout\":60000,\"requestTimeout\":"
                        + POLL_WINDOW.toMillis()
                        + "}"),
                HttpResponse.BodyHandlers.ofString());
    awaitUntil("the request parked on the second app", () -> waiters(second) >= 1);

    // when the job is created through the first app
    long instance =
        one.newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();

    // then the parked request answers with it, long before its window would end
    HttpResponse<String> answer = parked.get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).contains("\"processInstanceKey\":\"" + instance + "\"");
  }

  @Test
  void shouldCompleteEveryJobOnceWhenWorkersOfBothInstancesShareTheWork() {
    // given a two-step process and workers on both apps
    String processId = "multi-jobs-" + RUN;
    String typeA = "multi-a-" + RUN;
    String typeB = "multi-b-" + RUN;
    CamundaClient one = client(first);
    CamundaClient two = client(second);
    one.newDeployResourceCommand()
        .addProcessModel(twoSteps(processId, typeA, typeB), processId + ".bpmn")
        .send()
        .join();
    Map<Long, AtomicInteger> completions = new ConcurrentHashMap<>();
    for (CamundaClient client : List.of(one, two)) {
      for (String type : List.of(typeA, typeB)) {
        worker(client, type, completions);
      }
    }

    // when instances are started through both apps
    int instances = 20;
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      keys.add(
          (i % 2 == 0 ? one : two)
              .newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey());
    }

    // then every instance completes and every job was completed exactly once
    awaitUntil("every instance completed", () -> countCompleted(keys) == instances);
    assertThat(completions).hasSize(instances * 2);
    assertThat(completions.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(
            db.sql(
                    """
                    SELECT count(*) FROM engine.job
                     WHERE process_instance_key = ANY(:keys) AND intent = 'COMPLETED'
                    """)
                .param("keys", keys.toArray(Long[]::new))
                .query(Integer.class)
                .single())
        .as("every job completed exactly once")
        .isEqualTo(instances * 2);
  }

  @Test
  void shouldAnswerCreateWithResultOnTheReceivingInstanceWhenTheOtherEndsTheProcess() {
    // given a process whose only job is worked through the second app
    String processId = "multi-result-" + RUN;
    String type = "multi-result-job-" + RUN;
    CamundaClient one = client(first);
    CamundaClient two = client(second);
    one.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent("StartEvent_Started")
                .serviceTask("ServiceTask_Work", t -> t.zeebeJobType(type))
                .endEvent("EndEvent_Done")
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    JobWorker worker =
        two.newWorker()
            .jobType(type)
            .handler(
                (jobClient, job) ->
                    jobClient
                        .newCompleteCommand(job.getKey())
                        .variables(Map.of("decidedOn", "second"))
                        .send()
                        .join())
            .requestTimeout(POLL_WINDOW)
            .open();
    resources.add(worker);

    // when the first app is asked to create the instance and wait for its result
    ProcessInstanceResult result =
        one.newCreateInstanceCommand()
            .bpmnProcessId(processId)
            .latestVersion()
            .withResult()
            .requestTimeout(Duration.ofSeconds(20))
            .send()
            .join();

    // then it answers with the variables the other app's worker set
    assertThat(result.getVariablesAsMap()).containsEntry("decidedOn", "second");
  }

  @Test
  void shouldFireEveryDueTimerOnceWhenTheSharedClockIsMovedOnOneInstance() {
    // given instances waiting at a one-hour timer
    String processId = "multi-timer-" + RUN;
    CamundaClient one = client(first);
    one.newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess(processId)
                .startEvent("StartEvent_Started")
                .intermediateCatchEvent("TimerEvent_OneHour", e -> e.timerWithDuration("PT1H"))
                .endEvent("EndEvent_Done")
                .done(),
            processId + ".bpmn")
        .send()
        .join();
    List<Long> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add(
          one.newCreateInstanceCommand()
              .bpmnProcessId(processId)
              .latestVersion()
              .send()
              .join()
              .getProcessInstanceKey());
    }
    long before = clockOf(second);

    // when the engine clock is moved by two hours through the first app
    send(first, "POST", "/actuator/clock/add", "{\"offsetMilli\": 7200000}");

    // then the second app's clock moved too, and each timer fired exactly once
    awaitUntil("the second app's clock moved", () -> clockOf(second) >= before + 7_200_000);
    awaitUntil("every instance completed", () -> countCompleted(keys) == keys.size());
    assertThat(
            db.sql(
                    """
                    SELECT count(*) FROM engine.element_instance
                     WHERE process_instance_key = ANY(:keys) AND element_id = 'EndEvent_Done'
                    """)
                .param("keys", keys.toArray(Long[]::new))
                .query(Integer.class)
                .single())
        .as("one end per instance: no timer fired twice")
        .isEqualTo(keys.size());
  }

  private void worker(CamundaClient client, String type, Map<Long, AtomicInteger> completions) {
    JobWorker worker =
        client
            .newWorker()
            .jobType(type)
            .handler(
                (jobClient, job) -> {
                  jobClient.newCompleteCommand(job.getKey()).send().join();
                  completions
                      .computeIfAbsent(job.getKey(), k -> new AtomicInteger())
                      .incrementAndGet();
                })
            .maxJobsActive(8)
            .requestTimeout(POLL_WINDOW)
            .open();
    resources.add(worker);
  }

  private static BpmnModelInstance oneStep(String processId, String type) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("StartEvent_Started")
        .serviceTask("ServiceTask_Work", t -> t.zeebeJobType(type))
        .endEvent("EndEvent_Done")
        .done();
  }

  /** Activation requests parked on the app, from its metrics (as the admin reads them). */
  private static int waiters(AppProcess app) {
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(app.baseUrl() + "/actuator/prometheus"))
                      .header("Authorization", TestServer.basic("admin", "admin-demo"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      var matcher =
          java.util.regex.Pattern.compile("(?m)^engine_job_long_poll_waiters\\{[^}]*\\} (\\S+)$")
              .matcher(response.body());
      return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : 0;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static HttpRequest post(AppProcess app, String path, String json) {
    return HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
        .header("Authorization", TestServer.engineAuthorization())
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static BpmnModelInstance twoSteps(String processId, String typeA, String typeB) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("StartEvent_Started")
        .serviceTask("ServiceTask_A", t -> t.zeebeJobType(typeA))
        .serviceTask("ServiceTask_B", t -> t.zeebeJobType(typeB))
        .endEvent("EndEvent_Done")
        .done();
  }

  private static long countCompleted(List<Long> keys) {
    return db.sql(
            """
            SELECT count(*) FROM engine.element_instance
             WHERE key = ANY(:keys) AND type = 'PROCESS' AND state = 'COMPLETED'
            """)
        .param("keys", keys.toArray(Long[]::new))
        .query(Long.class)
        .single();
  }

  private static long clockOf(AppProcess app) {
    String body = send(app, "GET", "/actuator/clock", null);
    var matcher = java.util.regex.Pattern.compile("\"epochMilli\"\\s*:\\s*(\\d+)").matcher(body);
    assertThat(matcher.find()).as("clock response %s", body).isTrue();
    return Long.parseLong(matcher.group(1));
  }

  private static String send(AppProcess app, String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(app.baseUrl() + path))
            .header("Authorization", TestServer.engineAuthorization());
    if (json != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as("%s %s: %s", method, path, response.body())
          .isEqualTo(200);
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private CamundaClient client(AppProcess app) {
    CamundaClient client =
        CamundaClient.newClientBuilder()
            .restAddress(URI.create(app.baseUrl()))
            .grpcAddress(URI.create("http://localhost:26500"))
            .preferRestOverGrpc(true)
            .credentialsProvider(TestServer.engineCredentials())
            .defaultRequestTimeout(Duration.ofSeconds(10))
            .defaultJobWorkerStreamEnabled(false)
            .build();
    resources.add(client);
    return client;
  }

  private static AppProcess start(String name) {
    AppProcess app =
        AppProcess.start(
            name,
            TestDatabase.jdbcUrl(),
            TestDatabase.username(),
            TestDatabase.password(),
            ARGUMENTS);
    app.awaitReady(Duration.ofSeconds(120));
    return app;
  }

  private static void awaitUntil(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      try {
        Thread.sleep(100); // polling interval, bounded by the deadline
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
