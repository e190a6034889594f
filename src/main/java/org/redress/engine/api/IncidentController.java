package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.InstanceCommands;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.Incident;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Incident search, get and resolution. */
@RestController
@ConditionalOnEmbeddedEngine
class IncidentController {

  private final InstanceCommands instanceCommands;
  private final EngineQueries queries;

  IncidentController(InstanceCommands instanceCommands, EngineQueries queries) {
    this.instanceCommands = instanceCommands;
    this.queries = queries;
  }

  record IncidentResult(
      String processDefinitionId,
      String errorType,
      String errorMessage,
      String elementId,
      String creationTime,
      String state,
      String tenantId,
      String incidentKey,
      String processDefinitionKey,
      String processInstanceKey,
      String elementInstanceKey,
      String jobKey) {}

  @PostMapping("/v2/incidents/search")
  SearchResponse<IncidentResult> search(@RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(queries.searchIncidents(body), IncidentController::toResult);
  }

  @GetMapping("/v2/incidents/{incidentKey}")
  IncidentResult get(@PathVariable long incidentKey) {
    return queries
        .incident(incidentKey)
        .map(IncidentController::toResult)
        .orElseThrow(
            () ->
                EngineRejection.notFound(
                    "Expected to find incident with key '"
                        + incidentKey
                        + "', but none was found"));
  }

  @PostMapping("/v2/incidents/{incidentKey}/resolution")
  ResponseEntity<Void> resolve(@PathVariable long incidentKey) {
    instanceCommands.resolveIncident(incidentKey);
    return ResponseEntity.noContent().build();
  }

  static IncidentResult toResult(Incident i) {
    return new IncidentResult(
        i.bpmnProcessId(),
        i.errorType(),
        i.errorMessage(),
        i.elementId(),
        ApiFormat.date(i.creationTime()),
        i.state(),
        i.tenantId(),
        ApiFormat.key(i.key()),
        ApiFormat.key(i.processDefinitionKey()),
        ApiFormat.key(i.processInstanceKey()),
        ApiFormat.key(i.elementInstanceKey()),
        ApiFormat.key(i.jobKey()));
  }
}
