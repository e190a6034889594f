package org.redress.engine.cpt;

import static io.camunda.process.test.api.CamundaAssert.assertThatProcessInstance;
import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.search.response.Incident;
import io.camunda.process.test.api.CamundaProcessTestContext;
import io.camunda.process.test.api.CamundaProcessTestExtension;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camunda Process Test (remote mode) against the embedded engine: service tasks completed through
 * CPT's utilities and mocks, input/output mappings, and a job incident and its resolution, checked
 * with CPT's own assertions only.
 */
class ServiceTaskProcessTestIT {

  @RegisterExtension
  static final CamundaProcessTestExtension CPT = EmbeddedEngineRuntime.processTestExtension();

  static final String PROCESS_ID = "cpt-account-check";
  static final String HOLD_PROCESS_ID = "cpt-assess-hold";
  static final String CHECK_ACCOUNT = "cpt-check-account";
  static final String NOTIFY_USER = "cpt-notify-user";

  /** Built once, so that every test deploys the same flow ids (CPT aggregates coverage by id). */
  static final BpmnModelInstance TWO_SERVICE_TASKS =
      Bpmn.createExecutableProcess(PROCESS_ID)
          .name("Account check")
          .startEvent("StartEvent_Restricted")
          .name("Account restricted")
          .sequenceFlowId("Flow_ToCheck")
          .serviceTask("ServiceTask_CheckAccount", t -> t.zeebeJobType(CHECK_ACCOUNT))
          .name("Check account")
          .sequenceFlowId("Flow_ToNotify")
          .serviceTask("ServiceTask_NotifyUser", t -> t.zeebeJobType(NOTIFY_USER))
          .sequenceFlowId("Flow_ToEnd")
          .endEvent("EndEvent_Done")
          .done();

  static final BpmnModelInstance IO_MAPPINGS =
      Bpmn.createExecutableProcess(HOLD_PROCESS_ID)
          .startEvent("StartEvent_Restricted")
          .sequenceFlowId("Flow_ToAssess")
          .serviceTask(
              "ServiceTask_AssessHold",
              t ->
                  t.zeebeJobType(CHECK_ACCOUNT)
                      .zeebeInputExpression("balance * 2", "doubled")
                      .zeebeInput("=\"EUR\"", "currency")
                      .zeebeOutputExpression("released + 1", "releasedPlusOne"))
          .sequenceFlowId("Flow_ToEnd")
          .endEvent("EndEvent_Done")
          .done();

  // injected by CPT
  CamundaClient client;
  CamundaProcessTestContext processTestContext;

  @Test
  void shouldWaitAtServiceTaskWhenNoWorkerCompletedTheJob() {
    // given
    deploy(TWO_SERVICE_TASKS);

    // when
    ProcessInstanceEvent instance = start(PROCESS_ID, Map.of("accountId", "acc-1"));

    // then
    assertThatProcessInstance(instance)
        .isActive()
        .hasCompletedElements("StartEvent_Restricted")
        .hasActiveElements("ServiceTask_CheckAccount")
        .hasNotActivatedElements("ServiceTask_NotifyUser", "EndEvent_Done")
        .hasVariable("accountId", "acc-1")
        .hasNoActiveIncidents();
  }

  @Test
  void shouldCompleteWithJobVariablesWhenJobsAreCompleted() {
    // given
    deploy(TWO_SERVICE_TASKS);
    ProcessInstanceEvent instance = start(PROCESS_ID, Map.of("accountId", "acc-2"));

    // when
    processTestContext.completeJob(CHECK_ACCOUNT, Map.of("frozenAmount", 1250, "currency", "EUR"));
    processTestContext.completeJob(NOTIFY_USER);

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElementsInOrder(
            "StartEvent_Restricted",
            "ServiceTask_CheckAccount",
            "ServiceTask_NotifyUser",
            "EndEvent_Done")
        .hasVariables(Map.of("accountId", "acc-2", "frozenAmount", 1250, "currency", "EUR"))
        .hasNoActiveIncidents();
  }

  @Test
  void shouldCompleteWhenMockedWorkersCompleteTheJobs() {
    // given
    deploy(TWO_SERVICE_TASKS);
    processTestContext.mockJobWorker(CHECK_ACCOUNT).thenComplete(Map.of("risk", "low"));
    processTestContext.mockJobWorker(NOTIFY_USER).thenComplete();

    // when
    ProcessInstanceEvent instance = start(PROCESS_ID, Map.of("accountId", "acc-3"));

    // then
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasCompletedElements("ServiceTask_CheckAccount", "ServiceTask_NotifyUser")
        .hasVariable("risk", "low");
  }

  @Test
  void shouldMapInputsToLocalsAndOutputsToTheInstanceWhenTaskHasIoMappings() {
    // given
    deploy(IO_MAPPINGS);
    ProcessInstanceEvent instance = start(HOLD_PROCESS_ID, Map.of("balance", 21));

    // then the inputs are locals of the task
    assertThatProcessInstance(instance)
        .hasActiveElements("ServiceTask_AssessHold")
        .hasLocalVariable("ServiceTask_AssessHold", "doubled", 42)
        .hasLocalVariable("ServiceTask_AssessHold", "currency", "EUR");

    // when
    processTestContext.completeJob(CHECK_ACCOUNT, Map.of("released", 41));

    // then only the output reaches the instance
    assertThatProcessInstance(instance)
        .isCompleted()
        .hasVariables(Map.of("balance", 21, "releasedPlusOne", 42))
        .hasVariableNames("balance", "releasedPlusOne");
  }

  @Test
  void shouldRaiseAndResolveIncidentWhenJobFailsWithoutRetries() {
    // given
    deploy(TWO_SERVICE_TASKS);
    ProcessInstanceEvent instance = start(PROCESS_ID, Map.of("accountId", "acc-4"));
    ActivatedJob job = activateOne(CHECK_ACCOUNT);

    // when the worker gives up
    client.newFailCommand(job.getKey()).retries(0).errorMessage("ledger unavailable").send().join();

    // then
    assertThatProcessInstance(instance)
        .isActive()
        .hasActiveIncidents()
        .hasActiveElements("ServiceTask_CheckAccount");

    // when the operator gives the job retries back and resolves the incident
    List<Incident> incidents =
        client
            .newIncidentSearchRequest()
            .filter(f -> f.processInstanceKey(instance.getProcessInstanceKey()))
            .send()
            .join()
            .items();
    assertThat(incidents).hasSize(1);
    client.newUpdateRetriesCommand(job.getKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incidents.get(0).getIncidentKey()).send().join();
    processTestContext.completeJob(CHECK_ACCOUNT);
    processTestContext.completeJob(NOTIFY_USER);

    // then
    assertThatProcessInstance(instance).hasNoActiveIncidents().isCompleted();
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

  private ActivatedJob activateOne(String type) {
    List<ActivatedJob> jobs =
        client
            .newActivateJobsCommand()
            .jobType(type)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs();
    assertThat(jobs).as("activated jobs of type %s", type).hasSize(1);
    return jobs.get(0);
  }
}
