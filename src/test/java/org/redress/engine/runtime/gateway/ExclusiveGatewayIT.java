package org.redress.engine.runtime.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.builder.ExclusiveGatewayBuilder;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

class ExclusiveGatewayIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  private BpmnModelInstance decision(boolean withDefault) {
    var gateway =
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .exclusiveGateway("Gateway_Decision")
            .sequenceFlowId("Flow_High")
            .conditionExpression("amount > 100")
            .endEvent("End_High")
            .moveToNode("Gateway_Decision")
            .sequenceFlowId("Flow_AlsoHigh")
            .conditionExpression("amount > 50")
            .endEvent("End_AlsoHigh");
    if (withDefault) {
      return ((ExclusiveGatewayBuilder) gateway.moveToNode("Gateway_Decision"))
          .defaultFlow()
          .sequenceFlowId("Flow_Default")
          .endEvent("End_Default")
          .done();
    }
    return gateway.done();
  }

  @Test
  void shouldTakeFirstTrueConditionInModelOrderWhenSeveralAreTrue() {
    // given
    engine.deploy(decision(true));

    // when
    long pi = engine.start(id, Map.of("amount", 500));

    // then
    assertThat(engine.lifecycle(pi))
        .contains("Flow_High:SEQUENCE_FLOW_TAKEN", "End_High:ELEMENT_COMPLETED")
        .doesNotContain("Flow_AlsoHigh:SEQUENCE_FLOW_TAKEN", "Flow_Default:SEQUENCE_FLOW_TAKEN");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldTakeDefaultFlowWhenNoConditionIsTrue() {
    // given
    engine.deploy(decision(true));

    // when
    long pi = engine.start(id, Map.of("amount", 10));

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Gateway_Decision:ELEMENT_ACTIVATING",
            "Gateway_Decision:ELEMENT_ACTIVATED",
            "Gateway_Decision:ELEMENT_COMPLETING",
            "Gateway_Decision:ELEMENT_COMPLETED",
            "Flow_Default:SEQUENCE_FLOW_TAKEN",
            "End_Default:ELEMENT_COMPLETED");
  }

  @Test
  void shouldRaiseIncidentInsteadOfTakingDefaultWhenConditionIsNull() {
    // given a missing variable makes `amount > 100` null, which Zeebe treats as a failure
    engine.deploy(decision(true));

    // when
    long pi = engine.start(id, Map.of());

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("error_type")).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat(incidents.get(0).get("element_id")).isEqualTo("Gateway_Decision");
    assertThat((String) incidents.get(0).get("error_message"))
        .startsWith(
            "Expected result of the expression 'amount > 100' to be 'BOOLEAN', but was 'NULL'.");
    assertThat(engine.lifecycle(pi)).doesNotContain("Flow_Default:SEQUENCE_FLOW_TAKEN");

    // when the variable is provided and the incident resolved, the gateway is evaluated again
    engine.instances.setVariables(pi, Map.of("amount", 60), false);
    engine.instances.resolveIncident((Long) incidents.get(0).get("key"));

    // then
    assertThat(engine.lifecycle(pi)).contains("Flow_AlsoHigh:SEQUENCE_FLOW_TAKEN");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldRaiseConditionErrorWhenNothingIsTrueAndThereIsNoDefault() {
    // given
    engine.deploy(decision(false));

    // when
    long pi = engine.start(id, Map.of("amount", 1));

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("error_type")).isEqualTo("CONDITION_ERROR");
    assertThat(incidents.get(0).get("error_message"))
        .isEqualTo(
            "Expected at least one condition to evaluate to true, or to have a default flow");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
  }
}
