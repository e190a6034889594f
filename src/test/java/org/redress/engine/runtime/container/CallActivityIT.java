package org.redress.engine.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.EngineRejection;

class CallActivityIT {

  private final EngineHarness engine = new EngineHarness();
  private final String parent = "p" + UUID.randomUUID().toString().replace("-", "");
  private final String child = parent + "-child";

  @AfterEach
  void close() {
    engine.close();
  }

  private long childOf(long parentKey) {
    return engine
        .jdbc
        .sql(
            "SELECT key FROM engine.element_instance WHERE parent_process_instance_key = :k"
                + " AND type = 'PROCESS'")
        .param("k", parentKey)
        .query(Long.class)
        .single();
  }

  @Test
  void shouldPassVariablesBothWaysWhenChildCompletes() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("Task_Release", t -> t.zeebeJobType(child + "-job"))
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("CallActivity_Release", c -> c.zeebeProcessId(child))
            .endEvent("End")
            .done());
    long pi = engine.start(parent, Map.of("caseId", "c-1"));

    // when the child's job sees the parent's variables and completes
    var job = engine.activate(child + "-job");
    assertThat(job.variables()).containsEntry("caseId", "\"c-1\"");
    long childKey = job.job().processInstanceKey();
    engine.jobs.complete(job.job().key(), Map.of("released", 500));

    // then
    assertThat(engine.processState(childKey)).isEqualTo("COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("released", 500L);
  }

  @Test
  void shouldCompleteAtOnceWhenChildHasNoWaitState() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .scriptTask("Script", s -> s.zeebeExpression("1 + 1").zeebeResultVariable("two"))
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity(
                "CallActivity_Quick",
                c -> c.zeebeProcessId(child).zeebePropagateAllChildVariables(false))
            .endEvent()
            .done());

    // when
    long pi = engine.start(parent, Map.of());

    // then nothing came back (propagation off, no output mapping)
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).doesNotContainKey("two");
  }

  @Test
  void shouldTerminateChildWhenParentIsCancelledAndRefuseCancellingTheChild() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("Task_Wait", t -> t.zeebeJobType(child + "-job"))
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("CallActivity_Wait", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());
    long pi = engine.start(parent, Map.of());
    long childKey = childOf(pi);

    // then the child cannot be cancelled on its own
    assertThatThrownBy(() -> engine.instances.cancel(childKey))
        .isInstanceOfSatisfying(
            EngineRejection.class,
            e -> assertThat(e.type()).isEqualTo(EngineRejection.Type.INVALID_STATE));

    // when
    engine.instances.cancel(pi);

    // then
    assertThat(engine.processState(pi)).isEqualTo("TERMINATED");
    assertThat(engine.processState(childKey)).isEqualTo("TERMINATED");
  }

  @Test
  void shouldCatchChildErrorAtCallActivityBoundaryWhenChildDoesNotCatchIt() {
    // given a child whose payout is rejected and a parent that handles the rejection
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .serviceTask("Task_Pay", t -> t.zeebeJobType(child + "-pay"))
            .endEvent()
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("CallActivity_Payout", c -> c.zeebeProcessId(child))
            .boundaryEvent(
                "Boundary_Rejected",
                b -> b.error("PAYOUT_REJECTED").zeebeOutputExpression("reason", "rejection"))
            .endEvent("End_Manual")
            .moveToActivity("CallActivity_Payout")
            .endEvent("End_Paid")
            .done());
    long pi = engine.start(parent, Map.of());
    long childKey = childOf(pi);

    // when the child's job throws an error nobody in the child catches
    engine.jobs.throwError(
        engine.activate(child + "-pay").job().key(),
        "PAYOUT_REJECTED",
        "name mismatch",
        Map.of("reason", "name mismatch"));

    // then the call activity caught it and the child was terminated
    assertThat(engine.processState(childKey)).isEqualTo("TERMINATED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "CallActivity_Payout:ELEMENT_TERMINATED",
            "Boundary_Rejected:ELEMENT_COMPLETED",
            "End_Manual:ELEMENT_COMPLETED");
    assertThat(engine.variables(pi)).containsEntry("rejection", "name mismatch");
    assertThat(engine.activeIncidents(childKey)).isEmpty();
  }

  @Test
  void shouldRaiseIncidentInChildWhenNeitherChildNorParentCatchesTheError() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(child)
            .startEvent()
            .endEvent("End_Error", e -> e.error("NOBODY"))
            .done());
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("CallActivity_Child", c -> c.zeebeProcessId(child))
            .endEvent()
            .done());

    // when
    long pi = engine.start(parent, Map.of());

    // then
    long childKey = childOf(pi);
    assertThat(engine.activeIncidents(childKey).get(0))
        .containsEntry("error_type", "UNHANDLED_ERROR_EVENT")
        .containsEntry("element_id", "End_Error");
    assertThat(engine.processState(pi)).isEqualTo("ACTIVATED");
  }

  @Test
  void shouldRaiseIncidentWhenCalledProcessIsNotDeployed() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(parent)
            .startEvent()
            .callActivity("CallActivity_Missing", c -> c.zeebeProcessId(child + "-missing"))
            .endEvent()
            .done());

    // when
    long pi = engine.start(parent, Map.of());

    // then
    assertThat(engine.activeIncidents(pi).get(0))
        .containsEntry("error_type", "CALLED_ELEMENT_ERROR")
        .containsEntry("element_id", "CallActivity_Missing");
  }
}
