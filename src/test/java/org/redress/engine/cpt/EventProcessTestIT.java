package org.redress.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Process Test (remote mode) against the embedded engine: waiting for an appeal message or
 * the end of the appeal window (moved with CPT's {@code increaseTime}, which drives the engine
 * clock), a BPMN error caught by a boundary event, and a Camunda user task, also one whose
 * canceling listener holds the interrupting timer boundary event.
 */
class EventProcessTestIT {

  @RegisterExtension
  static final CamundaProcessTestExtension CPT = EmbeddedEngineRuntime.processTestExtension();

  static final String WINDOW_PROCESS = "cpt-appeal-window";
  static final String PAYOUT_PROCESS = "cpt-payout";
  static final String REVIEW_PROCESS = "cpt-review";
  static final String APPEAL_RECEIVED = "cpt-appeal-received";
  static final String PAY_OUT = "cpt-pay-out";
  static final Duration APPEAL_WINDOW = Duration.ofDays(183);

  static final BpmnModelInstance APPEAL_WINDOW_MODEL =
      Bpmn.createExecutableProcess(WINDOW_PROCESS)
          .startEvent("StartEvent_Suspended")
          .sequenceFlowId("Flow_ToWait")
          .eventBasedGateway("Gateway_AppealOrWindowEnd")
          .sequenceFlowId("Flow_ToAppeal")
          .intermediateCatchEvent("MessageEvent_AppealReceived")
          .message(m -> m.name(APPEAL_RECEIVED).zeebeCorrelationKeyExpression("caseId"))
          .sequenceFlowId("Flow_FromAppeal")
          .endEvent("EndEvent_Appealed")
          .moveToLastGateway()
          .sequenceFlowId("Flow_ToWindowEnd")
          .intermediateCatchEvent("TimerEvent_WindowEnded")
          .timerWithDuration(APPEAL_WINDOW.toString())
          .sequenceFlowId("Flow_FromWindowEnd")
          .endEvent("EndEvent_BanFinal")
          .done();

  static final BpmnModelInstance PAYOUT_MODEL =
      Bpmn.createExecutableProcess(PAYOUT_PROCESS)
          .startEvent("StartEvent_Release")
          .sequenceFlowId("Flow_ToPayout")
          .serviceTask("ServiceTask_PayOut", t -> t.zeebeJobType(PAY_OUT))
          .boundaryEvent(
              "BoundaryEvent_PayoutRejected",
              b -> b.error("PAYOUT_REJECTED").zeebeOutputExpression("reason", "rejectionReason"))
          .sequenceFlowId("Flow_ToManual")
          .endEvent("EndEvent_ManualPayout")
          .moveToActivity("ServiceTask_PayOut")
          .sequenceFlowId("Flow_ToPaid")
          .endEvent("EndEvent_Paid")
          .done();

  static final BpmnModelInstance REVIEW_MODEL =
      Bpmn.createExecutableProcess(REVIEW_PROCESS)
          .startEvent("StartEvent_Appealed")
          .sequenceFlowId("Flow_ToReview")
          .userTask(
              "UserTask_ReviewAppeal",
              u ->
                  u.zeebeUserTask()
                      .zeebeCandidateGroups("appeal-reviewers")
                      .zeebeTaskPriority("80"))
          .name("Review appeal")
          .sequenceFlowId("Flow_ToEnd")
          .endEvent("EndEvent_Reviewed")
          .done();

  static final String OVERDUE_PROCESS = "cpt-review-overdue";
  static final String ARCHIVE_REVIEW = "cpt-archive-review";

  static final BpmnModelInstance OVERDUE_MODEL =
      Bpmn.createExecutableProcess(OVERDUE_PROCESS)
          .startEvent("StartEvent_Appealed")
          .userTask(
              "UserTask_ReviewAppeal",
              u ->
                  u.zeebeUserTask()
                      .zeebeTaskListener(
                          l ->
                              l.eventType(ZeebeTaskListenerEventType.canceling)
                                  .type(ARCHIVE_REVIEW)))
          .boundaryEvent("BoundaryEvent_ReviewOverdue", b -> b.timerWithDuration("PT72H"))
          .endEvent("EndEvent_Escalated")
          .moveToActivity("UserTask_ReviewAppeal")
          .endEvent("EndEvent_Reviewed")
          .done();

  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  void shouldMakeBanFinalWhenAppealWindowEndsWithoutAppeal() {
    // given
    deploy(APPEAL_WINDOW_MODEL);
    ProcessInstanceEvent instance = start(WINDOW_PROCESS, Map.of("caseId", "case-1"));
    assertThatProcessInstance(instance)
        .isWaitingForMessage(APPEAL_RECEIVED, "case-1")
        .hasActiveElements("Gateway_AppealOrWindowEnd");
    Instant before = processTestContext.getCurrentTime();

    // when
    processTestContext.increaseTime(APPEAL_WINDOW.plusMinutes(1));

    // then
    assertThat(processTestContext.getCurrentTime())
        .isAfterOrEqualTo(before.plus(APPEAL_WINDOW.plusMinutes(1)));
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements("TimerEvent_WindowEnded", "EndEvent_BanFinal")
        .hasNotActivatedElements("MessageEvent_AppealReceived")
        // CPT 8.8.14's one-argument variant ignores the subscription state (it would count the
        // closed subscription too, on Zeebe as well); the two-argument one asks for open ones only
        .isNotWaitingForMessage(APPEAL_RECEIVED, "case-1");
  }

  @Test
  void shouldFollowAppealWhenMessageArrivesWithinWindow() {
    // given
    deploy(APPEAL_WINDOW_MODEL);
    ProcessInstanceEvent instance = start(WINDOW_PROCESS, Map.of("caseId", "case-2"));
    processTestContext.increaseTime(Duration.ofDays(30));

    // when
    client
        .newPublishMessageCommand()
        .messageName(APPEAL_RECEIVED)
        .correlationKey("case-2")
        .variables(Map.of("appealText", "I was hacked"))
        .send()
        .join();

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCorrelatedMessage(APPEAL_RECEIVED, "case-2")
        .hasCompletedElements("MessageEvent_AppealReceived", "EndEvent_Appealed")
        .hasNotActivatedElements("TimerEvent_WindowEnded")
        .hasVariable("appealText", "I was hacked");
  }

  @Test
  void shouldTakeErrorPathWhenWorkerThrowsBpmnError() {
    // given
    deploy(PAYOUT_MODEL);
    processTestContext
        .mockJobWorker(PAY_OUT)
        .thenThrowBpmnError("PAYOUT_REJECTED", Map.of("reason", "name mismatch"));

    // when
    ProcessInstanceEvent instance = start(PAYOUT_PROCESS, Map.of("amount", 1250));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasTerminatedElements("ServiceTask_PayOut")
        .hasCompletedElements("BoundaryEvent_PayoutRejected", "EndEvent_ManualPayout")
        .hasNotActivatedElements("EndEvent_Paid")
        // error variables are locals of the catching event; its output mapping propagates them
        .hasLocalVariable("BoundaryEvent_PayoutRejected", "reason", "name mismatch")
        .hasVariable("rejectionReason", "name mismatch");
  }

  @Test
  void shouldCompleteReviewWhenUserTaskIsCompleted() {
    // given
    deploy(REVIEW_MODEL);
    ProcessInstanceEvent instance = start(REVIEW_PROCESS, Map.of("caseId", "case-3"));
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_ReviewAppeal"))
        .isCreated()
        .hasName("Review appeal")
        .hasCandidateGroup("appeal-reviewers")
        .hasPriority(80)
        .hasProcessInstanceKey(instance.getProcessInstanceKey());

    // when
    processTestContext.completeUserTask("UserTask_ReviewAppeal", Map.of("decision", "overturn"));

    // then
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_ReviewAppeal")).isCompleted();
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements("UserTask_ReviewAppeal")
        .hasVariable("decision", "overturn");
  }

  @Test
  void shouldEscalateOnlyAfterCancelingListenerCompletesWhenReviewBecomesOverdue() {
    // given a review whose canceling listener archives the task
    deploy(OVERDUE_MODEL);
    ProcessInstanceEvent instance = start(OVERDUE_PROCESS, Map.of("caseId", "case-4"));
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_ReviewAppeal")).isCreated();

    // when the review deadline passes
    processTestContext.increaseTime(Duration.ofHours(73));

    // then the task is canceling and the escalation waits for the listener
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .newUserTaskSearchRequest()
                            .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey()))
                            .send()
                            .join()
                            .items()
                            .get(0)
                            .getState())
                    .isEqualTo(UserTaskState.CANCELING));
    assertThatProcessInstance(instance)
        .isActive()
        .hasNotActivatedElements("BoundaryEvent_ReviewOverdue", "EndEvent_Escalated");

    // when the listener completes
    processTestContext.completeJob(ARCHIVE_REVIEW);

    // then the task is canceled and the escalation path taken
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_ReviewAppeal")).isCanceled();
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasTerminatedElements("UserTask_ReviewAppeal")
        .hasCompletedElements("BoundaryEvent_ReviewOverdue", "EndEvent_Escalated")
        .hasNotActivatedElements("EndEvent_Reviewed");
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
