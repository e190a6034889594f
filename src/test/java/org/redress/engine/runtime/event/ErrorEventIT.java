package org.redress.engine.runtime.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;

class ErrorEventIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldCatchJobErrorByMatchingBoundaryAndMapVariablesOnlyThroughOutputMappings() {
    // given a specific and a catch-all boundary on the task
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Pay", t -> t.zeebeJobType(id + "-pay"))
            .boundaryEvent(
                "Boundary_Rejected",
                b -> b.error("PAYOUT_REJECTED").zeebeOutputExpression("reason", "rejection"))
            .endEvent("End_Rejected")
            .moveToActivity("Task_Pay")
            .boundaryEvent("Boundary_AnyError", b -> b.error())
            .endEvent("End_AnyError")
            .moveToActivity("Task_Pay")
            .endEvent("End_Paid")
            .done());
    long pi = engine.start(id, Map.of());
    var job = engine.activate(id + "-pay");

    // when
    engine.jobs.throwError(
        job.job().key(), "PAYOUT_REJECTED", "bank said no", Map.of("reason", "name", "noise", 1));

    // then the specific code wins, the task was terminated first, only mapped variables leave
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Task_Pay:ELEMENT_TERMINATING",
            "Task_Pay:ELEMENT_TERMINATED",
            "Boundary_Rejected:ELEMENT_ACTIVATING",
            "Boundary_Rejected:ELEMENT_COMPLETED",
            "End_Rejected:ELEMENT_COMPLETED")
        .doesNotContain("Boundary_AnyError:ELEMENT_ACTIVATING");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsExactlyEntriesOf(Map.of("rejection", "name"));
    assertThat(engine.activeIncidents(pi)).isEmpty();
  }

  @Test
  void shouldCatchUnknownCodeByCatchAllBoundary() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("Task_Pay", t -> t.zeebeJobType(id + "-pay"))
            .boundaryEvent("Boundary_Rejected", b -> b.error("PAYOUT_REJECTED"))
            .endEvent("End_Rejected")
            .moveToActivity("Task_Pay")
            .boundaryEvent("Boundary_AnyError", b -> b.error())
            .endEvent("End_AnyError")
            .moveToActivity("Task_Pay")
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());

    // when
    engine.jobs.throwError(engine.activate(id + "-pay").job().key(), "OTHER", null, Map.of());

    // then
    assertThat(engine.lifecycle(pi)).contains("End_AnyError:ELEMENT_COMPLETED");
  }

  @Test
  void shouldCatchErrorEndEventInEventSubProcessOfTheProcess() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .eventSubProcess(
                "EventSubProcess_Failure",
                e ->
                    e.startEvent("Start_Failure")
                        .error("CASE_INVALID")
                        .serviceTask("Task_Cleanup", t -> t.zeebeJobType(id + "-cleanup"))
                        .endEvent("End_Failure"))
            .startEvent()
            .parallelGateway("Fork")
            .serviceTask("Task_Other", t -> t.zeebeJobType(id + "-other"))
            .endEvent()
            .moveToNode("Fork")
            .endEvent("End_Error", e -> e.error("CASE_INVALID"))
            .done());

    // when
    long pi = engine.start(id, Map.of());

    // then the other token was terminated and the event sub-process runs
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "Task_Other:ELEMENT_TERMINATED",
            "EventSubProcess_Failure:ELEMENT_ACTIVATING",
            "Start_Failure:ELEMENT_COMPLETED",
            "Task_Cleanup:ELEMENT_ACTIVATED");
    engine.completeJob(id + "-cleanup", Map.of());
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldRaiseIncidentWhenErrorEndEventIsNotCaught() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .endEvent("End_Error", e -> e.error("NOBODY_LISTENS"))
            .done());

    // when
    long pi = engine.start(id, Map.of());

    // then
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0))
        .containsEntry("error_type", "UNHANDLED_ERROR_EVENT")
        .containsEntry("element_id", "End_Error");
    assertThat((String) incidents.get(0).get("error_message")).contains("'NOBODY_LISTENS'");
  }

  @Test
  void shouldCatchJobErrorAtSubProcessBoundaryWhenTaskHasNone() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .subProcess("SubProcess_Payout")
            .embeddedSubProcess()
            .startEvent()
            .serviceTask("Task_Pay", t -> t.zeebeJobType(id + "-pay"))
            .endEvent()
            .subProcessDone()
            .boundaryEvent("Boundary_Failed", b -> b.error("FAILED"))
            .endEvent("End_Failed")
            .moveToActivity("SubProcess_Payout")
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());

    // when
    engine.jobs.throwError(engine.activate(id + "-pay").job().key(), "FAILED", null, Map.of());

    // then
    assertThat(engine.lifecycle(pi))
        .containsSubsequence(
            "SubProcess_Payout:ELEMENT_TERMINATING",
            "Task_Pay:ELEMENT_TERMINATED",
            "SubProcess_Payout:ELEMENT_TERMINATED",
            "End_Failed:ELEMENT_COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }
}
