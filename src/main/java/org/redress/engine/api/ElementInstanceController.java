package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.InstanceCommands;
import org.redress.engine.state.ElementInstance;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EngineQueries.ElementInstanceView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Element instances: search and get (history included; as in Camunda, not the process instance
 * itself), and setting variables on one (or on the process instance by its key).
 */
@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceController {

  private final InstanceCommands instanceCommands;
  private final EngineQueries queries;

  ElementInstanceController(InstanceCommands instanceCommands, EngineQueries queries) {
    this.instanceCommands = instanceCommands;
    this.queries = queries;
  }

  record SetVariablesRequest(
      Map<String, Object> variables, Boolean local, Long operationReference) {}

  /** Camunda's ElementInstanceResult; {@code endDate} and {@code incidentKey} may be null. */
  record ElementInstanceResult(
      String processDefinitionId,
      String startDate,
      String endDate,
      String elementId,
      String elementName,
      String type,
      String state,
      boolean hasIncident,
      String tenantId,
      String elementInstanceKey,
      String processInstanceKey,
      String processDefinitionKey,
      String incidentKey) {}

  @PostMapping("/v2/element-instances/search")
  SearchResponse<ElementInstanceResult> search(@RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchElementInstances(body), ElementInstanceController::toResult);
  }

  @GetMapping("/v2/element-instances/{elementInstanceKey}")
  ElementInstanceResult get(@PathVariable long elementInstanceKey) {
    return queries
        .elementInstance(elementInstanceKey)
        .map(ElementInstanceController::toResult)
        .orElseThrow(
            () ->
                EngineRejection.notFound(
                    "Expected to find element instance with key '"
                        + elementInstanceKey
                        + "', but none was found"));
  }

  @PutMapping("/v2/element-instances/{elementInstanceKey}/variables")
  ResponseEntity<Void> setVariables(
      @PathVariable long elementInstanceKey, @RequestBody SetVariablesRequest body) {
    if (body.variables() == null) {
      throw EngineRejection.invalidArgument(
          "Expected 'variables' (an object) to set on element instance " + elementInstanceKey);
    }
    instanceCommands.setVariables(
        elementInstanceKey, body.variables(), Boolean.TRUE.equals(body.local()));
    return ResponseEntity.noContent().build();
  }

  static ElementInstanceResult toResult(ElementInstanceView view) {
    ElementInstance e = view.instance();
    String name =
        e.elementName() == null || e.elementName().isEmpty() ? e.elementId() : e.elementName();
    return new ElementInstanceResult(
        e.bpmnProcessId(),
        ApiFormat.date(e.startDate()),
        ApiFormat.date(e.endDate()),
        e.elementId(),
        name,
        e.type().name(),
        e.state().apiState(),
        view.hasIncident(),
        e.tenantId(),
        ApiFormat.key(e.key()),
        ApiFormat.key(e.processInstanceKey()),
        ApiFormat.key(e.processDefinitionKey()),
        ApiFormat.key(view.incidentKey()));
  }
}
