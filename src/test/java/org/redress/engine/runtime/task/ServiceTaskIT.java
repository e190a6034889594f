package org.redress.engine.runtime.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.zeebe.model.bpmn.Bpmn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineHarness;
import org.redress.engine.command.ActivateJobs;

class ServiceTaskIT {

  private final EngineHarness engine = new EngineHarness();
  private final String id = "p" + UUID.randomUUID().toString().replace("-", "");

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void shouldRunLifecycleInZeebeOrderWhenJobIsCompleted() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent("start")
            .sequenceFlowId("f1")
            .serviceTask("task", t -> t.zeebeJobType(id + "-job"))
            .sequenceFlowId("f2")
            .endEvent("end")
            .done());
    long pi = engine.start(id, Map.of());

    // when
    engine.completeJob(id + "-job", Map.of("result", "ok"));

    // then
    assertThat(engine.lifecycle(pi))
        .containsExactly(
            id + ":ELEMENT_ACTIVATING",
            id + ":ELEMENT_ACTIVATED",
            "start:ELEMENT_ACTIVATING",
            "start:ELEMENT_ACTIVATED",
            "start:ELEMENT_COMPLETING",
            "start:ELEMENT_COMPLETED",
            "f1:SEQUENCE_FLOW_TAKEN",
            "task:ELEMENT_ACTIVATING",
            "task:ELEMENT_ACTIVATED",
            "task:ELEMENT_COMPLETING",
            "task:ELEMENT_COMPLETED",
            "f2:SEQUENCE_FLOW_TAKEN",
            "end:ELEMENT_ACTIVATING",
            "end:ELEMENT_ACTIVATED",
            "end:ELEMENT_COMPLETING",
            "end:ELEMENT_COMPLETED",
            id + ":ELEMENT_COMPLETING",
            id + ":ELEMENT_COMPLETED");
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
    assertThat(engine.variables(pi)).containsExactlyEntriesOf(Map.of("result", "ok"));
  }

  @Test
  void shouldKeepInputMappedLocalsInsideTheTaskWhenNoOutputMapping() {
    // given an input mapping creating a local that shadows nothing
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(id + "-job")
                        .zeebeInputExpression("order.amount * 2", "doubled")
                        .zeebeInput("static", "label"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("order", Map.of("amount", 21)));

    // when the worker sees the locals and returns a result
    ActivateJobs.ActivatedJob job = engine.activate(id + "-job");
    assertThat(job.variables()).containsEntry("doubled", "42").containsEntry("label", "\"static\"");
    engine.jobs.complete(job.job().key(), Map.of("approved", true));

    // then the result propagates, the locals do not
    assertThat(engine.variables(pi))
        .containsOnlyKeys("order", "approved")
        .containsEntry("approved", true);
  }

  @Test
  void shouldWriteResultIntoLocalWhenResultHasTheNameOfAnInputMappedLocal() {
    // given (Zeebe: propagation starts at the task's own scope, engine-semantics §3.2)
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id + "-job").zeebeInputExpression("1", "x"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());

    // when
    engine.completeJob(id + "-job", Map.of("x", 2, "y", 3));

    // then x stayed in the task scope and vanished with it
    assertThat(engine.variables(pi)).containsOnlyKeys("y");
  }

  @Test
  void shouldPropagateOnlyMappedVariablesWhenOutputMappingsExist() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobType(id + "-job")
                        .zeebeOutputExpression("score + 1", "finalScore")
                        .zeebeOutputExpression("score", "case.score"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of("case", Map.of("id", "c-1")));

    // when
    engine.completeJob(id + "-job", Map.of("score", 41, "noise", "dropped"));

    // then nested output targets merge into the existing object
    assertThat(engine.variables(pi))
        .containsOnlyKeys("case", "finalScore")
        .containsEntry("finalScore", 42L)
        .containsEntry("case", Map.of("id", "c-1", "score", 41L));
  }

  @Test
  void shouldEvaluateJobTypeRetriesAndPassHeadersWhenGivenAsExpressions() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask(
                "task",
                t ->
                    t.zeebeJobTypeExpression("kind + \"-job\"")
                        .zeebeJobRetriesExpression("2 + 3")
                        .zeebeTaskHeader("channel", "email"))
            .endEvent()
            .done());
    engine.start(id, Map.of("kind", id));

    // when
    ActivateJobs.ActivatedJob job = engine.activate(id + "-job");

    // then
    assertThat(job.job().retries()).isEqualTo(5);
    assertThat(job.job().customHeaders()).containsExactlyEntriesOf(Map.of("channel", "email"));
  }

  @Test
  void shouldRaiseIncidentAndRetryActivationWhenJobTypeExpressionIsNull() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobTypeExpression("kind"))
            .endEvent()
            .done());
    long pi = engine.start(id, Map.of());

    // then an incident names the expression and the missing variable
    List<Map<String, Object>> incidents = engine.activeIncidents(pi);
    assertThat(incidents).hasSize(1);
    assertThat(incidents.get(0).get("error_type")).isEqualTo("EXTRACT_VALUE_ERROR");
    assertThat((String) incidents.get(0).get("error_message"))
        .contains("Expected result of the expression 'kind' to be 'STRING', but was 'NULL'")
        .contains("No variable found with name 'kind'");

    // when the variable is set and the incident resolved
    engine.instances.setVariables(pi, Map.of("kind", id + "-late"), false);
    engine.instances.resolveIncident((Long) incidents.get(0).get("key"));
    engine.completeJob(id + "-late", Map.of());

    // then
    assertThat(engine.processState(pi)).isEqualTo("COMPLETED");
  }

  @Test
  void shouldDeliverOnlyRequestedVariablesWhenFetchVariablesGiven() {
    // given
    engine.deploy(
        Bpmn.createExecutableProcess(id)
            .startEvent()
            .serviceTask("task", t -> t.zeebeJobType(id + "-job"))
            .endEvent()
            .done());
    engine.start(id, Map.of("a", 1, "b", 2));

    // when
    List<ActivateJobs.ActivatedJob> jobs =
        engine.activateJobs.activateOnce(
            new ActivateJobs.Request(
                id + "-job",
                "w",
                java.time.Duration.ofMinutes(1),
                10,
                List.of("b"),
                java.time.Duration.ZERO,
                List.of("<default>")));

    // then
    assertThat(jobs).hasSize(1);
    assertThat(jobs.get(0).variables()).containsExactlyEntriesOf(Map.of("b", "2"));
    assertThat(jobs.get(0).job().worker()).isEqualTo("w");
  }
}
