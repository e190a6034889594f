package org.redress.engine.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

/**
 * Creating an instance of "the latest version" uses a cached definition key; a version deployed by
 * another app instance (another engine on the same database, here a second harness) must still be
 * the one started.
 */
class LatestDefinitionIT {

  private final EngineHarness one = new EngineHarness();
  private final EngineHarness other = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    one.close();
    other.close();
  }

  @Test
  void shouldStartTheVersionAnotherAppInstanceDeployedWhenTheLatestWasCachedBefore() {
    // given: this engine started version 1, so it knows version 1 as the latest
    long v1 = one.deploy(process("first"));
    assertThat(definitionOf(one.start(id, Map.of()))).isEqualTo(v1);

    // when another engine on the same database deploys version 2
    long v2 = other.deploy(process("second"));
    long started = one.start(id, Map.of());

    // then
    assertThat(v2).isNotEqualTo(v1);
    assertThat(definitionOf(started)).isEqualTo(v2);
  }

  @Test
  void shouldStartTheNewVersionWhenItWasDeployedHere() {
    // given
    one.deploy(process("first"));
    one.start(id, Map.of());

    // when
    long v2 = one.deploy(process("second"));

    // then
    assertThat(definitionOf(one.start(id, Map.of()))).isEqualTo(v2);
  }

  private BpmnModelInstance process(String task) {
    return Bpmn.createExecutableProcess(id)
        .startEvent()
        .serviceTask(task, t -> t.zeebeJobType(id + "-" + task))
        .endEvent()
        .done();
  }

  private long definitionOf(long processInstanceKey) {
    return one.jdbc
        .sql("SELECT process_definition_key FROM engine.element_instance WHERE key = :key")
        .param("key", processInstanceKey)
        .query(Long.class)
        .single();
  }
}
