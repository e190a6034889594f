package org.redress.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static io.camunda.process.test.api.CamundaAssert.assertThatUserTask;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.process.test.api.assertions.ProcessInstanceSelectors;
import io.camunda.process.test.api.assertions.UserTaskSelectors;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Process Test (remote mode) against the embedded engine: an embedded sub-process, a timer
 * event sub-process that interrupts the process, a call activity with its child, an error end event
 * caught by an error event sub-process, and a completing task listener that denies.
 */
class ContainerProcessTestIT {

  @RegisterExtension
  static final CamundaProcessTestExtension CPT = EmbeddedEngineRuntime.processTestExtension();

  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  void shouldRunEmbeddedSubProcessAndPropagateMappedOutput() {
    // given
    deploy(
        Bpmn.createExecutableProcess("cpt-sub")
            .startEvent()
            .subProcess("SubProcess_Verify", s -> s.zeebeOutputExpression("verified", "identityOk"))
            .embeddedSubProcess()
            .startEvent("StartEvent_Inner")
            .serviceTask("ServiceTask_Verify", t -> t.zeebeJobType("cpt-verify"))
            .endEvent("EndEvent_Inner")
            .subProcessDone()
            .endEvent("EndEvent_Done")
            .done());
    ProcessInstanceEvent instance = start("cpt-sub", Map.of());

    // when
    processTestContext.completeJob("cpt-verify", Map.of("verified", true));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements(
            "SubProcess_Verify", "StartEvent_Inner", "ServiceTask_Verify", "EndEvent_Inner")
        .hasVariable("identityOk", true);
  }

  @Test
  void shouldInterruptProcessWhenTimerEventSubProcessFires() {
    // given an SLA that interrupts a review nobody decides
    deploy(
        Bpmn.createExecutableProcess("cpt-sla")
            .eventSubProcess(
                "EventSubProcess_Sla",
                e ->
                    e.startEvent("StartEvent_SlaMissed")
                        .timerWithDuration("P14D")
                        .endEvent("EndEvent_Escalated"))
            .startEvent()
            .serviceTask("ServiceTask_Decide", t -> t.zeebeJobType("cpt-decide"))
            .endEvent()
            .done());
    ProcessInstanceEvent instance = start("cpt-sla", Map.of());
    assertThatProcessInstance(instance).hasActiveElements("ServiceTask_Decide");

    // when
    processTestContext.increaseTime(Duration.ofDays(15));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasTerminatedElements("ServiceTask_Decide")
        .hasCompletedElements("EventSubProcess_Sla", "EndEvent_Escalated");
  }

  @Test
  void shouldCompleteParentWhenCalledChildCompletes() {
    // given
    deploy(
        Bpmn.createExecutableProcess("cpt-child")
            .startEvent()
            .serviceTask("ServiceTask_Release", t -> t.zeebeJobType("cpt-release"))
            .endEvent()
            .done());
    deploy(
        Bpmn.createExecutableProcess("cpt-parent")
            .startEvent()
            .callActivity("CallActivity_Release", c -> c.zeebeProcessId("cpt-child"))
            .endEvent("EndEvent_Released")
            .done());
    ProcessInstanceEvent parent = start("cpt-parent", Map.of("caseId", "case-9"));
    assertThatProcessInstance(
            ProcessInstanceSelectors.byParentProcessInstanceKey(parent.getProcessInstanceKey()))
        .isActive()
        .hasVariable("caseId", "case-9");

    // when
    processTestContext.completeJob("cpt-release", Map.of("releasedMinor", 1250));

    // then
    assertThatProcessInstance(
            ProcessInstanceSelectors.byParentProcessInstanceKey(parent.getProcessInstanceKey()))
        .isCompleted();
    assertThatProcessInstance(parent)
        .isCompleted()
        .hasCompletedElements("CallActivity_Release", "EndEvent_Released")
        .hasVariable("releasedMinor", 1250);
  }

  @Test
  void shouldRunErrorEventSubProcessWhenErrorEndEventIsReached() {
    // given
    deploy(
        Bpmn.createExecutableProcess("cpt-error")
            .eventSubProcess(
                "EventSubProcess_Invalid",
                e ->
                    e.startEvent("StartEvent_Invalid")
                        .error("CASE_INVALID")
                        .endEvent("EndEvent_Closed"))
            .startEvent()
            .endEvent("EndEvent_Error", e -> e.error("CASE_INVALID"))
            .done());

    // when
    ProcessInstanceEvent instance = start("cpt-error", Map.of());

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements("StartEvent_Invalid", "EndEvent_Closed")
        .hasNoActiveIncidents();
  }

  @Test
  void shouldKeepTaskOpenWhenCompletingListenerDenies() {
    // given a completing listener that refuses a decision by the person who imposed the ban
    deploy(
        Bpmn.createExecutableProcess("cpt-listener")
            .startEvent()
            .userTask(
                "UserTask_Decide",
                u ->
                    u.zeebeUserTask()
                        .zeebeAssignee("reviewer-1")
                        .zeebeTaskListener(
                            l ->
                                l.eventType(ZeebeTaskListenerEventType.completing)
                                    .type("cpt-check-decider")))
            .endEvent("EndEvent_Decided")
            .done());
    ProcessInstanceEvent instance = start("cpt-listener", Map.of());
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_Decide")).isCreated();
    long taskKey =
        client.newUserTaskSearchRequest().send().join().items().stream()
            .filter(t -> t.getProcessInstanceKey() == instance.getProcessInstanceKey())
            .findFirst()
            .orElseThrow()
            .getUserTaskKey();

    // when a completion is requested and the listener denies it
    client.newCompleteUserTaskCommand(taskKey).variables(Map.of("decision", "UPHOLD")).send();
    var job =
        client
            .newActivateJobsCommand()
            .jobType("cpt-check-decider")
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs()
            .get(0);
    client
        .newCompleteCommand(job)
        .withResult(r -> r.forUserTask().deny(true).deniedReason("decider imposed the ban"))
        .send()
        .join();

    // then the task is still open and assigned as before
    assertThatUserTask(UserTaskSelectors.byElementId("UserTask_Decide"))
        .isCreated()
        .hasAssignee("reviewer-1");
    assertThatProcessInstance(instance).isActive().hasActiveElements("UserTask_Decide");
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
