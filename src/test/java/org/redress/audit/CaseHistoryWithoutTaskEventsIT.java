package org.redress.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.engine.EngineClock;
import org.redress.notice.NoticeService;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The case history as it is in cluster mode, where Camunda 8.8 has no record of user task
 * transitions: only a task's creation and its end, at their own times, and the answer says so.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@DirtiesContext
class CaseHistoryWithoutTaskEventsIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @Autowired CamundaClient camunda;
  @Autowired AuditTrail audit;
  @Autowired NoticeService notices;
  @Autowired EngineClock engineClock;

  @Test
  void shouldShowTaskCreationAndCompletionAtTheirTimesWhenTaskEventsAreNotAvailable() {
    // given a process whose user task alice completes 5 minutes after it was created
    engineClock.reset();
    camunda
        .newDeployResourceCommand()
        .addProcessModel(
            Bpmn.createExecutableProcess("history-cluster-mode")
                .startEvent("Start")
                .userTask("Check", t -> t.zeebeUserTask().zeebeCandidateGroups("g"))
                .name("Check it")
                .endEvent("Done")
                .done(),
            "history-cluster-mode.bpmn")
        .send()
        .join();
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("history-cluster-mode")
            .latestVersion()
            .send()
            .join()
            .getProcessInstanceKey();
    UserTask task =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    camunda
                        .newUserTaskSearchRequest()
                        .filter(f -> f.processInstanceKey(key))
                        .send()
                        .join()
                        .items(),
                items -> items.size() == 1)
            .get(0);
    engineClock.add(Duration.ofMinutes(5));
    camunda.newAssignUserTaskCommand(task.getUserTaskKey()).assignee("alice").send().join();
    camunda.newCompleteUserTaskCommand(task.getUserTaskKey()).send().join();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> camunda.newProcessInstanceGetRequest(key).send().join().getState(),
            ProcessInstanceState.COMPLETED::equals);
    UserTask done = camunda.newUserTaskGetRequest(task.getUserTaskKey()).send().join();
    assertThat(done.getState()).isEqualTo(UserTaskState.COMPLETED);

    // when the history is read without the engine's task record (as in cluster mode)
    CaseHistory history =
        new CaseHistoryService(audit, notices, camunda, null).history("no-case", key, 0, 100);

    // then the task's creation and completion are there at their own times, and nothing else
    assertThat(history.userTaskTransitionsRecorded()).isFalse();
    List<HistoryEntry> taskEntries =
        history.entries().stream().filter(e -> e.action().startsWith("USER_TASK_")).toList();
    assertThat(taskEntries)
        .extracting(HistoryEntry::action, HistoryEntry::actor, HistoryEntry::at)
        .containsExactly(
            tuple("USER_TASK_CREATED", "engine", done.getCreationDate().toInstant()),
            tuple("USER_TASK_COMPLETED", "alice", done.getCompletionDate().toInstant()));
    assertThat(history.entries())
        .extracting(HistoryEntry::action)
        .startsWith("PROCESS_STARTED")
        .endsWith("PROCESS_COMPLETED");
    for (int i = 1; i < history.entries().size(); i++) {
      assertThat(history.entries().get(i).at()).isAfterOrEqualTo(history.entries().get(i - 1).at());
    }
  }
}
