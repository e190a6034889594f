package org.redress.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineSmokeIT {

  @Test
  void shouldCompleteServiceTaskProcess() {
    try (EngineHarness engine = new EngineHarness()) {
      engine.deploy(
          Bpmn.createExecutableProcess("smoke")
              .startEvent("start")
              .serviceTask("task", t -> t.zeebeJobType("smoke-job"))
              .endEvent("end")
              .done());
      long pi = engine.start("smoke", Map.of("a", 1));
      engine.completeJob("smoke-job", Map.of("b", 2));
      assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
      assertThat(engine.variables(pi)).containsEntry("a", 1L).containsEntry("b", 2L);
      assertThat(engine.lifecycle(pi)).isNotEmpty();
      System.out.println(engine.lifecycle(pi));
    }
  }
}
