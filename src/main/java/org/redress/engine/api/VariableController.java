package org.redress.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.state.EngineQueries;
import org.redress.engine.state.Variable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Variable search and get. A value is the variable's JSON text exactly as stored ({@code "\"ok\""},
 * {@code "1"}, {@code "{\"a\":1}"}); the engine never truncates values, so {@code isTruncated} is
 * always false and {@code truncateValues} changes nothing.
 */
@RestController
@ConditionalOnEmbeddedEngine
class VariableController {

  private final EngineQueries queries;

  VariableController(EngineQueries queries) {
    this.queries = queries;
  }

  record VariableSearchResult(
      String name,
      String value,
      boolean isTruncated,
      String tenantId,
      String variableKey,
      String scopeKey,
      String processInstanceKey) {}

  record VariableResult(
      String name,
      String value,
      String tenantId,
      String variableKey,
      String scopeKey,
      String processInstanceKey) {}

  @PostMapping("/v2/variables/search")
  SearchResponse<VariableSearchResult> search(
      @RequestParam(name = "truncateValues", required = false) Boolean truncateValues,
      @RequestBody(required = false) JsonNode body) {
    return SearchResponse.of(
        queries.searchVariables(body),
        v ->
            new VariableSearchResult(
                v.name(),
                v.json(),
                false,
                v.tenantId(),
                ApiFormat.key(v.key()),
                ApiFormat.key(v.scopeKey()),
                ApiFormat.key(v.processInstanceKey())));
  }

  @GetMapping("/v2/variables/{variableKey}")
  VariableResult get(@PathVariable long variableKey) {
    Variable v =
        queries
            .variable(variableKey)
            .orElseThrow(
                () ->
                    EngineRejection.notFound(
                        "Expected to find variable with key '"
                            + variableKey
                            + "', but none was found"));
    return new VariableResult(
        v.name(),
        v.json(),
        v.tenantId(),
        ApiFormat.key(v.key()),
        ApiFormat.key(v.scopeKey()),
        ApiFormat.key(v.processInstanceKey()));
  }
}
