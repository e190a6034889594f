package org.redress.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.CustomHeaders;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.response.ProcessInstanceEvent;
import io.camunda.client.api.response.ProcessInstanceResult;
import io.camunda.client.api.search.enums.IncidentErrorType;
import io.camunda.client.api.search.enums.IncidentState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.Incident;
import io.camunda.client.api.search.response.ProcessInstance;
import io.camunda.client.api.worker.JobClient;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a real port: the official Camunda client and real Spring {@code @JobWorker}s
 * drive BPMN through the embedded engine over REST, exactly as they would drive Zeebe.
 *
 * <p>The test database is shared with every other integration test of the JVM and other app
 * contexts may be polling it, so process ids and job types here are unique to this class and every
 * assertion is scoped to one process instance.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "camunda.client.worker.defaults.enabled=true")
@DirtiesContext
class JobWorkerProcessIT {

  static final String ASSESSMENT_PROCESS = "jwp-appeal-assessment";
  static final String ASSESS_RISK = "jwp-assess-risk";
  static final String NOTIFY_APPELLANT = "jwp-notify-appellant";
  static final String RELEASE_FUNDS = "jwp-release-funds";

  static final String PAYOUT_PROCESS = "jwp-payout-retry";
  static final String PAY_OUT = "jwp-pay-out";
  static final Duration BACK_OFF = Duration.ofMillis(500);
  static final String PAYOUT_FAILURE = "payout provider unavailable";

  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient client;
  @Autowired WorkerLog workerLog;

  @Test
  void shouldCompleteWithZeebeVariablesWhenInstanceRunsThroughTheParallelBranches() {
    // given
    deploy(appealAssessment());

    // when
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(ASSESSMENT_PROCESS)
            .latestVersion()
            .variables(
                Map.of(
                    "appeal",
                    Map.of("amount", 300, "text", "I was banned by mistake"),
                    "caseId",
                    "case-300"))
            .withResult()
            .send()
            .join();

    // then the root holds the start variables, the two output mappings of the assessment and the
    // unmapped results of the branch tasks; nothing else. Not present: the assessment's local
    // input "amount" and its unmapped results "risk"/"internalNote" (dropped because the task has
    // output mappings), and "releaseAmount", which the release worker returned under the name of
    // its task's input-mapped local: propagation starts at the task itself, so that value updated
    // the local and ended with the task (engine-semantics.md 3.2, consequence 1).
    assertThat(result.getVariablesAsMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "appeal",
                Map.of("amount", 300, "text", "I was banned by mistake"),
                "caseId",
                "case-300",
                "riskScore",
                30,
                "assessedAmount",
                300,
                "notifiedVia",
                "email",
                "released",
                true));
    long pi = result.getProcessInstanceKey();
    assertThat(workerLog.tasks(pi))
        .containsExactlyInAnyOrder(
            "ServiceTask_AssessRisk", "ServiceTask_NotifyAppellant", "ServiceTask_ReleaseFunds");
    assertThat(workerLog.received(pi))
        .containsEntry("assess.amount", 300)
        .containsEntry("notify.channel", "email")
        .containsEntry("release.releaseAmount", 300);
    ProcessInstance instance = searchProcessInstance(pi);
    assertThat(instance.getState()).isEqualTo(ProcessInstanceState.COMPLETED);
    assertThat(instance.getProcessDefinitionId()).isEqualTo(ASSESSMENT_PROCESS);
    assertThat(instance.getHasIncident()).isFalse();
    assertThat(instance.getEndDate()).isNotNull();
  }

  @Test
  void shouldTakeTheDefaultFlowWhenNoConditionIsTrue() {
    // given
    deploy(appealAssessment());

    // when: risk 10 is below both thresholds
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(ASSESSMENT_PROCESS)
            .latestVersion()
            .variables(Map.of("appeal", Map.of("amount", 100), "caseId", "case-100"))
            .withResult()
            .send()
            .join();

    // then only the assessment ran and the instance ended at the dismissal end event
    long pi = result.getProcessInstanceKey();
    assertThat(result.getVariablesAsMap())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "appeal",
                Map.of("amount", 100),
                "caseId",
                "case-100",
                "riskScore",
                10,
                "assessedAmount",
                100));
    assertThat(workerLog.tasks(pi)).containsExactly("ServiceTask_AssessRisk");
    assertThat(searchProcessInstance(pi).getState()).isEqualTo(ProcessInstanceState.COMPLETED);
  }

  @Test
  void shouldTakeTheFirstTrueFlowInModelOrderWhenSeveralConditionsAreTrue() {
    // given
    deploy(appealAssessment());

    // when: risk 90 satisfies both ">= 80" (first in the model) and ">= 20"
    ProcessInstanceResult result =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(ASSESSMENT_PROCESS)
            .latestVersion()
            .variables(Map.of("appeal", Map.of("amount", 900), "caseId", "case-900"))
            .withResult()
            .send()
            .join();

    // then the escalation flow was taken, not the parallel branches
    long pi = result.getProcessInstanceKey();
    assertThat(result.getVariablesAsMap()).containsEntry("riskScore", 90);
    assertThat(result.getVariablesAsMap()).doesNotContainKeys("notifiedVia", "released");
    assertThat(workerLog.tasks(pi)).containsExactly("ServiceTask_AssessRisk");
  }

  @Test
  void shouldCompleteAfterIncidentIsResolvedWhenWorkerExhaustedItsRetries() {
    // given a payout task with 3 retries whose worker fails with a back-off until told otherwise
    deploy(
        Bpmn.createExecutableProcess(PAYOUT_PROCESS)
            .startEvent("StartEvent_PayoutRequested")
            .serviceTask("ServiceTask_PayOut", t -> t.zeebeJobType(PAY_OUT).zeebeJobRetries("3"))
            .endEvent("EndEvent_PaidOut")
            .done());

    // when
    ProcessInstanceEvent created =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId(PAYOUT_PROCESS)
            .latestVersion()
            .variables(Map.of("caseId", "case-payout"))
            .send()
            .join();
    long pi = created.getProcessInstanceKey();

    // then the retries run out and a JOB_NO_RETRIES incident appears
    Incident incident =
        await()
            .atMost(DEADLINE)
            .until(() -> activeIncidents(pi), incidents -> incidents.size() == 1)
            .get(0);
    assertThat(incident.getErrorType()).isEqualTo(IncidentErrorType.JOB_NO_RETRIES);
    assertThat(incident.getElementId()).isEqualTo("ServiceTask_PayOut");
    assertThat(incident.getErrorMessage()).isEqualTo(PAYOUT_FAILURE);
    List<Attempt> failed = workerLog.attempts(pi);
    assertThat(failed).extracting(Attempt::retries).containsExactly(3, 2, 1);
    assertThat(failed).extracting(Attempt::jobKey).containsOnly(incident.getJobKey());
    // the job was not handed out again before its back-off had passed
    for (int i = 1; i < failed.size(); i++) {
      long gapMillis =
          (failed.get(i).startedNanos() - failed.get(i - 1).failSentNanos()) / 1_000_000;
      assertThat(gapMillis)
          .as("time between failure %d and re-delivery", i)
          .isGreaterThanOrEqualTo(BACK_OFF.toMillis());
    }

    // when the operator gives the job a retry and resolves the incident, and the provider is back
    workerLog.payoutAvailable(pi);
    client.newUpdateRetriesCommand(incident.getJobKey()).retries(1).send().join();
    client.newResolveIncidentCommand(incident.getIncidentKey()).send().join();

    // then the worker succeeds and the instance completes
    await()
        .atMost(DEADLINE)
        .until(() -> searchProcessInstance(pi).getState() == ProcessInstanceState.COMPLETED);
    assertThat(workerLog.attempts(pi)).extracting(Attempt::retries).containsExactly(3, 2, 1, 1);
    assertThat(activeIncidents(pi)).isEmpty();
    assertThat(
            client
                .newIncidentSearchRequest()
                .filter(f -> f.processInstanceKey(pi))
                .send()
                .join()
                .items())
        .singleElement()
        .extracting(Incident::getState)
        .isEqualTo(IncidentState.RESOLVED);
  }

  private void deploy(BpmnModelInstance model) {
    String processId =
        model
            .getModelElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
            .iterator()
            .next()
            .getId();
    client.newDeployResourceCommand().addProcessModel(model, processId + ".bpmn").send().join();
  }

  private ProcessInstance searchProcessInstance(long pi) {
    return client
        .newProcessInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(pi))
        .send()
        .join()
        .singleItem();
  }

  private List<Incident> activeIncidents(long pi) {
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.processInstanceKey(pi).state(IncidentState.ACTIVE))
        .send()
        .join()
        .items();
  }

  /**
   * Assessment: risk = amount / 10, computed by the worker on an input-mapped local; then an
   * exclusive gateway (escalate at 80, proceed at 20, else dismiss by default flow) and a parallel
   * fork/join of two more workers, one of which reads a task header.
   */
  static BpmnModelInstance appealAssessment() {
    return Bpmn.createExecutableProcess(ASSESSMENT_PROCESS)
        .startEvent("StartEvent_AppealReceived")
        .serviceTask(
            "ServiceTask_AssessRisk",
            t ->
                t.zeebeJobType(ASSESS_RISK)
                    .zeebeInputExpression("appeal.amount", "amount")
                    .zeebeOutputExpression("risk", "riskScore")
                    .zeebeOutputExpression("amount", "assessedAmount"))
        .exclusiveGateway("Gateway_Route")
        .sequenceFlowId("Flow_Escalate")
        .conditionExpression("= riskScore >= 80")
        .endEvent("EndEvent_Escalated")
        .moveToLastExclusiveGateway()
        .defaultFlow()
        .sequenceFlowId("Flow_Dismiss")
        .endEvent("EndEvent_Dismissed")
        .moveToLastExclusiveGateway()
        .sequenceFlowId("Flow_Proceed")
        .conditionExpression("= riskScore >= 20")
        .parallelGateway("Gateway_Fork")
        .serviceTask(
            "ServiceTask_NotifyAppellant",
            t -> t.zeebeJobType(NOTIFY_APPELLANT).zeebeTaskHeader("channel", "email"))
        .parallelGateway("Gateway_Join")
        .endEvent("EndEvent_Done")
        .moveToNode("Gateway_Fork")
        .serviceTask(
            "ServiceTask_ReleaseFunds",
            t ->
                t.zeebeJobType(RELEASE_FUNDS)
                    .zeebeInputExpression("assessedAmount", "releaseAmount"))
        .connectTo("Gateway_Join")
        .done();
  }

  /** One delivery of a payout job to the flaky worker. */
  record Attempt(long jobKey, int retries, long startedNanos, long failSentNanos) {}

  /** What the workers saw, by process instance, so that tests sharing the workers stay apart. */
  public static class WorkerLog {
    private final Map<Long, List<String>> tasks = new ConcurrentHashMap<>();
    private final Map<Long, Map<String, Object>> received = new ConcurrentHashMap<>();
    private final Map<Long, List<Attempt>> attempts = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> payoutAvailable = new ConcurrentHashMap<>();

    void task(long pi, String elementId, String name, Object value) {
      tasks.computeIfAbsent(pi, k -> new CopyOnWriteArrayList<>()).add(elementId);
      if (value != null) {
        received.computeIfAbsent(pi, k -> new ConcurrentHashMap<>()).put(name, value);
      }
    }

    List<String> tasks(long pi) {
      return List.copyOf(tasks.getOrDefault(pi, List.of()));
    }

    Map<String, Object> received(long pi) {
      return Map.copyOf(received.getOrDefault(pi, Map.of()));
    }

    void attempt(long pi, Attempt attempt) {
      attempts.computeIfAbsent(pi, k -> new CopyOnWriteArrayList<>()).add(attempt);
    }

    List<Attempt> attempts(long pi) {
      return List.copyOf(attempts.getOrDefault(pi, List.of()));
    }

    void payoutAvailable(long pi) {
      payoutAvailable.put(pi, true);
    }

    boolean isPayoutAvailable(long pi) {
      return payoutAvailable.getOrDefault(pi, false);
    }
  }

  /** Reads the input-mapped local "amount"; its result is mapped out by output mappings. */
  public static class AssessRiskWorker {
    private final WorkerLog log;

    public AssessRiskWorker(WorkerLog log) {
      this.log = log;
    }

    @JobWorker(type = ASSESS_RISK)
    public Map<String, Object> handle(
        @ProcessInstanceKey long pi, @Variable("amount") Integer amount) {
      log.task(pi, "ServiceTask_AssessRisk", "assess.amount", amount);
      return Map.of("risk", amount / 10, "internalNote", "assessed by rule set 7");
    }
  }

  /** Reads the channel from the task header; its result propagates to the root. */
  public static class NotifyAppellantWorker {
    private final WorkerLog log;

    public NotifyAppellantWorker(WorkerLog log) {
      this.log = log;
    }

    @JobWorker(type = NOTIFY_APPELLANT)
    public Map<String, Object> handle(
        @ProcessInstanceKey long pi, @CustomHeaders Map<String, String> headers) {
      String channel = headers.get("channel");
      log.task(pi, "ServiceTask_NotifyAppellant", "notify.channel", channel);
      return Map.of("notifiedVia", channel);
    }
  }

  /** Returns a variable named like its task's input-mapped local, which therefore stays local. */
  public static class ReleaseFundsWorker {
    private final WorkerLog log;

    public ReleaseFundsWorker(WorkerLog log) {
      this.log = log;
    }

    @JobWorker(type = RELEASE_FUNDS)
    public Map<String, Object> handle(
        @ProcessInstanceKey long pi, @Variable("releaseAmount") Integer releaseAmount) {
      log.task(pi, "ServiceTask_ReleaseFunds", "release.releaseAmount", releaseAmount);
      return Map.of("released", true, "releaseAmount", 0);
    }
  }

  /** Fails with a back-off (no auto-completion) until the test says the provider is back. */
  public static class PayOutWorker {
    private final WorkerLog log;

    public PayOutWorker(WorkerLog log) {
      this.log = log;
    }

    @JobWorker(type = PAY_OUT, autoComplete = false)
    public void handle(JobClient jobClient, ActivatedJob job) {
      long started = System.nanoTime();
      long pi = job.getProcessInstanceKey();
      if (log.isPayoutAvailable(pi)) {
        log.attempt(pi, new Attempt(job.getKey(), job.getRetries(), started, 0));
        jobClient.newCompleteCommand(job).variables(Map.of("paidOut", true)).send().join();
        return;
      }
      long failSent = System.nanoTime();
      log.attempt(pi, new Attempt(job.getKey(), job.getRetries(), started, failSent));
      jobClient
          .newFailCommand(job)
          .retries(job.getRetries() - 1)
          .retryBackoff(BACK_OFF)
          .errorMessage(PAYOUT_FAILURE)
          .send()
          .join();
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  static class Workers {

    @Bean
    WorkerLog workerLog() {
      return new WorkerLog();
    }

    @Bean
    AssessRiskWorker jwpAssessRiskWorker(WorkerLog log) {
      return new AssessRiskWorker(log);
    }

    @Bean
    NotifyAppellantWorker jwpNotifyAppellantWorker(WorkerLog log) {
      return new NotifyAppellantWorker(log);
    }

    @Bean
    ReleaseFundsWorker jwpReleaseFundsWorker(WorkerLog log) {
      return new ReleaseFundsWorker(log);
    }

    @Bean
    PayOutWorker jwpPayOutWorker(WorkerLog log) {
      return new PayOutWorker(log);
    }
  }
}
