package org.redress.engine.cpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.support.TestServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The management ("monitoring") endpoints Camunda Process Test calls, over plain HTTP exactly as
 * CPT sends them: the clock ({@code /actuator/clock}) and the cluster purge ({@code
 * /actuator/cluster/purge}) with its change id in the topology, next to Spring Boot Actuator's own
 * endpoints. Runs against the same app as the CPT tests ({@link EmbeddedEngineRuntime}).
 */
class ManagementEndpointsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private ConfigurableApplicationContext app;
  private CamundaClient client;

  @BeforeEach
  void startApp() {
    app = EmbeddedEngineRuntime.start();
    client = EmbeddedEngineRuntime.newClient();
  }

  @AfterEach
  void resetClock() throws Exception {
    send("DELETE", "/actuator/clock", null);
    client.close();
  }

  // ---- clock ---------------------------------------------------------------------------------

  @Test
  void shouldReportEngineTimeWhenClockIsRead() throws Exception {
    // given
    long before = System.currentTimeMillis();

    // when
    HttpResponse<String> response = send("GET", "/actuator/clock", null);

    // then
    JsonNode clock = json(response, 200);
    assertThat(clock.path("epochMilli").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(Instant.parse(clock.path("instant").asText()).toEpochMilli())
        .isEqualTo(clock.path("epochMilli").asLong());
  }

  @Test
  void shouldMovePinAndResetClockWhenManagementCallsArrive() throws Exception {
    // when moved forward by an hour (CPT's increaseTime)
    long before = System.currentTimeMillis();
    JsonNode moved = json(send("POST", "/actuator/clock/add", "{\"offsetMilli\": 3600000}"), 200);

    // then
    assertThat(moved.path("epochMilli").asLong())
        .isBetween(before + 3_600_000, System.currentTimeMillis() + 3_600_000);

    // when pinned
    long pinnedAt = Instant.parse("2030-01-01T10:00:00Z").toEpochMilli();
    JsonNode pinned =
        json(send("POST", "/actuator/clock/pin", "{\"epochMilli\": " + pinnedAt + "}"), 200);
    Thread.sleep(20); // a frozen clock must not move with wall time

    // then
    assertThat(pinned.path("epochMilli").asLong()).isEqualTo(pinnedAt);
    assertThat(pinned.path("instant").asText()).isEqualTo("2030-01-01T10:00:00Z");
    assertThat(json(send("GET", "/actuator/clock", null), 200).path("epochMilli").asLong())
        .isEqualTo(pinnedAt);

    // when moved back while pinned
    JsonNode back = json(send("POST", "/actuator/clock/add", "{\"offsetMilli\": -60000}"), 200);
    assertThat(back.path("epochMilli").asLong()).isEqualTo(pinnedAt - 60_000);

    // when reset
    JsonNode reset = json(send("DELETE", "/actuator/clock", null), 200);

    // then
    assertThat(reset.path("epochMilli").asLong())
        .isBetween(System.currentTimeMillis() - 5_000, System.currentTimeMillis());
  }

  @Test
  void shouldRejectClockChangeWhenBodyLacksTheAmount() throws Exception {
    // when
    HttpResponse<String> response = send("POST", "/actuator/clock/pin", "{}");

    // then
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(JSON.readTree(response.body()).path("detail").asText()).contains("epochMilli");
  }

  // ---- purge ---------------------------------------------------------------------------------

  @Test
  void shouldDeleteAllEngineDataAndReportChangeWhenClusterIsPurged() throws Exception {
    // given a deployment, an instance waiting at a job, and a variable
    String processId = "mgmt-purge-" + run;
    long definitionKey = deploy(serviceTaskProcess(processId, "mgmt-job-" + run));
    long instanceKey = start(processId);
    assertThat(rowsInEngineTables()).isPositive();

    // when (as CPT sends it: POST without body or content type)
    JsonNode purge = json(send("POST", "/actuator/cluster/purge", null), 200);

    // then the change is complete at once
    long changeId = purge.path("changeId").asLong();
    assertThat(purge.path("changeId").isIntegralNumber()).isTrue();
    assertThat(changeId).isPositive();
    JsonNode topology = json(send("GET", "/v2/topology", null), 200);
    assertThat(topology.path("lastCompletedChangeId").isTextual()).isTrue();
    assertThat(Long.parseLong(topology.path("lastCompletedChangeId").asText()))
        .isGreaterThanOrEqualTo(changeId);
    assertThat(topology.at("/brokers/0/partitions/0/health").asText()).isEqualTo("healthy");

    // and nothing is left: no rows in any engine table, no cached definition
    assertThat(rowsInEngineTables()).isZero();
    assertThat(
            client
                .newProcessDefinitionSearchRequest()
                .filter(f -> f.processDefinitionId(processId))
                .send()
                .join()
                .items())
        .isEmpty();
    assertThatNotFound(() -> client.newProcessInstanceGetRequest(instanceKey).send().join());
    assertThatNotFound(
        () -> client.newCreateInstanceCommand().processDefinitionKey(definitionKey).send().join());

    // and the next purge is the next change
    long next = json(send("POST", "/actuator/cluster/purge", null), 200).path("changeId").asLong();
    assertThat(next).isEqualTo(changeId + 1);
  }

  @Test
  void shouldKeepEngineWorkingWhenPurgedWhileCommandsAndLongPollsRun() throws Exception {
    // given a client hammering the engine (deploy, start, long-poll, complete) on two threads
    String processId = "mgmt-busy-" + run;
    String jobType = "mgmt-busy-job-" + run;
    BpmnModelInstance model = serviceTaskProcess(processId, jobType);
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger completed = new AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(2);
    List<Future<?>> loops =
        List.of(
            load.submit(() -> busyLoop(model, processId, running, completed)),
            load.submit(() -> pollLoop(jobType, running, completed)));
    try {
      await().atMost(DEADLINE).until(() -> completed.get() >= 3);

      // when purged repeatedly meanwhile
      for (int i = 0; i < 5; i++) {
        long started = System.nanoTime();
        HttpResponse<String> response = send("POST", "/actuator/cluster/purge", null);

        // then every purge finishes (no deadlock with the running commands)
        json(response, 200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE);
        Thread.sleep(100);
      }
    } finally {
      running.set(false);
      load.shutdown();
      assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    for (Future<?> loop : loops) {
      loop.get(); // the loops tolerate rejections of purged keys; anything else fails here
    }

    // and afterwards (purged once more, so that no instance of the load is left) the engine still
    // runs instances to their end
    json(send("POST", "/actuator/cluster/purge", null), 200);
    assertThat(rowsInEngineTables()).isZero();
    deploy(model);
    long instance = start(processId);
    ActivatedJob job = activate(jobType);
    client.newCompleteCommand(job.getKey()).send().join();
    await()
        .atMost(DEADLINE)
        .until(
            () -> client.newProcessInstanceGetRequest(instance).send().join().getState(),
            state -> state == ProcessInstanceState.COMPLETED);
  }

  // ---- Spring Boot Actuator ------------------------------------------------------------------

  @Test
  void shouldStillServeActuatorHealthWhenEngineManagementEndpointsExist() throws Exception {
    // when
    JsonNode health = json(send("GET", "/actuator/health", null), 200);
    // Actuator endpoints other than health are for admins (demo account "admin" here)
    JsonNode links =
        json(send("GET", "/actuator", null, TestServer.basic("admin", "admin-demo")), 200);

    // then
    assertThat(health.path("status").asText()).isEqualTo("UP");
    assertThat(links.path("_links").has("health")).isTrue();
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void busyLoop(
      BpmnModelInstance model, String processId, AtomicBoolean running, AtomicInteger completed) {
    while (running.get()) {
      try {
        deploy(model);
        start(processId);
      } catch (ProblemException e) {
        assertThat(e.code()).as(e.getMessage()).isIn(404, 409);
      }
    }
  }

  private void pollLoop(String jobType, AtomicBoolean running, AtomicInteger completed) {
    while (running.get()) {
      List<ActivatedJob> jobs =
          client
              .newActivateJobsCommand()
              .jobType(jobType)
              .maxJobsToActivate(5)
              .requestTimeout(Duration.ofSeconds(1))
              .send()
              .join()
              .getJobs();
      for (ActivatedJob job : jobs) {
        try {
          client.newCompleteCommand(job.getKey()).send().join();
          completed.incrementAndGet();
        } catch (ProblemException e) {
          // purged between activation and completion
          assertThat(e.code()).as(e.getMessage()).isEqualTo(404);
        }
      }
    }
  }

  private static BpmnModelInstance serviceTaskProcess(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("StartEvent_Begin")
        .sequenceFlowId("Flow_ToTask")
        .serviceTask("ServiceTask_Work", t -> t.zeebeJobType(jobType))
        .sequenceFlowId("Flow_ToEnd")
        .endEvent("EndEvent_Done")
        .done();
  }

  private long deploy(BpmnModelInstance model) {
    return client
        .newDeployResourceCommand()
        .addProcessModel(model, "process.bpmn")
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private long start(String processId) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(Map.of("caseId", "case-" + run))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private ActivatedJob activate(String type) {
    return await()
        .atMost(DEADLINE)
        .until(
            () ->
                client
                    .newActivateJobsCommand()
                    .jobType(type)
                    .maxJobsToActivate(1)
                    .requestTimeout(Duration.ofSeconds(1))
                    .send()
                    .join()
                    .getJobs(),
            jobs -> jobs.size() == 1)
        .get(0);
  }

  /** Rows in the tables of engine data (all of schema engine but live instances and clock). */
  private long rowsInEngineTables() {
    JdbcClient jdbc = app.getBean(JdbcClient.class);
    List<String> tables = new org.redress.engine.state.PurgeStore(jdbc).engineTables();
    assertThat(tables).contains("engine.job", "engine.element_instance");
    long rows = 0;
    for (String table : tables) {
      rows += jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
    return rows;
  }

  private static void assertThatNotFound(Runnable call) {
    try {
      call.run();
    } catch (ProblemException e) {
      assertThat(e.code()).isEqualTo(404);
      return;
    }
    throw new AssertionError("Expected a 404 problem");
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("json");
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    return send(method, path, body, null);
  }

  private static HttpResponse<String> send(
      String method, String path, String body, String authorization) throws Exception {
    URI uri = URI.create(EmbeddedEngineRuntime.address() + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json; charset=UTF-8")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
