package org.redress.engine.api;

import java.util.Map;
import org.redress.engine.ConditionalOnEmbeddedEngine;
import org.redress.engine.EngineRejection;
import org.redress.engine.command.InstanceCommands;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Setting variables on an element instance (or on the process instance by its key). */
@RestController
@ConditionalOnEmbeddedEngine
class ElementInstanceController {

  private final InstanceCommands instanceCommands;

  ElementInstanceController(InstanceCommands instanceCommands) {
    this.instanceCommands = instanceCommands;
  }

  record SetVariablesRequest(
      Map<String, Object> variables, Boolean local, Long operationReference) {}

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
}
