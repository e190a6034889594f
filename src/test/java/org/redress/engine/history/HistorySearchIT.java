package org.redress.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ElementInstanceType;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessDefinition;
import io.camunda.client.api.search.response.ProcessInstanceSequenceFlow;
import io.camunda.client.api.search.response.SearchResponse;
import io.camunda.client.api.search.response.Variable;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The history searches over the whole app on a real port, through the official 8.8 client: element
 * instances, variables, process definitions (with their XML) and taken sequence flows; paging
 * (offset and cursor), sorting, both filter forms, and problem details for unknown keys.
 *
 * <p>The database is shared with every integration test of the JVM, so process ids and job types
 * are unique per test and every search is scoped to this test's instances or definitions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class HistorySearchIT {

  private static final Duration DEADLINE = Duration.ofSeconds(20);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** Below the first key the engine ever hands out: never exists. */
  private static final long UNKNOWN_KEY = 1;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient client;
  @LocalServerPort int port;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  // ---- element instances ---------------------------------------------------------------------

  @Test
  void shouldListEveryElementButTheProcessWhenInstanceIsSearchedByKey() {
    // given an instance waiting at its service task
    Appeal appeal = startAppeal();

    // when
    List<ElementInstance> waiting = elements(appeal.key());

    // then the process itself is no element instance (as in Camunda)
    assertThat(waiting)
        .extracting(
            ElementInstance::getElementId, ElementInstance::getState, ElementInstance::getType)
        .containsExactly(
            tuple(
                "StartEvent_Received",
                ElementInstanceState.COMPLETED,
                ElementInstanceType.START_EVENT),
            tuple(
                "ServiceTask_Triage",
                ElementInstanceState.ACTIVE,
                ElementInstanceType.SERVICE_TASK));
    ElementInstance task = waiting.get(1);
    assertThat(task.getElementName()).isEqualTo("Triage appeal");
    assertThat(waiting.get(0).getElementName()).isEqualTo("StartEvent_Received");
    assertThat(task.getProcessInstanceKey()).isEqualTo(appeal.key());
    assertThat(task.getProcessDefinitionId()).isEqualTo(appeal.processId());
    assertThat(task.getProcessDefinitionKey()).isEqualTo(appeal.definitionKey());
    assertThat(task.getTenantId()).isEqualTo("<default>");
    assertThat(task.getStartDate()).isNotNull();
    assertThat(task.getEndDate()).isNull();
    assertThat(task.getIncident()).isFalse();
    assertThat(task.getIncidentKey()).isNull();

    // when the job is done
    complete(appeal);

    // then every element completed, sub-process content included
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(elements(appeal.key()))
                    .extracting(ElementInstance::getElementId, ElementInstance::getState)
                    .containsExactlyInAnyOrderElementsOf(
                        appeal.allElements().stream()
                            .map(id -> tuple(id, ElementInstanceState.COMPLETED))
                            .toList()));
    assertThat(elements(appeal.key())).allSatisfy(e -> assertThat(e.getEndDate()).isNotNull());
  }

  @Test
  void shouldPageAndSortElementInstancesWhenAskedTo() {
    // given a completed instance with 7 element instances
    Appeal appeal = startAppeal();
    complete(appeal);
    awaitCompleted(appeal);
    List<String> byIdDescending =
        appeal.allElements().stream().sorted(Comparator.reverseOrder()).toList();

    // when paging by offset, sorted by element id descending
    List<String> pagedIds = new ArrayList<>();
    for (int from = 0; from < 9; from += 3) {
      int offset = from;
      SearchResponse<ElementInstance> page =
          client
              .newElementInstanceSearchRequest()
              .filter(f -> f.processInstanceKey(appeal.key()))
              .sort(s -> s.elementId().desc())
              .page(p -> p.from(offset).limit(3))
              .send()
              .join();
      assertThat(page.page().totalItems()).isEqualTo(7);
      pagedIds.addAll(page.items().stream().map(ElementInstance::getElementId).toList());
    }

    // then
    assertThat(pagedIds).containsExactlyElementsOf(byIdDescending);

    // when paging by cursor
    SearchResponse<ElementInstance> first =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()))
            .sort(s -> s.elementId().desc())
            .page(p -> p.limit(4))
            .send()
            .join();
    SearchResponse<ElementInstance> second =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()))
            .sort(s -> s.elementId().desc())
            .page(p -> p.after(first.page().endCursor()).limit(4))
            .send()
            .join();

    // then
    assertThat(first.items()).hasSize(4);
    assertThat(second.items())
        .extracting(ElementInstance::getElementId)
        .containsExactlyElementsOf(byIdDescending.subList(4, 7));
  }

  @Test
  void shouldFilterElementInstancesWhenFiltersArePlainOrOperatorObjects() throws Exception {
    // given
    Appeal appeal = startAppeal();
    complete(appeal);
    awaitCompleted(appeal);
    long subProcess =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).type(ElementInstanceType.SUB_PROCESS))
            .send()
            .join()
            .singleItem()
            .getElementInstanceKey();

    // when: the client's own forms (scope key plain, state as an operator object)
    List<ElementInstance> inSubProcess =
        client
            .newElementInstanceSearchRequest()
            .filter(
                f ->
                    f.elementInstanceScopeKey(subProcess)
                        .state(s -> s.in(ElementInstanceState.COMPLETED)))
            .sort(s -> s.startDate().asc())
            .send()
            .join()
            .items();
    List<ElementInstance> topLevel =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.elementInstanceScopeKey(appeal.key()))
            .send()
            .join()
            .items();

    // then
    assertThat(inSubProcess)
        .extracting(ElementInstance::getElementId)
        .containsExactly("StartEvent_Review", "ManualTask_Read", "EndEvent_Review");
    assertThat(topLevel)
        .extracting(ElementInstance::getElementId)
        .containsExactlyInAnyOrder(
            "StartEvent_Received", "ServiceTask_Triage", "SubProcess_Review", "EndEvent_Done");

    // when: both forms over plain HTTP
    JsonNode plain =
        search(
            "/v2/element-instances/search",
            """
            {"filter": {"processInstanceKey": "%s", "type": "MANUAL_TASK", "state": "COMPLETED"}}
            """
                .formatted(appeal.key()));
    JsonNode operators =
        search(
            "/v2/element-instances/search",
            """
            {"filter": {"processInstanceKey": {"$eq": "%s", "$in": [], "$notIn": []},
                        "elementId": {"$in": ["ManualTask_Read", "EndEvent_Done"]},
                        "elementName": {"$like": "*Task_R??d"},
                        "state": {"$neq": "ACTIVE", "$in": []}},
             "sort": [{"field": "elementId", "order": "DESC"}]}
            """
                .formatted(appeal.key()));

    // then
    assertThat(plain.path("page").path("totalItems").asLong()).isEqualTo(1);
    JsonNode manualTask = plain.path("items").get(0);
    assertThat(manualTask.path("elementId").asText()).isEqualTo("ManualTask_Read");
    assertThat(manualTask.path("elementInstanceKey").isTextual()).isTrue();
    assertThat(manualTask.path("hasIncident").asBoolean(true)).isFalse();
    assertThat(manualTask.has("endDate")).isTrue();
    assertThat(operators.path("items")).hasSize(1);
    assertThat(operators.path("items").get(0).path("elementId").asText())
        .isEqualTo("ManualTask_Read");
  }

  @Test
  void shouldFlagElementWithIncidentWhenItsJobRanOutOfRetries() {
    // given
    Appeal appeal = startAppeal();
    ActivatedJob job = activate(appeal.jobType());

    // when
    client.newFailCommand(job.getKey()).retries(0).errorMessage("triage down").send().join();

    // then the task (and only the task) has the incident
    Incident incident =
        await()
            .atMost(DEADLINE)
            .until(
                () ->
                    client
                        .newIncidentSearchRequest()
                        .filter(f -> f.processInstanceKey(appeal.key()))
                        .send()
                        .join()
                        .items(),
                items -> items.size() == 1)
            .get(0);
    List<ElementInstance> withIncident =
        client
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).hasIncident(true))
            .send()
            .join()
            .items();
    assertThat(withIncident).hasSize(1);
    ElementInstance task = withIncident.get(0);
    assertThat(task.getElementId()).isEqualTo("ServiceTask_Triage");
    assertThat(task.getElementInstanceKey()).isEqualTo(job.getElementInstanceKey());
    assertThat(task.getIncident()).isTrue();
    assertThat(task.getIncidentKey()).isEqualTo(incident.getIncidentKey());
    assertThat(
            client
                .newElementInstanceSearchRequest()
                .filter(f -> f.incidentKey(incident.getIncidentKey()))
                .send()
                .join()
                .items())
        .extracting(ElementInstance::getElementInstanceKey)
        .containsExactly(job.getElementInstanceKey());
    assertThat(client.newElementInstanceGetRequest(task.getElementInstanceKey()).send().join())
        .satisfies(
            e -> {
              assertThat(e.getIncident()).isTrue();
              assertThat(e.getIncidentKey()).isEqualTo(incident.getIncidentKey());
              assertThat(e.getState()).isEqualTo(ElementInstanceState.ACTIVE);
            });
  }

  @Test
  void shouldAnswerNotFoundWhenElementInstanceIsUnknownOrTheProcessItself() throws Exception {
    // given
    Appeal appeal = startAppeal();

    // when / then
    assertNotFound(() -> client.newElementInstanceGetRequest(UNKNOWN_KEY).send().join());
    assertNotFound(() -> client.newElementInstanceGetRequest(appeal.key()).send().join());
    HttpResponse<String> response = get("/v2/element-instances/" + UNKNOWN_KEY);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.path("title").asText()).isEqualTo("NOT_FOUND");
    assertThat(problem.path("status").asInt()).isEqualTo(404);
    assertThat(problem.path("detail").asText()).contains(Long.toString(UNKNOWN_KEY));
  }

  // ---- variables -----------------------------------------------------------------------------

  @Test
  void shouldReportValuesAsJsonTextWhenVariablesAreSearched() {
    // given
    Appeal appeal = startAppeal();
    long task = waitingTask(appeal).getElementInstanceKey();

    // when the root scope is searched, sorted by name
    List<Variable> root =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).scopeKey(appeal.key()))
            .sort(s -> s.name().asc())
            .send()
            .join()
            .items();

    // then
    assertThat(root)
        .extracting(Variable::getName, Variable::getValue, Variable::isTruncated)
        .containsExactly(
            tuple("amount", "120", false),
            tuple("caseId", "\"case-" + run + "\"", false),
            tuple("flags", "{\"urgent\":true}", false));
    assertThat(root)
        .allSatisfy(
            v -> {
              assertThat(v.getProcessInstanceKey()).isEqualTo(appeal.key());
              assertThat(v.getScopeKey()).isEqualTo(appeal.key());
              assertThat(v.getTenantId()).isEqualTo("<default>");
              assertThat(v.getVariableKey()).isPositive();
            });

    // and the task's input mapping made a local of its own scope
    assertThat(
            client
                .newVariableSearchRequest()
                .filter(f -> f.scopeKey(task))
                .withFullValues()
                .send()
                .join()
                .items())
        .extracting(Variable::getName, Variable::getValue)
        .containsExactly(tuple("localAmount", "120"));
  }

  @Test
  void shouldFilterPageAndSortVariablesWhenAskedTo() throws Exception {
    // given
    Appeal appeal = startAppeal();

    // when
    SearchResponse<Variable> byLike =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).name(n -> n.like("ca*")))
            .send()
            .join();
    SearchResponse<Variable> byValue =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).value("120"))
            .send()
            .join();
    SearchResponse<Variable> firstPage =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).scopeKey(appeal.key()))
            .sort(s -> s.name().desc())
            .page(p -> p.limit(2))
            .send()
            .join();
    JsonNode plain =
        search(
            "/v2/variables/search?truncateValues=true",
            """
            {"filter": {"processInstanceKey": "%s", "scopeKey": "%s", "name": "flags",
                        "isTruncated": false}}
            """
                .formatted(appeal.key(), appeal.key()));

    // then
    assertThat(byLike.items()).extracting(Variable::getName).containsExactly("caseId");
    assertThat(byValue.items())
        .extracting(Variable::getName)
        .containsExactlyInAnyOrder("amount", "localAmount");
    assertThat(firstPage.page().totalItems()).isEqualTo(3);
    assertThat(firstPage.items()).extracting(Variable::getName).containsExactly("flags", "caseId");
    assertThat(plain.path("items")).hasSize(1);
    JsonNode flags = plain.path("items").get(0);
    assertThat(flags.path("value").asText()).isEqualTo("{\"urgent\":true}");
    assertThat(flags.path("isTruncated").isBoolean()).isTrue();
    assertThat(flags.path("isTruncated").asBoolean()).isFalse();
  }

  @Test
  void shouldGetVariableByKeyAndAnswerNotFoundWhenUnknown() {
    // given
    Appeal appeal = startAppeal();
    Variable caseId =
        client
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(appeal.key()).name("caseId"))
            .send()
            .join()
            .singleItem();

    // when
    Variable fetched = client.newVariableGetRequest(caseId.getVariableKey()).send().join();

    // then
    assertThat(fetched.getName()).isEqualTo("caseId");
    assertThat(fetched.getValue()).isEqualTo("\"case-" + run + "\"");
    assertThat(fetched.getScopeKey()).isEqualTo(appeal.key());
    assertNotFound(() -> client.newVariableGetRequest(UNKNOWN_KEY).send().join());
  }

  // ---- process definitions -------------------------------------------------------------------

  @Test
  void shouldFindVersionsAndLatestWhenDefinitionsAreSearched() throws Exception {
    // given two versions of one process
    String processId = "hist-definition-" + run;
    long v1 = deploy(definition(processId, "Definition v1"), processId + ".bpmn");
    long v2 = deploy(definition(processId, "Definition v2"), processId + ".bpmn");

    // when
    List<ProcessDefinition> versions =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId))
            .sort(s -> s.version().desc())
            .send()
            .join()
            .items();
    List<ProcessDefinition> latest =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId).isLatestVersion(true))
            .send()
            .join()
            .items();
    List<ProcessDefinition> byName =
        client
            .newProcessDefinitionSearchRequest()
            .filter(f -> f.processDefinitionId(processId).name(n -> n.like("*v1")))
            .send()
            .join()
            .items();

    // then
    assertThat(versions)
        .extracting(
            ProcessDefinition::getProcessDefinitionKey,
            ProcessDefinition::getVersion,
            ProcessDefinition::getName)
        .containsExactly(tuple(v2, 2, "Definition v2"), tuple(v1, 1, "Definition v1"));
    assertThat(versions)
        .allSatisfy(
            d -> {
              assertThat(d.getProcessDefinitionId()).isEqualTo(processId);
              assertThat(d.getResourceName()).isEqualTo(processId + ".bpmn");
              assertThat(d.getTenantId()).isEqualTo("<default>");
              assertThat(d.getHasStartForm()).isFalse();
            });
    assertThat(latest).extracting(ProcessDefinition::getVersion).containsExactly(2);
    assertThat(byName).extracting(ProcessDefinition::getProcessDefinitionKey).containsExactly(v1);

    // and the captured CPT request form works too
    JsonNode captured =
        search(
            "/v2/process-definitions/search",
            """
            {"sort": [{"field": "version", "order": "DESC"}],
             "filter": {"processDefinitionId": {"$eq": "%s", "$in": [], "$notIn": []}},
             "page": {"limit": 100}}
            """
                .formatted(processId));
    assertThat(captured.path("page").path("totalItems").asLong()).isEqualTo(2);
    assertThat(captured.path("items").get(0).path("processDefinitionKey").asText())
        .isEqualTo(Long.toString(v2));
  }

  @Test
  void shouldReturnDefinitionAndItsXmlWhenDefinitionIsFetchedByKey() throws Exception {
    // given
    String processId = "hist-xml-" + run;
    BpmnModelInstance model = definition(processId, "XML test");
    long key = deploy(model, "bpmn/" + processId + ".bpmn");

    // when
    ProcessDefinition definition = client.newProcessDefinitionGetRequest(key).send().join();
    String xml = client.newProcessDefinitionGetXmlRequest(key).send().join();
    HttpResponse<String> raw = get("/v2/process-definitions/" + key + "/xml");

    // then
    assertThat(definition.getProcessDefinitionId()).isEqualTo(processId);
    assertThat(definition.getVersion()).isEqualTo(1);
    assertThat(definition.getResourceName()).isEqualTo("bpmn/" + processId + ".bpmn");
    assertThat(xml).isEqualTo(new String(xml(model), StandardCharsets.UTF_8));
    assertThat(raw.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(xml.getBytes())))
        .isNotNull();
    assertNotFound(() -> client.newProcessDefinitionGetRequest(UNKNOWN_KEY).send().join());
    assertNotFound(() -> client.newProcessDefinitionGetXmlRequest(UNKNOWN_KEY).send().join());
  }

  // ---- sequence flows ------------------------------------------------------------------------

  @Test
  void shouldListEachTakenFlowOnceWhenInstanceCompleted() {
    // given
    Appeal appeal = startAppeal();
    complete(appeal);
    awaitCompleted(appeal);

    // when
    List<ProcessInstanceSequenceFlow> flows =
        client.newProcessInstanceSequenceFlowsRequest(appeal.key()).send().join();

    // then
    assertThat(flows)
        .extracting(ProcessInstanceSequenceFlow::getElementId)
        .containsExactly(
            "Flow_ToTriage", "Flow_ToReview", "Flow_ToRead", "Flow_FromRead", "Flow_ToEnd");
    assertThat(flows)
        .allSatisfy(
            f -> {
              assertThat(f.getSequenceFlowId()).isEqualTo(appeal.key() + "_" + f.getElementId());
              assertThat(f.getProcessInstanceKey()).isEqualTo(Long.toString(appeal.key()));
              assertThat(f.getProcessDefinitionKey())
                  .isEqualTo(Long.toString(appeal.definitionKey()));
              assertThat(f.getProcessDefinitionId()).isEqualTo(appeal.processId());
              assertThat(f.getTenantId()).isEqualTo("<default>");
            });
    assertThat(client.newProcessInstanceSequenceFlowsRequest(UNKNOWN_KEY).send().join()).isEmpty();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A started appeal instance of this test's own process and job type. */
  record Appeal(long key, long definitionKey, String processId, String jobType) {

    List<String> allElements() {
      return List.of(
          "StartEvent_Received",
          "ServiceTask_Triage",
          "SubProcess_Review",
          "StartEvent_Review",
          "ManualTask_Read",
          "EndEvent_Review",
          "EndEvent_Done");
    }
  }

  private Appeal startAppeal() {
    String processId = "hist-appeal-" + run;
    String jobType = "hist-triage-" + run;
    BpmnModelInstance model =
        Bpmn.createExecutableProcess(processId)
            .name("History appeal")
            .startEvent("StartEvent_Received")
            .sequenceFlowId("Flow_ToTriage")
            .serviceTask(
                "ServiceTask_Triage",
                t -> t.zeebeJobType(jobType).zeebeInputExpression("amount", "localAmount"))
            .name("Triage appeal")
            .sequenceFlowId("Flow_ToReview")
            .subProcess("SubProcess_Review")
            .embeddedSubProcess()
            .startEvent("StartEvent_Review")
            .sequenceFlowId("Flow_ToRead")
            .manualTask("ManualTask_Read")
            .sequenceFlowId("Flow_FromRead")
            .endEvent("EndEvent_Review")
            .subProcessDone()
            .sequenceFlowId("Flow_ToEnd")
            .endEvent("EndEvent_Done")
            .done();
    long definitionKey = deploy(model, processId + ".bpmn");
    long key =
        client
            .newCreateInstanceCommand()
            .processDefinitionKey(definitionKey)
            .variables(
                Map.of("caseId", "case-" + run, "amount", 120, "flags", Map.of("urgent", true)))
            .send()
            .join()
            .getProcessInstanceKey();
    Appeal appeal = new Appeal(key, definitionKey, processId, jobType);
    waitingTask(appeal);
    return appeal;
  }

  private ElementInstance waitingTask(Appeal appeal) {
    return await()
        .atMost(DEADLINE)
        .until(
            () ->
                client
                    .newElementInstanceSearchRequest()
                    .filter(
                        f ->
                            f.processInstanceKey(appeal.key())
                                .elementId("ServiceTask_Triage")
                                .state(ElementInstanceState.ACTIVE))
                    .send()
                    .join()
                    .items(),
            items -> items.size() == 1)
        .get(0);
  }

  private void complete(Appeal appeal) {
    ActivatedJob job = activate(appeal.jobType());
    client.newCompleteCommand(job.getKey()).variables(Map.of("triaged", true)).send().join();
  }

  private void awaitCompleted(Appeal appeal) {
    await()
        .atMost(DEADLINE)
        .until(
            () -> client.newProcessInstanceGetRequest(appeal.key()).send().join().getState(),
            state -> state == io.camunda.client.api.search.enums.ProcessInstanceState.COMPLETED);
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
                    .requestTimeout(Duration.ofSeconds(2))
                    .send()
                    .join()
                    .getJobs(),
            jobs -> jobs.size() == 1)
        .get(0);
  }

  private List<ElementInstance> elements(long processInstanceKey) {
    return client
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey))
        .sort(s -> s.startDate().asc())
        .send()
        .join()
        .items();
  }

  private static BpmnModelInstance definition(String processId, String name) {
    return Bpmn.createExecutableProcess(processId)
        .name(name)
        .startEvent("StartEvent_Begin")
        .sequenceFlowId("Flow_1")
        .endEvent("EndEvent_Done")
        .done();
  }

  private long deploy(BpmnModelInstance model, String resourceName) {
    return client
        .newDeployResourceCommand()
        .addResourceBytes(xml(model), resourceName)
        .send()
        .join()
        .getProcesses()
        .get(0)
        .getProcessDefinitionKey();
  }

  private static byte[] xml(BpmnModelInstance model) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Bpmn.writeModelToStream(out, model);
    return out.toByteArray();
  }

  private static void assertNotFound(Supplier<?> call) {
    assertThatThrownBy(call::get)
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.code()).isEqualTo(404);
              assertThat(e.details().getTitle()).isEqualTo("NOT_FOUND");
              assertThat(e.details().getDetail()).contains("but none was found");
            });
  }

  private JsonNode search(String path, String body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Authorization", TestServer.engineAuthorization())
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return JSON.readTree(response.body());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept", "application/json, application/problem+json")
            .header("Authorization", TestServer.engineAuthorization())
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
