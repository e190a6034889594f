package org.redress.engine.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ProblemException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.enums.ListenerEventType;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskListenerEventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * User task listeners through the official Camunda client over REST, as Redress uses them: a
 * completing listener that validates the decision sent with the completion (it sees the completion
 * variables) and denies an incomplete one, which the completing caller gets as a 409 problem, and a
 * canceling listener that runs when the instance is cancelled.
 *
 * <p>Process ids and job types are unique to this class (the database and app context are shared).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class UserTaskListenerClientIT {

  static final String PROCESS = "utl-review-decision";
  static final String VALIDATE_DECISION = "utl-validate-decision";
  static final String ARCHIVE_TASK = "utl-archive-task";
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient client;

  // One worker for the whole class, closed with the app's client: a worker closed after a test
  // may still receive a job from its last long poll, which the next test would then miss.
  private static final Map<Long, List<Map<String, Object>>> SEEN = new ConcurrentHashMap<>();
  private static JobWorker validator;

  @BeforeEach
  void openValidator() {
    synchronized (UserTaskListenerClientIT.class) {
      if (validator == null) {
        validator =
            client
                .newWorker()
                .jobType(VALIDATE_DECISION)
                .handler(UserTaskListenerClientIT::validateDecision)
                .pollInterval(Duration.ofMillis(100))
                .open();
      }
    }
  }

  /** Redress's rule: a decision needs an outcome, a rationale and a policy reference. */
  private static void validateDecision(JobClient jobs, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    SEEN.computeIfAbsent(job.getProcessInstanceKey(), k -> new CopyOnWriteArrayList<>())
        .add(variables);
    List<String> missing =
        List.of("outcome", "rationale", "policyReference").stream()
            .filter(name -> variables.get(name) == null)
            .toList();
    jobs.newCompleteCommand(job)
        .withResult(
            r ->
                missing.isEmpty()
                    ? r.forUserTask()
                    : r.forUserTask().deny(true).deniedReason("missing " + missing))
        .send()
        .join();
  }

  private static BpmnModelInstance reviewDecision() {
    return Bpmn.createExecutableProcess(PROCESS)
        .startEvent("StartEvent_AppealReceived")
        .userTask(
            "UserTask_DecideAppeal",
            u ->
                u.zeebeUserTask()
                    .zeebeAssignee("reviewer-1")
                    .zeebeTaskListener(
                        l ->
                            l.eventType(ZeebeTaskListenerEventType.completing)
                                .type(VALIDATE_DECISION))
                    .zeebeTaskListener(
                        l -> l.eventType(ZeebeTaskListenerEventType.canceling).type(ARCHIVE_TASK)))
        .endEvent("EndEvent_Decided")
        .done();
  }

  private long start() {
    client.newDeployResourceCommand().addProcessModel(reviewDecision(), "utl.bpmn").send().join();
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(PROCESS)
        .latestVersion()
        .variables(Map.of("outcome", "PENDING", "caseId", "case-utl"))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private UserTask taskOf(long pi) {
    return client
        .newUserTaskSearchRequest()
        .filter(f -> f.processInstanceKey(pi))
        .send()
        .join()
        .items()
        .get(0);
  }

  @Test
  void shouldRejectCompletionWithConflictAndKeepTaskAssignedWhenCompletingListenerDenies() {
    // given a task assigned to its reviewer and a listener that validates decisions
    long pi = start();
    long taskKey = taskOf(pi).getUserTaskKey();

    // when the reviewer completes it without a rationale and policy reference
    assertThatThrownBy(
            () ->
                client
                    .newCompleteUserTaskCommand(taskKey)
                    .variables(Map.of("outcome", "OVERTURN"))
                    .send()
                    .join())
        // then the request is rejected with the listener's reason
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.details().getStatus()).isEqualTo(409);
              assertThat(e.details().getTitle()).isEqualTo("INVALID_STATE");
              assertThat(e.details().getDetail())
                  .contains("Completion of the User Task with key '" + taskKey + "'")
                  .endsWith("Reason to deny: 'missing [rationale, policyReference]'");
            });
    // and the task is open and still assigned
    UserTask task = client.newUserTaskGetRequest(taskKey).send().join();
    assertThat(task.getState()).isEqualTo(UserTaskState.CREATED);
    assertThat(task.getAssignee()).isEqualTo("reviewer-1");
    // and the listener saw the completion's outcome over the process variable
    assertThat(SEEN.get(pi).get(0)).containsEntry("outcome", "OVERTURN");

    // when the reviewer completes it with the whole decision
    client
        .newCompleteUserTaskCommand(taskKey)
        .variables(
            Map.of("outcome", "OVERTURN", "rationale", "no evidence", "policyReference", "POL-12"))
        .send()
        .join();

    // then the answer came after the listener agreed: the task and the instance are completed
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.COMPLETED);
    assertThat(SEEN.get(pi).get(1))
        .containsEntry("outcome", "OVERTURN")
        .containsEntry("rationale", "no evidence")
        .containsEntry("policyReference", "POL-12")
        .containsEntry("caseId", "case-utl");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(client.newProcessInstanceGetRequest(pi).send().join().getState())
                    .isEqualTo(ProcessInstanceState.COMPLETED));
  }

  @Test
  void shouldRunCancelingListenerBeforeInstanceTerminatesWhenInstanceIsCancelled() {
    // given an open review
    long pi = start();
    long taskKey = taskOf(pi).getUserTaskKey();

    // when the instance is cancelled
    client.newCancelInstanceCommand(pi).send().join();

    // then the task is canceling and the instance has not ended
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.CANCELING);
    assertThat(client.newProcessInstanceGetRequest(pi).send().join().getState())
        .isEqualTo(ProcessInstanceState.ACTIVE);

    // when the canceling listener's job is worked on
    ActivatedJob job =
        client
            .newActivateJobsCommand()
            .jobType(ARCHIVE_TASK)
            .maxJobsToActivate(1)
            .requestTimeout(Duration.ofSeconds(5))
            .send()
            .join()
            .getJobs()
            .get(0);
    assertThat(job.getListenerEventType()).isEqualTo(ListenerEventType.CANCELING);
    assertThat(job.getProcessInstanceKey()).isEqualTo(pi);
    client.newCompleteCommand(job).send().join();

    // then the task is canceled and the instance terminated
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(client.newProcessInstanceGetRequest(pi).send().join().getState())
                    .isEqualTo(ProcessInstanceState.TERMINATED));
    assertThat(client.newUserTaskGetRequest(taskKey).send().join().getState())
        .isEqualTo(UserTaskState.CANCELED);
  }
}
