package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.camunda.client.api.search.enums.ElementInstanceState;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import io.camunda.client.api.search.response.ElementInstance;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.redress.audit.CaseHistory;
import org.redress.audit.CaseHistoryService;
import org.redress.audit.HistoryEntry;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The auditor's timeline ({@code GET /api/cases/{id}/history}): every entry at the time its step
 * happened, with that step's actor, in time order, complete however long the case, paged.
 */
class CaseHistoryTimelineIT extends WorkflowTestBase {

  static final String REVIEW = "UserTask_ReviewAppeal";

  @Autowired CaseHistoryService historyService;

  @Test
  void shouldStampEveryStepWithItsOwnTimeAndActorWhenAuditorReadsAnOverturnedCase()
      throws Exception {
    // given a case whose review task waits 10 minutes, is claimed by alice, decided 10 minutes on
    Account user = account(Money.of(30_000, "EUR"));
    String caseId = suspend(user, 30_000, null, "moderator-17");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId),
        "/api/cases/" + caseId + "/appeals",
        Map.of("statement", "These were refunds to my own customers"));
    long task = awaitReviewTask(caseId);
    engineClock.add(Duration.ofMinutes(10));
    assertThat(
            api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    engineClock.add(Duration.ofMinutes(10));
    ResponseEntity<Map<String, Object>> decided =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", "OVERTURN",
                "rationale", "The receipts show refunds to real customers, not fraud",
                "policyReference", "Payments policy 3.1"));
    assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(200);
    awaitProcessCompleted(caseId);

    // when the auditor reads the whole history
    List<Map<String, Object>> entries = wholeHistory(caseId);

    // then it is in time order and the review task's steps carry their own times and actors
    assertNonDecreasing(entries);
    UserTask reviewed = camunda.newUserTaskGetRequest(task).send().join();
    Map<String, Object> created = only(entries, "USER_TASK_CREATED", task);
    Map<String, Object> claimed = only(entries, "USER_TASK_ASSIGNED", task);
    Map<String, Object> completed = only(entries, "USER_TASK_COMPLETED", task);
    assertThat(at(created)).isEqualTo(reviewed.getCreationDate().toInstant());
    assertThat(at(completed)).isEqualTo(reviewed.getCompletionDate().toInstant());
    assertThat(at(claimed)).isAfter(at(created)).isBefore(at(completed));
    assertThat(claimed).containsEntry("actor", "alice");
    assertThat(completed).containsEntry("actor", "alice");
    assertThat(entries.indexOf(claimed)).isLessThan(entries.indexOf(completed));
    assertThat((String) completed.get("summary")).contains("completed by alice");

    // and every element instance of the case appears at its activation and at its end
    for (ElementInstance e : elementsOfCase(caseId)) {
      String key = String.valueOf(e.getElementInstanceKey());
      assertThat(byId(entries, "element:" + key + ":activated"))
          .as("activation of %s", e.getElementId())
          .containsEntry("action", "ELEMENT_ACTIVATED");
      assertThat(at(byId(entries, "element:" + key + ":activated")))
          .isEqualTo(e.getStartDate().toInstant());
      String end = e.getState() == ElementInstanceState.COMPLETED ? ":completed" : ":terminated";
      assertThat(at(byId(entries, "element:" + key + end)))
          .as("end of %s", e.getElementId())
          .isEqualTo(e.getEndDate().toInstant());
    }
    Map<String, Object> reviewEnd =
        entries.stream()
            .filter(
                e ->
                    "ELEMENT_COMPLETED".equals(e.get("action"))
                        && REVIEW.equals(details(e).get("elementId")))
            .findFirst()
            .orElseThrow();
    assertThat(at(reviewEnd)).isEqualTo(at(completed));
    assertThat(entries.indexOf(reviewEnd)).isGreaterThan(entries.indexOf(completed));

    // the example timeline of docs/workflow.md
    Path example = Path.of("target", "case-history-example.json");
    Files.createDirectories(example.getParent());
    Files.writeString(
        example,
        new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(
                api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history?size=1000").getBody()));
  }

  @Test
  void shouldShowTheDeniedAttemptBeforeTheDecisionWhenAuditorReadsAnUpheldCase() {
    // given bob imposed the restriction, tried to complete the review around the API and was denied
    Account user = account(Money.of(5_000, "EUR"));
    String caseId = suspend(user, 5_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Why?"));
    long task = awaitReviewTask(caseId);
    camunda.newAssignUserTaskCommand(task).assignee("bob").send().join();
    engineClock.add(Duration.ofMinutes(1));
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", "OVERTURN");
    decision.put("rationale", "I changed my mind");
    decision.put("policyReference", "none");
    assertThatThrownBy(
        () -> camunda.newCompleteUserTaskCommand(task).variables(decision).send().join());
    engineClock.add(Duration.ofMinutes(1));
    camunda.newUnassignUserTaskCommand(task).send().join();
    camunda.newUpdateUserTaskCommand(task).priority(70).send().join();

    // when alice claims and upholds
    engineClock.add(Duration.ofMinutes(1));
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    api.post(
        ALICE,
        "/api/review/tasks/" + task + "/decision",
        Map.of(
            "outcome", "UPHOLD",
            "rationale", "The transaction log confirms the payment requests",
            "policyReference", "Terms of Service v4.2, section 7.3"));
    awaitProcessCompleted(caseId);

    // then the timeline tells each transition in order with its actor
    List<Map<String, Object>> entries = wholeHistory(caseId);
    assertNonDecreasing(entries);
    List<String> steps =
        entries.stream()
            .filter(e -> String.valueOf(task).equals(String.valueOf(details(e).get("userTaskKey"))))
            .map(e -> e.get("action") + " " + e.get("actor"))
            .toList();
    assertThat(steps)
        .containsExactly(
            "USER_TASK_CREATED engine",
            "USER_TASK_ASSIGNED engine client",
            "USER_TASK_COMPLETION_DENIED task listener",
            "USER_TASK_UNASSIGNED engine client",
            "USER_TASK_UPDATED engine client",
            "USER_TASK_ASSIGNED alice",
            "REVIEW_TASK_CLAIMED alice",
            "USER_TASK_COMPLETED alice");
    assertThat((String) only(entries, "USER_TASK_COMPLETION_DENIED", task).get("summary"))
        .contains("by bob")
        .contains("imposed this restriction");
    assertThat((String) only(entries, "USER_TASK_UNASSIGNED", task).get("summary"))
        .contains("was bob");
    assertThat((String) only(entries, "USER_TASK_UPDATED", task).get("summary"))
        .contains("priority");
  }

  @Test
  void shouldReturnEveryEntryExactlyOnceWhenTheHistoryIsReadPageByPage() {
    // given a decided case
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "moderator-17");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "UPHOLD", ALICE);
    awaitProcessCompleted(caseId);
    List<Map<String, Object>> whole = wholeHistory(caseId);

    // when it is read 7 entries at a time
    List<Object> paged = new ArrayList<>();
    Map<String, Object> first =
        api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history?page=0&size=7").getBody();
    int pages = ((Number) first.get("totalPages")).intValue();
    for (int page = 0; page < pages; page++) {
      Map<String, Object> body =
          api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history?page=" + page + "&size=7")
              .getBody();
      assertThat(entries(body)).hasSizeLessThanOrEqualTo(7);
      entries(body).forEach(e -> paged.add(e.get("id")));
    }

    // then the pages hold every entry exactly once, in the same order
    assertThat(((Number) first.get("totalEntries")).intValue()).isEqualTo(whole.size());
    assertThat(paged).containsExactlyElementsOf(whole.stream().map(e -> e.get("id")).toList());
    assertThat(new HashSet<>(paged)).hasSameSizeAs(paged);
    assertThat(
            api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history?size=100000")
                .getStatusCode()
                .value())
        .isEqualTo(400);
  }

  @Test
  void shouldKeepEveryElementWhenAProcessHasMoreThanAThousandElementInstances() {
    // given a process that loops 600 times (1,200 element instances and more)
    BpmnModelInstance loop =
        Bpmn.createExecutableProcess("history-long-loop")
            .startEvent("Start")
            .scriptTask("Count", s -> s.zeebeExpression("n + 1").zeebeResultVariable("n"))
            .exclusiveGateway("More")
            .defaultFlow()
            .endEvent("Done")
            .moveToLastExclusiveGateway()
            .sequenceFlowId("Flow_Again")
            .conditionExpression("n < 600")
            .connectTo("Count")
            .done();
    camunda
        .newDeployResourceCommand()
        .addProcessModel(loop, "history-long-loop.bpmn")
        .send()
        .join();
    long key =
        camunda
            .newCreateInstanceCommand()
            .bpmnProcessId("history-long-loop")
            .latestVersion()
            .variables(Map.of("n", 0))
            .send()
            .join()
            .getProcessInstanceKey();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(camunda.newProcessInstanceGetRequest(key).send().join().getState())
                    .isEqualTo(ProcessInstanceState.COMPLETED));
    long elements =
        camunda
            .newElementInstanceSearchRequest()
            .filter(f -> f.processInstanceKey(key))
            .page(p -> p.limit(1))
            .send()
            .join()
            .page()
            .totalItems();
    assertThat(elements).isGreaterThan(1_200);

    // when its history is read page by page
    Set<String> ids = new HashSet<>();
    CaseHistory page = historyService.history("no-case", key, 0, CaseHistoryService.MAX_PAGE_SIZE);
    for (int p = 0; p < page.totalPages(); p++) {
      historyService
          .history("no-case", key, p, CaseHistoryService.MAX_PAGE_SIZE)
          .entries()
          .forEach(e -> ids.add(e.id()));
    }

    // then every element instance is there, activated and completed
    assertThat(page.totalEntries()).isEqualTo(2 * elements + 2);
    assertThat(ids).hasSize((int) (2 * elements + 2));
    assertThat(ids).contains("element:" + lastCount(key) + ":completed");
    List<HistoryEntry> last =
        historyService
            .history("no-case", key, page.totalPages() - 1, CaseHistoryService.MAX_PAGE_SIZE)
            .entries();
    assertThat(last.get(last.size() - 1).action()).isEqualTo("PROCESS_COMPLETED");
    assertThat(last.get(last.size() - 2).summary())
        .isEqualTo("Done completed in history-long-loop");
  }

  // --- helpers -----------------------------------------------------------------------------

  /** The key of the 600th (last) run of the loop's script task, read from the engine's end. */
  private long lastCount(long processInstanceKey) {
    return camunda
        .newElementInstanceSearchRequest()
        .filter(f -> f.processInstanceKey(processInstanceKey).elementId("Count"))
        .sort(s -> s.elementInstanceKey().desc())
        .page(p -> p.limit(1))
        .send()
        .join()
        .items()
        .get(0)
        .getElementInstanceKey();
  }

  private List<Map<String, Object>> wholeHistory(String caseId) {
    ResponseEntity<Map<String, Object>> history =
        api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history?size=1000");
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    assertThat(history.getBody()).containsEntry("totalPages", 1);
    assertThat(history.getBody()).containsEntry("userTaskTransitionsRecorded", true);
    return entries(history.getBody());
  }

  private List<ElementInstance> elementsOfCase(String caseId) {
    List<ElementInstance> all = new ArrayList<>();
    List<Long> instances = new ArrayList<>(List.of(suspensions.get(caseId).processInstanceKey()));
    for (int i = 0; i < instances.size(); i++) {
      long key = instances.get(i);
      camunda
          .newProcessInstanceSearchRequest()
          .filter(f -> f.parentProcessInstanceKey(key))
          .send()
          .join()
          .items()
          .forEach(c -> instances.add(c.getProcessInstanceKey()));
      all.addAll(
          camunda
              .newElementInstanceSearchRequest()
              .filter(f -> f.processInstanceKey(key))
              .page(p -> p.limit(1000))
              .send()
              .join()
              .items());
    }
    return all;
  }

  private static void assertNonDecreasing(List<Map<String, Object>> entries) {
    assertThat(entries).isNotEmpty().allSatisfy(e -> assertThat(e.get("at")).isNotNull());
    for (int i = 1; i < entries.size(); i++) {
      assertThat(at(entries.get(i)))
          .as("entry %d (%s) after %s", i, entries.get(i), entries.get(i - 1))
          .isAfterOrEqualTo(at(entries.get(i - 1)));
    }
  }

  private static Map<String, Object> only(
      List<Map<String, Object>> entries, String action, long userTaskKey) {
    List<Map<String, Object>> found =
        entries.stream()
            .filter(e -> action.equals(e.get("action")))
            .filter(
                e ->
                    String.valueOf(userTaskKey)
                        .equals(String.valueOf(details(e).get("userTaskKey"))))
            .toList();
    assertThat(found).as("%s of task %d", action, userTaskKey).hasSize(1);
    return found.get(0);
  }

  private static Map<String, Object> byId(List<Map<String, Object>> entries, String id) {
    return entries.stream()
        .filter(e -> id.equals(e.get("id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No history entry " + id));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> details(Map<String, Object> entry) {
    Object details = entry.get("details");
    return details == null ? Map.of() : (Map<String, Object>) details;
  }

  private static Instant at(Map<String, Object> entry) {
    return Instant.parse((String) entry.get("at"));
  }
}
