package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.state.DefinitionStore;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.EngineQueries.ProcessDefinitionView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Deployed process definitions: search, get, the BPMN XML, and the (never present) start form. */
@RestController
@ConditionalOnEmbeddedEngine
class ProcessDefinitionController {

  /**
   * The client reads the XML only when the content type is text/xml (application/xml makes it
   * fail), although it asks for JSON: the type is set on the response, not negotiated.
   */
  private static final MediaType XML = new MediaType("text", "xml", StandardCharsets.UTF_8);

  private final EngineQueries queries;
  private final DefinitionStore definitions;

  ProcessDefinitionController(EngineQueries queries, DefinitionStore definitions) {
    this.queries = queries;
    this.definitions = definitions;
  }

  /** Camunda's ProcessDefinitionResult; {@code name} and {@code versionTag} may be null. */
  record ProcessDefinitionResult(
      String name,
      String resourceName,
      int version,
      String versionTag,
      String processDefinitionId,
      String tenantId,
      String processDefinitionKey,
      boolean hasStartForm) {}

  @PostMapping("/v2/process-definitions/search")
  SearchResponse<ProcessDefinitionResult> search(@RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchProcessDefinitions(body), ProcessDefinitionController::toResult);
  }

  @GetMapping("/v2/process-definitions/{processDefinitionKey}")
  ProcessDefinitionResult get(@PathVariable long processDefinitionKey) {
    return queries
        .processDefinition(processDefinitionKey)
        .map(ProcessDefinitionController::toResult)
        .orElseThrow(() -> notFound(processDefinitionKey));
  }

  @GetMapping("/v2/process-definitions/{processDefinitionKey}/xml")
  ResponseEntity<String> xml(@PathVariable long processDefinitionKey) {
    String xml =
        definitions.xml(processDefinitionKey).orElseThrow(() -> notFound(processDefinitionKey));
    return ResponseEntity.ok().contentType(XML).body(xml);
  }

  /** Start forms are not supported, so a known definition has none: 204 as Camunda answers. */
  @GetMapping("/v2/process-definitions/{processDefinitionKey}/form")
  ResponseEntity<Void> form(@PathVariable long processDefinitionKey) {
    if (queries.processDefinition(processDefinitionKey).isEmpty()) {
      throw notFound(processDefinitionKey);
    }
    return ResponseEntity.noContent().build();
  }

  private static EngineRejection notFound(long processDefinitionKey) {
    return EngineRejection.notFound(
        "Expected to find process definition with key '"
            + processDefinitionKey
            + "', but none was found");
  }

  static ProcessDefinitionResult toResult(ProcessDefinitionView d) {
    return new ProcessDefinitionResult(
        d.name(),
        d.resourceName(),
        d.version(),
        d.versionTag(),
        d.bpmnProcessId(),
        d.tenantId(),
        ApiFormat.key(d.key()),
        false);
  }
}
