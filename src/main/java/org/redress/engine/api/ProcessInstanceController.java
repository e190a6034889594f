package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineProperties;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.CreateProcessInstance;
import org.redress.engine.command.InstanceCommands;
import org.redress.engine.command.PurgeEngine;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EngineQueries.ProcessInstanceView;
import org.redress.engine.state.EngineQueries.SequenceFlowView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Create, get, search and cancel process instances; the sequence flows an instance took. */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessInstanceController {

  private final CreateProcessInstance createProcessInstance;
  private final InstanceCommands instanceCommands;
  private final EngineQueries queries;
  private final EngineProperties properties;
  private final PurgeEngine purgeEngine;

  ProcessInstanceController(
      CreateProcessInstance createProcessInstance,
      InstanceCommands instanceCommands,
      EngineQueries queries,
      EngineProperties properties,
      PurgeEngine purgeEngine) {
    this.createProcessInstance = createProcessInstance;
    this.instanceCommands = instanceCommands;
    this.queries = queries;
    this.properties = properties;
    this.purgeEngine = purgeEngine;
  }

  record CreateRequest(
      String processDefinitionId,
      String processDefinitionKey,
      Integer processDefinitionVersion,
      Map<String, Object> variables,
      String tenantId,
      List<String> tags,
      List<JsonNode> startInstructions,
      List<JsonNode> runtimeInstructions,
      Boolean awaitCompletion,
      List<String> fetchVariables,
      Long requestTimeout,
      Long operationReference) {}

  record CreateResult(
      String processDefinitionId,
      String processDefinitionKey,
      int processDefinitionVersion,
      String tenantId,
      Map<String, Object> variables,
      String processInstanceKey,
      List<String> tags) {}

  record ProcessInstanceResult(
      String processDefinitionId,
      String processDefinitionName,
      int processDefinitionVersion,
      String processDefinitionVersionTag,
      String startDate,
      String endDate,
      String state,
      boolean hasIncident,
      String tenantId,
      String processInstanceKey,
      String processDefinitionKey,
      String parentProcessInstanceKey,
      String parentElementInstanceKey,
      List<String> tags) {}

  /** One taken flow; {@code elementId} is the flow's id, as in Camunda. */
  record SequenceFlowResult(
      String sequenceFlowId,
      String processInstanceKey,
      String processDefinitionKey,
      String processDefinitionId,
      String elementId,
      String tenantId) {}

  /** Not a paged search: only {@code items}. */
  record SequenceFlowsResult(List<SequenceFlowResult> items) {}

  @PostMapping("/v2/process-instances")
  CreateResult create(@RequestBody CreateRequest body) {
    if (body.startInstructions() != null && !body.startInstructions().isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Start instructions are not supported by the embedded engine; start at the none start"
              + " event");
    }
    if (body.runtimeInstructions() != null && !body.runtimeInstructions().isEmpty()) {
      throw EngineRejection.invalidArgument(
          "Runtime instructions are not supported by the embedded engine");
    }
    CreateProcessInstance.Request request =
        new CreateProcessInstance.Request(
            body.processDefinitionId(),
            body.processDefinitionKey() == null
                ? null
                : ApiFormat.parseKey("processDefinitionKey", body.processDefinitionKey()),
            body.processDefinitionVersion() == null ? -1 : body.processDefinitionVersion(),
            ApiFormat.orEmpty(body.variables()),
            ApiFormat.tenant(body.tenantId()));
    CreateProcessInstance.Created created;
    Map<String, Object> variables = Map.of();
    if (Boolean.TRUE.equals(body.awaitCompletion())) {
      Duration timeout =
          body.requestTimeout() == null || body.requestTimeout() <= 0
              ? properties.defaultRequestTimeout()
              : Duration.ofMillis(
                  Math.min(body.requestTimeout(), properties.maxRequestTimeout().toMillis()));
      created =
          purgeEngine.excludingPurge(
              () ->
                  createProcessInstance.createAndAwait(
                      request, timeout, BackpressureFilter::releaseCurrentSlot));
      if (!created.ended().completed()) {
        throw EngineRejection.invalidState(
            "Expected process instance '"
                + created.processInstanceKey()
                + "' to complete, but it was terminated");
      }
      variables = ApiFormat.rawVariables(created.ended().rootVariables(), body.fetchVariables());
    } else {
      created = purgeEngine.excludingPurge(() -> createProcessInstance.create(request));
    }
    return new CreateResult(
        created.process().definition().bpmnProcessId(),
        ApiFormat.key(created.process().key()),
        created.process().definition().version(),
        created.process().definition().tenantId(),
        variables,
        ApiFormat.key(created.processInstanceKey()),
        body.tags() == null ? List.of() : body.tags());
  }

  @GetMapping("/v2/process-instances/{processInstanceKey}")
  ProcessInstanceResult get(@PathVariable long processInstanceKey) {
    return queries
        .processInstance(processInstanceKey)
        .map(ProcessInstanceController::toResult)
        .orElseThrow(
            () ->
                EngineRejection.notFound(
                    "Expected to find process instance with key '"
                        + processInstanceKey
                        + "', but none was found"));
  }

  @PostMapping("/v2/process-instances/search")
  SearchResponse<ProcessInstanceResult> search(@RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchProcessInstances(body), ProcessInstanceController::toResult);
  }

  /**
   * Each flow the instance took, once (Camunda's id is
   * "&lt;processInstanceKey&gt;_&lt;flowId&gt;"), in the order first taken. Like Camunda's, an
   * unknown instance simply has none.
   */
  @GetMapping("/v2/process-instances/{processInstanceKey}/sequence-flows")
  SequenceFlowsResult sequenceFlows(@PathVariable long processInstanceKey) {
    return new SequenceFlowsResult(
        queries.takenSequenceFlows(processInstanceKey).stream()
            .map(ProcessInstanceController::toResult)
            .toList());
  }

  @PostMapping("/v2/process-instances/{processInstanceKey}/cancellation")
  ResponseEntity<Void> cancel(@PathVariable long processInstanceKey) {
    instanceCommands.cancel(processInstanceKey);
    return ResponseEntity.noContent().build();
  }

  static SequenceFlowResult toResult(SequenceFlowView flow) {
    return new SequenceFlowResult(
        flow.processInstanceKey() + "_" + flow.flowId(),
        ApiFormat.key(flow.processInstanceKey()),
        ApiFormat.key(flow.processDefinitionKey()),
        flow.bpmnProcessId(),
        flow.flowId(),
        flow.tenantId());
  }

  static ProcessInstanceResult toResult(ProcessInstanceView view) {
    ElementInstance e = view.instance();
    return new ProcessInstanceResult(
        e.bpmnProcessId(),
        e.elementName(),
        e.version(),
        null,
        ApiFormat.date(e.startDate()),
        ApiFormat.date(e.endDate()),
        e.state().apiState(),
        view.hasIncident(),
        e.tenantId(),
        ApiFormat.key(e.key()),
        ApiFormat.key(e.processDefinitionKey()),
        ApiFormat.key(e.parentProcessInstanceKey()),
        ApiFormat.key(e.parentElementInstanceKey()),
        List.of());
  }
}
