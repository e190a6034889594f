package org.redress.engine.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

class ScriptTaskIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldStoreResultVariableWhenScriptIsEvaluated() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask("script", s -> s.zeebeExpression("amount * 2").zeebeResultVariable("total"))
            .endEvent()
            .done());

    // when
    long pi = engine.start(id, Map.of("amount", 21));

    // then it passed through in one command
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("total", 42L);
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "script:ELEMENT_ACTIVATING",
            "script:ELEMENT_ACTIVATED",
            "script:ELEMENT_COMPLETING",
            "script:ELEMENT_COMPLETED");
  }

  @Test
  void shouldStoreNullWhenScriptReferencesMissingVariable() {
    // given FEEL is null-friendly: a missing variable is not a failure
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask("script", s -> s.zeebeExpression("missing.field").zeebeResultVariable("r"))
            .endEvent()
            .done());

    // when
    long pi = engine.start(id, Map.of());

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("r", null);
  }

  @Test
  void shouldRaiseIncidentWhenScriptFails() {
    // given assert() is a real FEEL failure
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .scriptTask(
                "script", s -> s.zeebeExpression("assert(x, x != null)").zeebeResultVariable("r"))
            .endEvent()
            .done());

    // when
    long pi = engine.start(id, Map.of());

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("element_id")).isEqualTo("script");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");

    // when fixed and resolved
    engine.instances.setVariables(pi, Map.of("x", 5), false);
    engine.instances.resolveIncident((Long) incidents.get(0).get("key"));

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("r", 5L);
  }
}
