package org.redress.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Process Test (remote mode) against the embedded engine: an exclusive gateway with
 * conditions and a default flow (and the incident of a condition that is not a boolean), a parallel
 * fork and join, and a FEEL script task.
 */
class GatewayProcessTestIT {

  @RegisterExtension
  static final CamundaProcessTestExtension CPT = EmbeddedEngineRuntime.processTestExtension();

  static final String DECISION_PROCESS = "cpt-appeal-decision";
  static final String PARALLEL_PROCESS = "cpt-release-and-notify";
  static final String RESTORE_ACCOUNT = "cpt-restore-account";
  static final String UPHOLD_BAN = "cpt-uphold-ban";
  static final String RELEASE_FUNDS = "cpt-release-funds";
  static final String SEND_NOTICE = "cpt-send-notice";

  /** Overturn when the score is high, uphold otherwise (default flow); score from a FEEL script. */
  static final BpmnModelInstance DECISION =
      Bpmn.createExecutableProcess(DECISION_PROCESS)
          .startEvent("StartEvent_AppealReceived")
          .sequenceFlowId("Flow_ToScore")
          .scriptTask(
              "ScriptTask_Score",
              s -> s.zeebeExpression("evidence * 10 + bonus").zeebeResultVariable("score"))
          .sequenceFlowId("Flow_ToDecision")
          .exclusiveGateway("Gateway_Decision")
          .sequenceFlowId("Flow_Overturn")
          .conditionExpression("score >= 50")
          .serviceTask("ServiceTask_RestoreAccount", t -> t.zeebeJobType(RESTORE_ACCOUNT))
          .sequenceFlowId("Flow_FromRestore")
          .endEvent("EndEvent_Overturned")
          .moveToLastExclusiveGateway()
          .defaultFlow()
          .sequenceFlowId("Flow_Uphold")
          .serviceTask("ServiceTask_UpholdBan", t -> t.zeebeJobType(UPHOLD_BAN))
          .sequenceFlowId("Flow_FromUphold")
          .endEvent("EndEvent_Upheld")
          .done();

  static final BpmnModelInstance PARALLEL =
      Bpmn.createExecutableProcess(PARALLEL_PROCESS)
          .startEvent("StartEvent_Decided")
          .sequenceFlowId("Flow_ToFork")
          .parallelGateway("Gateway_Fork")
          .sequenceFlowId("Flow_ToRelease")
          .serviceTask("ServiceTask_ReleaseFunds", t -> t.zeebeJobType(RELEASE_FUNDS))
          .sequenceFlowId("Flow_FromRelease")
          .parallelGateway("Gateway_Join")
          .sequenceFlowId("Flow_ToEnd")
          .endEvent("EndEvent_Done")
          .moveToNode("Gateway_Fork")
          .sequenceFlowId("Flow_ToNotice")
          .serviceTask("ServiceTask_SendNotice", t -> t.zeebeJobType(SEND_NOTICE))
          .sequenceFlowId("Flow_FromNotice")
          .connectTo("Gateway_Join")
          .done();

  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  void shouldTakeConditionalFlowWhenConditionIsTrue() {
    // given
    deploy(DECISION);

    // when
    ProcessInstanceEvent instance = start(DECISION_PROCESS, Map.of("evidence", 5, "bonus", 7));

    // then
    assertThatProcessInstance(instance)
        .hasVariable("score", 57)
        .hasCompletedElements("ScriptTask_Score", "Gateway_Decision")
        .hasActiveElements("ServiceTask_RestoreAccount")
        .hasNotActivatedElements("ServiceTask_UpholdBan");

    // when
    processTestContext.completeJob(RESTORE_ACCOUNT);

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            "StartEvent_AppealReceived",
            "ScriptTask_Score",
            "Gateway_Decision",
            "ServiceTask_RestoreAccount",
            "EndEvent_Overturned");
  }

  @Test
  void shouldTakeDefaultFlowWhenNoConditionIsTrue() {
    // given
    deploy(DECISION);
    processTestContext.mockJobWorker(UPHOLD_BAN).thenComplete(Map.of("upheld", true));

    // when
    ProcessInstanceEvent instance = start(DECISION_PROCESS, Map.of("evidence", 1, "bonus", 0));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements("ServiceTask_UpholdBan", "EndEvent_Upheld")
        .hasNotActivatedElements("ServiceTask_RestoreAccount", "EndEvent_Overturned")
        .hasVariables(Map.of("score", 10, "upheld", true));
  }

  @Test
  void shouldRaiseIncidentWhenScriptCannotBeEvaluatedToAScore() {
    // given
    deploy(DECISION);

    // when "evidence" is text, so the script's result is null and the condition not a boolean
    ProcessInstanceEvent instance =
        start(DECISION_PROCESS, Map.of("evidence", "screenshots", "bonus", 0));

    // then
    assertThatProcessInstance(instance).isActive().hasActiveIncidents();
  }

  @Test
  void shouldJoinBothBranchesWhenParallelTasksComplete() {
    // given
    deploy(PARALLEL);
    ProcessInstanceEvent instance = start(PARALLEL_PROCESS, Map.of("caseId", "case-9"));

    // then both branches wait
    assertThatProcessInstance(instance)
        .isActive()
        .hasActiveElements("ServiceTask_ReleaseFunds", "ServiceTask_SendNotice")
        .hasActiveElementsExactly("ServiceTask_ReleaseFunds", "ServiceTask_SendNotice");

    // when one branch completes, the join waits for the other
    processTestContext.completeJob(RELEASE_FUNDS, Map.of("released", true));
    assertThatProcessInstance(instance)
        .isActive()
        .hasCompletedElements("ServiceTask_ReleaseFunds")
        .hasActiveElements("ServiceTask_SendNotice")
        .hasNotActivatedElements("EndEvent_Done");

    processTestContext.completeJob(SEND_NOTICE, Map.of("noticeSent", true));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElement("Gateway_Join", 1)
        .hasCompletedElement("EndEvent_Done", 1)
        .hasVariables(Map.of("released", true, "noticeSent", true))
        .hasNoActiveIncidents();
  }

  private void deploy(BpmnModelInstance model) {
    client.newDeployResourceCommand().addProcessModel(model, "process.bpmn").send().join();
  }

  private ProcessInstanceEvent start(String processId, Map<String, Object> variables) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(processId)
        .latestVersion()
        .variables(variables)
        .send()
        .join();
  }
}
