package org.redress.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code /v2} wire contract over plain HTTP, without the Camunda client in between: response
 * shapes, problem details for every error, all-or-nothing deployments, and every request the real
 * 8.8.14 client and Camunda Process Test were captured sending, replayed against the endpoints the
 * engine implements. The captures are verbatim copies of {@code shared/docs/captured/*.jsonl} in
 * this package's test resources; requests to endpoints missing from {@link Endpoint} are skipped,
 * so add an entry whenever the engine implements another endpoint.
 *
 * <p>The captured requests name process "proc", job type "svc" and keys of the capture session. The
 * database is shared with every other integration test of the JVM, so the replay substitutes this
 * test's own process, job type and keys of entities it has just created for them; the request
 * shapes (filter forms, empty arrays, defaults the client always sends) are replayed as captured.
 */
// The servlet async timeout is set below the long polls of this test, so that they prove a long
// poll does not depend on it (Tomcat's default, 30 s, is below the engine's 60 s maximum).
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "spring.mvc.async.request-timeout=1s")
class EngineApiContractIT {

  private static final String CAPTURED_CLIENT = "camunda-client-8.8.14-requests.jsonl";
  private static final String CAPTURED_PROCESS_TEST = "camunda-process-test-8.8.14-requests.jsonl";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final Duration DEADLINE = Duration.ofSeconds(20);

  /** Below the first key the engine ever hands out ((1 << 51) + 1): never exists. */
  private static final long UNKNOWN_KEY = 1;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @LocalServerPort int port;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final AtomicInteger counter = new AtomicInteger();

  // ---- topology ------------------------------------------------------------------------------

  @Test
  void shouldDescribeOneHealthyLeaderPartitionWhenTopologyIsRequested() throws Exception {
    // given the app on its port

    // when
    HttpResponse<String> response = send("GET", "/v2/topology", null, null);

    // then
    assertJson(response, 200);
    JsonNode topology = JSON.readTree(response.body());
    assertThat(topology.path("brokers")).hasSize(1);
    JsonNode broker = topology.path("brokers").get(0);
    assertThat(broker.path("nodeId").isInt()).isTrue();
    assertThat(broker.path("host").asText()).isNotBlank();
    assertThat(broker.path("port").isInt()).isTrue();
    assertThat(broker.path("version").asText()).isNotBlank();
    assertThat(broker.path("partitions")).hasSize(1);
    JsonNode partition = broker.path("partitions").get(0);
    assertThat(partition.path("partitionId").asInt()).isEqualTo(1);
    assertThat(partition.path("role").asText()).isEqualTo("leader");
    assertThat(partition.path("health").asText()).isEqualTo("healthy");
    assertThat(topology.path("clusterSize").asInt()).isEqualTo(1);
    assertThat(topology.path("partitionsCount").asInt()).isEqualTo(1);
    assertThat(topology.path("replicationFactor").asInt()).isEqualTo(1);
    assertThat(topology.path("gatewayVersion").asText()).startsWith("8.8");
    assertThat(topology.path("lastCompletedChangeId").isTextual()).isTrue();
    assertThat(topology.path("lastCompletedChangeId").asText()).matches("-?\\d+");
  }

  // ---- deployments ---------------------------------------------------------------------------

  static Stream<Arguments> invalidModels() {
    return Stream.of(
        Arguments.of(
            // Zeebe itself has no complex gateway, so the embedded engine never will either
            "element Zeebe does not support",
            (ProcessFactory)
                id ->
                    Bpmn.readModelFromStream(
                        new ByteArrayInputStream(
                            """
                            <?xml version="1.0" encoding="UTF-8"?>
                            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                id="Definitions_Complex" targetNamespace="http://redress.org/test">
                              <process id="%s" isExecutable="true">
                                <startEvent id="StartEvent_Received"/>
                                <sequenceFlow id="Flow_1" sourceRef="StartEvent_Received"
                                    targetRef="Gateway_Complex"/>
                                <complexGateway id="Gateway_Complex"/>
                                <sequenceFlow id="Flow_2" sourceRef="Gateway_Complex"
                                    targetRef="EndEvent_Done"/>
                                <endEvent id="EndEvent_Done"/>
                              </process>
                            </definitions>
                            """
                                .formatted(id)
                                .getBytes(StandardCharsets.UTF_8))),
            "Gateway_Complex",
            "not supported"),
        Arguments.of(
            "broken FEEL condition",
            (ProcessFactory)
                id ->
                    Bpmn.createExecutableProcess(id)
                        .startEvent("StartEvent_Received")
                        .exclusiveGateway("Gateway_Decision")
                        .sequenceFlowId("Flow_Broken")
                        .conditionExpression("= a >")
                        .endEvent("EndEvent_Upheld")
                        .moveToLastExclusiveGateway()
                        .defaultFlow()
                        .sequenceFlowId("Flow_Default")
                        .endEvent("EndEvent_Overturned")
                        .done(),
            "Flow_Broken",
            "not a valid FEEL expression"),
        Arguments.of(
            "service task without job type",
            (ProcessFactory)
                id ->
                    Bpmn.createExecutableProcess(id)
                        .startEvent("StartEvent_Received")
                        .serviceTask("ServiceTask_NoJobType")
                        .endEvent("EndEvent_Done")
                        .done(),
            "ServiceTask_NoJobType",
            "zeebe:taskDefinition"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidModels")
  void shouldRejectDeploymentAndDeployNothingWhenModelIsInvalid(
      String label, ProcessFactory factory, String elementId, String reason) throws Exception {
    // given
    String processId = uniqueId("invalid");
    BpmnModelInstance model = factory.create(processId);

    // when
    HttpResponse<String> response = deploy(Map.of(processId + ".bpmn", xml(model)));

    // then the problem names the element and the reason
    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(problem.path("detail").asText()).contains(elementId).contains(reason);
    // and nothing was deployed
    assertProblem(createInstance(processId, "{}"), 404);
  }

  @Test
  void shouldDeployNeitherResourceWhenSecondResourceOfDeploymentIsInvalid() throws Exception {
    // given a valid first resource and an invalid second one
    String validId = uniqueId("atomic-valid");
    String invalidId = uniqueId("atomic-invalid");
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put("first.bpmn", xml(serviceTaskProcess(validId, validId + "-job")));
    resources.put(
        "second.bpmn",
        xml(
            Bpmn.createExecutableProcess(invalidId)
                .startEvent()
                .serviceTask("ServiceTask_NoJobType")
                .endEvent()
                .done()));

    // when
    HttpResponse<String> response = deploy(resources);

    // then
    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("detail").asText())
        .contains("second.bpmn")
        .contains("ServiceTask_NoJobType");
    assertProblem(createInstance(validId, "{}"), 404);
    assertProblem(createInstance(invalidId, "{}"), 404);
  }

  // ---- errors are problem details ------------------------------------------------------------

  @Test
  void shouldAnswerNotFoundProblemWhenCompletingUnknownJob() throws Exception {
    // given no job with that key

    // when
    HttpResponse<String> response =
        send("POST", "/v2/jobs/" + UNKNOWN_KEY + "/completion", "application/json", "{}");

    // then
    JsonNode problem = assertProblem(response, 404);
    assertThat(problem.path("title").asText()).isEqualTo("NOT_FOUND");
    assertThat(problem.path("detail").asText()).contains(Long.toString(UNKNOWN_KEY));
  }

  @Test
  void shouldAnswerConflictProblemWhenCompletingFailedJob() throws Exception {
    // given a job that failed without retries (FAILED, with an incident)
    Fixture fixture = deployFixture();
    JsonNode job = fixture.activatedJob();
    String jobKey = job.path("jobKey").asText();
    assertThat(
            send(
                    "POST",
                    "/v2/jobs/" + jobKey + "/failure",
                    "application/json",
                    "{\"retries\":0,\"errorMessage\":\"no luck\",\"retryBackOff\":0}")
                .statusCode())
        .isEqualTo(204);

    // when
    HttpResponse<String> response =
        send("POST", "/v2/jobs/" + jobKey + "/completion", "application/json", "{}");

    // then
    JsonNode problem = assertProblem(response, 409);
    assertThat(problem.path("title").asText()).isEqualTo("INVALID_STATE");
    assertThat(problem.path("detail").asText()).contains(jobKey).contains("FAILED");
  }

  @Test
  void shouldAnswerBadRequestProblemWhenPathKeyIsNotNumeric() throws Exception {
    // given keys that are not decimal longs

    // when
    HttpResponse<String> completion =
        send("POST", "/v2/jobs/not-a-key/completion", "application/json", "{}");
    HttpResponse<String> get = send("GET", "/v2/process-instances/abc", null, null);

    // then
    assertThat(assertProblem(completion, 400).path("detail").asText()).contains("not-a-key");
    assertThat(assertProblem(get, 400).path("detail").asText()).contains("abc");
  }

  @Test
  void shouldAnswerBadRequestProblemWhenBodyIsMalformedJson() throws Exception {
    // given a truncated JSON document
    String body = "{\"processDefinitionId\": \"x\", \"variables\": {";

    // when
    HttpResponse<String> response = send("POST", "/v2/process-instances", "application/json", body);

    // then
    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("title").asText()).isEqualTo("INVALID_ARGUMENT");
  }

  @Test
  void shouldAnswerBadRequestProblemWithoutInternalsWhenBodyIsMissing() throws Exception {
    // given an endpoint that needs a body

    // when
    HttpResponse<String> response = send("POST", "/v2/jobs/activation", "application/json", null);

    // then
    JsonNode problem = assertProblem(response, 400);
    assertThat(problem.path("detail").asText())
        .contains("body is missing")
        .doesNotContain("org.redress")
        .doesNotContain("java.");
  }

  // ---- long polling --------------------------------------------------------------------------

  @Test
  void shouldAnswerNoJobsAfterRequestTimeoutWhenLongPollOutlastsServletAsyncTimeout()
      throws Exception {
    // given a job type nobody creates jobs for
    String type = uniqueId("no-jobs");
    long started = System.nanoTime();

    // when a worker long-polls longer than the servlet async timeout (1 s here)
    HttpResponse<String> response =
        send("POST", "/v2/jobs/activation", "application/json", activation(type, 2500));

    // then the engine holds the request for the whole window and answers with no jobs
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    assertThat(assertJson(response, 200).path("jobs")).isEmpty();
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(2500);
  }

  @Test
  void shouldAnswerLongPollAtOnceWhenJobIsCreatedWhileItWaits() throws Exception {
    // given a parked long poll for a job type of its own
    Fixture fixture = deployFixture();
    String type = uniqueId("wake-up");
    long started = System.nanoTime();
    var poll =
        HTTP.sendAsync(
            request("POST", "/v2/jobs/activation", "application/json", activation(type, 15_000)),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

    // when a job of that type is created
    String pi = fixture.instanceOf(fixture.processId, type);

    // then the poll is answered with that job, long before its request timeout
    HttpResponse<String> response = poll.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
    JsonNode jobs = assertJson(response, 200).path("jobs");
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).path("processInstanceKey").asText()).isEqualTo(pi);
    assertThat(elapsedMillis).isLessThan(10_000);
  }

  // ---- captured requests ---------------------------------------------------------------------

  /** The endpoints the engine implements, as the captured requests address them. */
  enum Endpoint {
    TOPOLOGY("GET", "/v2/topology"),
    DEPLOY("POST", "/v2/deployments"),
    CREATE_INSTANCE("POST", "/v2/process-instances"),
    SEARCH_INSTANCES("POST", "/v2/process-instances/search"),
    GET_INSTANCE("GET", "/v2/process-instances/\\d+"),
    CANCEL_INSTANCE("POST", "/v2/process-instances/\\d+/cancellation"),
    ACTIVATE_JOBS("POST", "/v2/jobs/activation"),
    COMPLETE_JOB("POST", "/v2/jobs/\\d+/completion"),
    FAIL_JOB("POST", "/v2/jobs/\\d+/failure"),
    THROW_ERROR("POST", "/v2/jobs/\\d+/error"),
    UPDATE_JOB("PATCH", "/v2/jobs/\\d+"),
    SEARCH_JOBS("POST", "/v2/jobs/search"),
    SEARCH_INCIDENTS("POST", "/v2/incidents/search"),
    RESOLVE_INCIDENT("POST", "/v2/incidents/\\d+/resolution"),
    SET_VARIABLES("PUT", "/v2/element-instances/\\d+/variables"),
    PUBLISH_MESSAGE("POST", "/v2/messages/publication"),
    CORRELATE_MESSAGE("POST", "/v2/messages/correlation"),
    PIN_CLOCK("PUT", "/v2/clock"),
    RESET_CLOCK("POST", "/v2/clock/reset");

    final String method;
    final Pattern path;

    Endpoint(String method, String path) {
      this.method = method;
      this.path = Pattern.compile(path);
    }

    static Endpoint of(Captured request) {
      for (Endpoint endpoint : values()) {
        if (endpoint.method.equals(request.method())
            && endpoint.path.matcher(request.path()).matches()) {
          return endpoint;
        }
      }
      return null; // not implemented by the embedded engine (user tasks, messages, ...)
    }
  }

  /** One captured request: {@code body} is JSON, a multipart text, or null. */
  record Captured(
      String file, int line, String method, String path, String contentType, JsonNode body) {

    String label() {
      return file.substring(0, file.indexOf("-8.8")) + ":" + line + " " + method + " " + path;
    }

    String bodyText() {
      if (body == null || body.isNull()) {
        return null;
      }
      return body.isTextual() ? body.asText() : body.toString();
    }

    /** The first decimal key in the path, as the capture session had it. */
    String pathKey() {
      var matcher = Pattern.compile("/(\\d+)(/|$)").matcher(path);
      return matcher.find() ? matcher.group(1) : null;
    }
  }

  @TestFactory
  Stream<DynamicTest> shouldAcceptCapturedRequestsWhenEngineImplementsTheirEndpoint() {
    List<Captured> captured = new ArrayList<>(load(CAPTURED_CLIENT));
    captured.addAll(load(CAPTURED_PROCESS_TEST));
    List<Captured> replayable = captured.stream().filter(c -> Endpoint.of(c) != null).toList();
    Set<Endpoint> covered = EnumSet.noneOf(Endpoint.class);
    replayable.forEach(c -> covered.add(Endpoint.of(c)));
    Fixture[] fixture = new Fixture[1];
    return Stream.concat(
        Stream.of(
            dynamicTest(
                "every implemented endpoint has a captured request",
                () -> assertThat(covered).containsExactlyInAnyOrder(Endpoint.values())),
            dynamicTest("deploy the fixture processes", () -> fixture[0] = deployFixture())),
        replayable.stream()
            .map(c -> dynamicTest(c.label(), () -> replay(c, Endpoint.of(c), fixture[0]))));
  }

  private void replay(Captured c, Endpoint endpoint, Fixture fixture) throws Exception {
    Map<String, String> substitutes = new LinkedHashMap<>();
    substitutes.put("\"proc\"", quoted(fixture.processId));
    substitutes.put("\"svc\"", quoted(fixture.jobType));
    JsonNode body = c.body();
    switch (endpoint) {
      case TOPOLOGY -> assertJson(send(c, substitutes), 200);
      case DEPLOY -> {
        String processId = uniqueId("replayed");
        substitutes.put("<xml/>", xml(serviceTaskProcess(processId, fixture.jobType)));
        HttpResponse<String> response = send(c, substitutes);
        if (c.bodyText().contains("\r\n\r\n<default>\r\n")) {
          JsonNode result = assertJson(response, 200);
          assertThat(result.path("deploymentKey").asText()).matches("\\d+");
          assertThat(result.at("/deployments/0/processDefinition/processDefinitionId").asText())
              .isEqualTo(processId);
        } else {
          // Known limit: one tenant only (and no DMN); rejected with a clear reason.
          assertThat(assertProblem(response, 400).path("detail").asText())
              .contains("multi-tenancy");
        }
      }
      case CREATE_INSTANCE -> {
        substitutes.put("\"2251799813685250\"", quoted(fixture.definitionKey));
        if (body.path("startInstructions").size() > 0) {
          // Known limit: instances start at the none start event only.
          assertThat(assertProblem(send(c, substitutes), 400).path("detail").asText())
              .contains("not supported");
        } else if (body.path("awaitCompletion").asBoolean()) {
          substitutes.put("\"proc\"", quoted(fixture.straightThroughId));
          JsonNode result = assertJson(send(c, substitutes), 200);
          assertThat(result.path("processDefinitionId").asText())
              .isEqualTo(fixture.straightThroughId);
          Map<String, JsonNode> expected = new LinkedHashMap<>();
          Set<String> fetch = new HashSet<>();
          body.path("fetchVariables").forEach(n -> fetch.add(n.asText()));
          body.path("variables")
              .fields()
              .forEachRemaining(
                  e -> {
                    if (fetch.isEmpty() || fetch.contains(e.getKey())) {
                      expected.put(e.getKey(), e.getValue());
                    }
                  });
          assertThat(result.path("variables")).isEqualTo(JSON.valueToTree(expected));
        } else {
          JsonNode result = assertJson(send(c, substitutes), 200);
          assertThat(result.path("processDefinitionId").asText()).isEqualTo(fixture.processId);
          assertThat(result.path("processDefinitionKey").asText()).isEqualTo(fixture.definitionKey);
          assertThat(result.path("processInstanceKey").asText()).matches("\\d+");
          assertThat(result.path("variables").isObject()).isTrue();
        }
      }
      case SEARCH_INSTANCES -> {
        String pi = fixture.newInstance();
        substitutes.put("2251799813685260", pi);
        JsonNode result = assertJson(send(c, substitutes), 200);
        if (c.bodyText().contains("2251799813685260")) {
          assertThat(result.path("items")).hasSize(1);
          assertThat(result.at("/items/0/processInstanceKey").asText()).isEqualTo(pi);
          assertThat(result.at("/page/totalItems").asLong()).isEqualTo(1);
        } else {
          assertThat(result.at("/page/totalItems").asLong()).isPositive();
        }
      }
      case GET_INSTANCE -> {
        if (c.pathKey().equals("999")) {
          assertProblem(send(c, substitutes), 404);
        } else {
          String pi = fixture.newInstance();
          substitutes.put(c.pathKey(), pi);
          JsonNode result = assertJson(send(c, substitutes), 200);
          assertThat(result.path("processInstanceKey").asText()).isEqualTo(pi);
          assertThat(result.path("state").asText()).isEqualTo("ACTIVE");
        }
      }
      case CANCEL_INSTANCE -> {
        String pi = fixture.newInstance();
        substitutes.put(c.pathKey(), pi);
        assertNoContent(send(c, substitutes));
        JsonNode instance = assertJson(send("GET", "/v2/process-instances/" + pi, null, null), 200);
        assertThat(instance.path("state").asText()).isEqualTo("TERMINATED");
      }
      case ACTIVATE_JOBS -> {
        fixture.newInstance();
        JsonNode result = assertJson(send(c, substitutes), 200);
        assertThat(result.path("jobs")).isNotEmpty();
        Set<String> fetch = new HashSet<>();
        body.path("fetchVariable").forEach(n -> fetch.add(n.asText()));
        for (JsonNode job : result.path("jobs")) {
          assertThat(job.path("type").asText()).isEqualTo(fixture.jobType);
          assertThat(job.path("deadline").isNumber()).isTrue();
          if (!fetch.isEmpty()) {
            List<String> names = new ArrayList<>();
            job.path("variables").fieldNames().forEachRemaining(names::add);
            assertThat(fetch).containsAll(names);
          }
        }
      }
      case COMPLETE_JOB -> {
        JsonNode job = fixture.activatedJob();
        substitutes.put(c.pathKey(), job.path("jobKey").asText());
        assertNoContent(send(c, substitutes));
        String pi = job.path("processInstanceKey").asText();
        assertThat(
                assertJson(send("GET", "/v2/process-instances/" + pi, null, null), 200)
                    .path("state")
                    .asText())
            .isEqualTo("COMPLETED");
      }
      case FAIL_JOB, UPDATE_JOB -> {
        JsonNode job = fixture.activatedJob();
        substitutes.put(c.pathKey(), job.path("jobKey").asText());
        assertNoContent(send(c, substitutes));
      }
      case THROW_ERROR -> {
        JsonNode job = fixture.activatedJob();
        substitutes.put(c.pathKey(), job.path("jobKey").asText());
        assertNoContent(send(c, substitutes));
        assertThat(fixture.activeIncidents(job.path("processInstanceKey").asText()))
            .extracting(i -> i.path("errorType").asText())
            .containsExactly("UNHANDLED_ERROR_EVENT");
      }
      case SET_VARIABLES -> {
        JsonNode job = fixture.activatedJob();
        substitutes.put(c.pathKey(), job.path("elementInstanceKey").asText());
        assertNoContent(send(c, substitutes));
      }
      case SEARCH_JOBS -> {
        String pi = fixture.newInstance();
        substitutes.put("2251799813685260", pi);
        JsonNode result = assertJson(send(c, substitutes), 200);
        assertThat(result.path("items")).hasSize(1);
        assertThat(result.at("/items/0/processInstanceKey").asText()).isEqualTo(pi);
        assertThat(result.at("/items/0/type").asText()).isEqualTo(fixture.jobType);
      }
      case SEARCH_INCIDENTS -> {
        String pi = fixture.instanceWithIncident().path("processInstanceKey").asText();
        substitutes.put("2251799813685260", pi);
        JsonNode result = assertJson(send(c, substitutes), 200);
        assertThat(result.path("items")).hasSize(1);
        assertThat(result.at("/items/0/processInstanceKey").asText()).isEqualTo(pi);
        assertThat(result.at("/items/0/state").asText()).isEqualTo("ACTIVE");
      }
      case RESOLVE_INCIDENT -> {
        JsonNode incident = fixture.instanceWithIncident();
        substitutes.put(c.pathKey(), incident.path("incidentKey").asText());
        assertNoContent(send(c, substitutes));
        assertThat(fixture.activeIncidents(incident.path("processInstanceKey").asText())).isEmpty();
      }
      case PIN_CLOCK -> {
        try {
          assertNoContent(send(c, substitutes));
          // the pinned time is the engine's time now
          String pi = fixture.newStraightThroughInstance();
          JsonNode instance =
              assertJson(send("GET", "/v2/process-instances/" + pi, null, null), 200);
          assertThat(Instant.parse(instance.path("startDate").asText()))
              .isEqualTo(Instant.ofEpochMilli(body.path("timestamp").asLong()));
        } finally {
          // other app contexts share the database: never leave this engine's clock pinned
          send("POST", "/v2/clock/reset", "application/json", null);
        }
      }
      case RESET_CLOCK -> assertNoContent(send(c, substitutes));
      case PUBLISH_MESSAGE -> {
        // buffered for its time to live: names and ids of its own touch no other test
        substitutes.put("\"msg\"", quoted(uniqueId("published")));
        substitutes.put("\"ck\"", quoted(uniqueId("key")));
        substitutes.put("\"mid\"", quoted(uniqueId("message-id")));
        JsonNode result = assertJson(send(c, substitutes), 200);
        assertThat(result.path("messageKey").asText()).matches("\\d+");
        assertThat(result.path("tenantId").asText()).isEqualTo("<default>");
      }
      case CORRELATE_MESSAGE -> {
        String correlationKey = uniqueId("key");
        String pi = fixture.instanceWaitingForMessage(correlationKey);
        substitutes.put("\"msg\"", quoted(fixture.messageName));
        substitutes.put("\"ck\"", quoted(correlationKey));
        JsonNode result = assertJson(send(c, substitutes), 200);
        assertThat(result.path("processInstanceKey").asText()).isEqualTo(pi);
        assertThat(result.path("messageKey").asText()).matches("\\d+");
        assertThat(
                assertJson(send("GET", "/v2/process-instances/" + pi, null, null), 200)
                    .path("state")
                    .asText())
            .isEqualTo("COMPLETED");
      }
    }
  }

  // ---- fixture: processes and entities the replays point at ---------------------------------

  /**
   * Deployed: a process with one service task "task" whose job type is the variable {@code jobType}
   * (the fixture's job type unless a test needs a job nobody else can activate), a process without
   * wait states, and one that waits for a message correlated by {@code correlationKey}.
   */
  private final class Fixture {
    final String processId;
    final String jobType;
    final String definitionKey;
    final String straightThroughId;
    final String messageWaitId;
    final String messageName;

    Fixture(
        String processId,
        String jobType,
        String definitionKey,
        String straightThroughId,
        String messageWaitId,
        String messageName) {
      this.processId = processId;
      this.jobType = jobType;
      this.definitionKey = definitionKey;
      this.straightThroughId = straightThroughId;
      this.messageWaitId = messageWaitId;
      this.messageName = messageName;
    }

    String instanceWaitingForMessage(String correlationKey) throws Exception {
      String variables = "{\"correlationKey\":%s}".formatted(quoted(correlationKey));
      return assertJson(createInstance(messageWaitId, variables), 200)
          .path("processInstanceKey")
          .asText();
    }

    /** A new instance waiting at its service task, with a job of the fixture's job type. */
    String newInstance() throws Exception {
      return instanceOf(processId, jobType);
    }

    String newStraightThroughInstance() throws Exception {
      return instanceOf(straightThroughId, jobType);
    }

    String instanceOf(String id, String type) throws Exception {
      String variables = "{\"a\":1,\"b\":2,\"jobType\":%s}".formatted(quoted(type));
      JsonNode created = assertJson(createInstance(id, variables), 200);
      return created.path("processInstanceKey").asText();
    }

    /**
     * The job of a new instance, activated by this test (not by the replayed request). Its job type
     * is its own, so that no job left activatable by an earlier replay is handed out instead.
     */
    JsonNode activatedJob() throws Exception {
      String type = jobType + "-" + counter.incrementAndGet();
      instanceOf(processId, type);
      String request = activation(type, 5000);
      return await()
          .atMost(DEADLINE)
          .until(
              () ->
                  assertJson(send("POST", "/v2/jobs/activation", "application/json", request), 200)
                      .path("jobs"),
              jobs -> jobs.size() == 1)
          .get(0);
    }

    /** An UNHANDLED_ERROR_EVENT incident of a new instance. */
    JsonNode instanceWithIncident() throws Exception {
      JsonNode job = activatedJob();
      assertNoContent(
          send(
              "POST",
              "/v2/jobs/" + job.path("jobKey").asText() + "/error",
              "application/json",
              "{\"errorCode\":\"NOT_CAUGHT\"}"));
      List<JsonNode> incidents = activeIncidents(job.path("processInstanceKey").asText());
      assertThat(incidents).hasSize(1);
      return incidents.get(0);
    }

    List<JsonNode> activeIncidents(String pi) throws Exception {
      String request =
          "{\"filter\":{\"processInstanceKey\":\"%s\",\"state\":\"ACTIVE\"}}".formatted(pi);
      JsonNode result =
          assertJson(send("POST", "/v2/incidents/search", "application/json", request), 200);
      List<JsonNode> items = new ArrayList<>();
      result.path("items").forEach(items::add);
      return items;
    }
  }

  private Fixture deployFixture() throws Exception {
    String processId = uniqueId("replay");
    String straightThroughId = uniqueId("replay-straight");
    String messageWaitId = uniqueId("replay-message");
    String messageName = uniqueId("message");
    Map<String, String> resources = new LinkedHashMap<>();
    resources.put(
        processId + ".bpmn",
        xml(
            Bpmn.createExecutableProcess(processId)
                .startEvent("start")
                .serviceTask("task", t -> t.zeebeJobTypeExpression("jobType"))
                .endEvent("end")
                .done()));
    resources.put(
        straightThroughId + ".bpmn",
        xml(Bpmn.createExecutableProcess(straightThroughId).startEvent().endEvent().done()));
    resources.put(
        messageWaitId + ".bpmn",
        xml(
            Bpmn.createExecutableProcess(messageWaitId)
                .startEvent()
                .intermediateCatchEvent(
                    "wait",
                    e ->
                        e.message(
                            m ->
                                m.name(messageName)
                                    .zeebeCorrelationKeyExpression("correlationKey")))
                .endEvent()
                .done()));
    JsonNode deployment = assertJson(deploy(resources), 200);
    String definitionKey = null;
    for (JsonNode item : deployment.path("deployments")) {
      JsonNode definition = item.path("processDefinition");
      if (definition.path("processDefinitionId").asText().equals(processId)) {
        definitionKey = definition.path("processDefinitionKey").asText();
      }
    }
    assertThat(definitionKey).as("definition key of %s", processId).matches("\\d+");
    return new Fixture(
        processId,
        processId + "-svc",
        definitionKey,
        straightThroughId,
        messageWaitId,
        messageName);
  }

  /** Start, one service task "task" (as the captured start instruction names it), end. */
  private static BpmnModelInstance serviceTaskProcess(String processId, String jobType) {
    return Bpmn.createExecutableProcess(processId)
        .startEvent("start")
        .serviceTask("task", t -> t.zeebeJobType(jobType))
        .endEvent("end")
        .done();
  }

  /** Builds a model for a given process id. */
  @FunctionalInterface
  interface ProcessFactory {
    BpmnModelInstance create(String processId);
  }

  // ---- HTTP ----------------------------------------------------------------------------------

  private HttpResponse<String> send(Captured c, Map<String, String> substitutes)
      throws IOException, InterruptedException {
    String path = c.path();
    String body = c.bodyText();
    for (Map.Entry<String, String> s : substitutes.entrySet()) {
      path = path.replace(s.getKey(), s.getValue());
      body = body == null ? null : body.replace(s.getKey(), s.getValue());
    }
    return send(c.method(), path, c.contentType(), body);
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        request(method, path, contentType, body),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpRequest request(String method, String path, String contentType, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json, application/problem+json")
            .header("User-Agent", "camunda-client-java/8.8.14")
            .header("Authorization", TestServer.engineAuthorization());
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return request.build();
  }

  private HttpResponse<String> deploy(Map<String, String> resources)
      throws IOException, InterruptedException {
    String boundary = "contract-" + UUID.randomUUID();
    StringBuilder body = new StringBuilder();
    resources.forEach(
        (name, content) ->
            body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"resources\"; filename=\"")
                .append(name)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(content)
                .append("\r\n"));
    body.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"tenantId\"\r\n")
        .append("Content-Type: text/plain; charset=UTF-8\r\n\r\n<default>\r\n--")
        .append(boundary)
        .append("--\r\n");
    return send(
        "POST",
        "/v2/deployments",
        "multipart/form-data; charset=ISO-8859-1; boundary=" + boundary,
        body.toString());
  }

  private static String activation(String type, long requestTimeoutMillis) {
    return """
        {"type":%s,"worker":"contract-test","timeout":60000,"maxJobsToActivate":1,
         "requestTimeout":%d,"tenantIds":["<default>"]}
        """
        .formatted(quoted(type), requestTimeoutMillis);
  }

  private HttpResponse<String> createInstance(String processId, String variables)
      throws IOException, InterruptedException {
    String body =
        """
        {"processDefinitionId":%s,"processDefinitionVersion":-1,"variables":%s,
         "tenantId":"<default>","tags":[],"startInstructions":[],"runtimeInstructions":[],
         "awaitCompletion":false,"fetchVariables":[]}
        """
            .formatted(quoted(processId), variables);
    return send("POST", "/v2/process-instances", "application/json", body);
  }

  private static JsonNode assertJson(HttpResponse<String> response, int status) throws IOException {
    assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    return JSON.readTree(response.body());
  }

  private static void assertNoContent(HttpResponse<String> response) {
    assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  /** RFC 9457 problem detail, as the Camunda client needs it to raise a ProblemException. */
  private static JsonNode assertProblem(HttpResponse<String> response, int status)
      throws IOException {
    assertThat(response.statusCode()).as("status; body: %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith(PROBLEM_JSON));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("status").asInt()).isEqualTo(status);
    assertThat(problem.path("type").asText()).isEqualTo("about:blank");
    assertThat(problem.path("title").asText()).isNotBlank();
    assertThat(problem.path("detail").asText()).isNotBlank();
    assertThat(problem.path("instance").asText()).startsWith("/v2/");
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
    return problem;
  }

  // ---- helpers -------------------------------------------------------------------------------

  private String uniqueId(String purpose) {
    return "contract-" + purpose + "-" + run + "-" + counter.incrementAndGet();
  }

  private static String xml(BpmnModelInstance model) {
    return Bpmn.convertToString(model);
  }

  private static String quoted(String value) {
    return "\"" + value + "\"";
  }

  private static List<Captured> load(String file) {
    List<Captured> requests = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                EngineApiContractIT.class.getResourceAsStream(file), StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode request = JSON.readTree(line);
        requests.add(
            new Captured(
                file,
                number,
                request.path("method").asText(),
                request.path("path").asText(),
                request.path("contentType").isNull() ? null : request.path("contentType").asText(),
                request.get("body")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return requests;
  }
}
