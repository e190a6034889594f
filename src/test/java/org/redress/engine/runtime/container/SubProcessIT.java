package org.redress.engine.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

class SubProcessIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldRunInsideAndDiscardLocalsWhenEmbeddedSubProcessCompletes() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess(
                "SubProcess_Review",
                s ->
                    s.zeebeInputExpression("amount * 2", "local")
                        .zeebeOutputExpression("checked", "outcome"))
            .embeddedSubProcess()
            .startEvent("Start_Inner")
            .serviceTask("Task_Inner", t -> t.zeebeJobType(id + "-job"))
            .endEvent("End_Inner")
            .subProcessDone()
            .endEvent("End")
            .done());
    long pi = engine.start(id, Map.of("amount", 5));

    // when
    var job = engine.activate(id + "-job");
    assertThat(job.variables()).containsEntry("local", "10");
    engine.jobs.complete(job.job().key(), Map.of("checked", "yes"));

    // then checked was set inside (at the root, where nothing defines it), outcome mapped out
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("outcome", "yes").doesNotContainKey("local");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "SubProcess_Review:ELEMENT_ACTIVATING",
            "SubProcess_Review:ELEMENT_ACTIVATED",
            "Start_Inner:ELEMENT_ACTIVATING",
            "Task_Inner:ELEMENT_COMPLETED",
            "End_Inner:ELEMENT_COMPLETED",
            "SubProcess_Review:ELEMENT_COMPLETING",
            "SubProcess_Review:ELEMENT_COMPLETED",
            "End:ELEMENT_COMPLETED");
  }

  @Test
  void shouldTerminateOtherTokensAndCompleteScopeWhenTerminateEndEventIsReached() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .parallelGateway("Fork")
            .serviceTask("Task_Slow", t -> t.zeebeJobType(id + "-slow"))
            .endEvent("End_Slow")
            .moveToNode("Fork")
            .serviceTask("Task_Fast", t -> t.zeebeJobType(id + "-fast"))
            .endEvent("End_Terminate", e -> e.terminate())
            .done());
    long pi = engine.start(id, Map.of());

    // when
    engine.completeJob(id + "-fast", Map.of());

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "End_Terminate:ELEMENT_ACTIVATING",
            "Task_Slow:ELEMENT_TERMINATING",
            "Task_Slow:ELEMENT_TERMINATED",
            "End_Terminate:ELEMENT_COMPLETED",
            id + ":ELEMENT_COMPLETED");
  }
}
