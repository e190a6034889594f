package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.funds.FundsEvent;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.http.ResponseEntity;

/** The other review outcomes and the finance path of a rejected payout. */
class AppealOutcomesIT extends WorkflowTestBase {

  static final Caller ERIN_FINANCE = Caller.staff("erin", "erin-demo");

  @Test
  void shouldReturnToReviewWithTheAnswerWhenReviewerRequestsInformation() {
    // given an appeal under review
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Caller appellant = appellantOf(caseId);
    String appealId =
        (String)
            api.post(appellant, "/api/cases/" + caseId + "/appeals", Map.of("statement", "Refunds"))
                .getBody()
                .get("appealId");
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());

    // when alice asks for information
    ResponseEntity<Map<String, Object>> asked =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", "REQUEST_INFO",
                "rationale", "The receipts are needed to check the refunds",
                "policyReference", "Payments policy 3.1",
                "question", "Please upload the receipts of the 12 paid requests"));
    assertThat(asked.getStatusCode().value()).isEqualTo(200);

    // then the appellant is asked, answers, and the appeal comes back to review
    assertThat(notice(caseId, NoticeKind.INFORMATION_REQUESTED).body())
        .contains("Please upload the receipts of the 12 paid requests");
    awaitStatus(caseId, CaseStatus.INFO_REQUESTED);
    ResponseEntity<Map<String, Object>> answer =
        api.post(
            appellant,
            "/api/cases/" + caseId + "/appeals/" + appealId + "/information",
            Map.of("text", "Receipts are attached to my appeal as refund-1.pdf"));
    assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
    long second = awaitReviewTask(caseId);
    assertThat(second).isNotEqualTo(task);

    // and a second answer to the same request is refused
    assertThat(
            api.post(
                    appellant,
                    "/api/cases/" + caseId + "/appeals/" + appealId + "/information",
                    Map.of("text", "again"))
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void shouldKeepTheWindowOpenForANewAppealWhenAppealIsManifestlyUnfounded() {
    // given a first appeal decided manifestly unfounded
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "MANIFESTLY_UNFOUNDED", ALICE);
    notice(caseId, NoticeKind.DECISION);
    awaitStatus(caseId, CaseStatus.DECIDED);

    // when the user appeals again within the window
    ResponseEntity<Map<String, Object>> again =
        api.post(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "New evidence: my bank statement"));

    // then a new review starts, alice (who decided the first appeal) may not decide it, carol may
    assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    ResponseEntity<Map<String, Object>> byAlice =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", "UPHOLD",
                "rationale", "Same facts as before",
                "policyReference", "Terms of Service v4.2, section 7.3"));
    // the completing listener refuses it: the API answers 409 and the task stays open with alice
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(api.get(ALICE, "/api/review/tasks/" + task).getBody())
                    .containsEntry("state", "CREATED"));
    assertThat(byAlice.getStatusCode().value()).isEqualTo(409);
    assertThat(byAlice.getBody()).containsEntry("code", "TASK_COMMAND_REFUSED");
    assertThat((String) byAlice.getBody().get("detail")).contains("earlier appeal");
    assertThat(suspensions.get(caseId).status()).isNotEqualTo(CaseStatus.EXECUTED);
  }

  @Test
  void shouldModifyTheRestrictionAndReleaseFundsWhenReviewerModifies() {
    Account user = account(Money.of(3_000, "EUR"));
    String caseId = suspend(user, 3_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Too harsh"));
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    String endsAt = engineClock.now().plusSeconds(30L * 24 * 3600).toString();

    ResponseEntity<Map<String, Object>> decided =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", "MODIFY",
                "rationale", "A first offence: 30 days instead of an indefinite ban",
                "policyReference", "Enforcement guidelines 2.4",
                "restrictionEndsAt", endsAt));

    assertThat(decided.getStatusCode().value()).isEqualTo(200);
    awaitStatus(caseId, CaseStatus.EXECUTED);
    awaitProcessCompleted(caseId);
    assertThat(released(caseId)).containsExactly(Money.of(3_000, "EUR"));
    assertThat(notice(caseId, NoticeKind.DECISION).body()).contains("30 days instead");
    assertThat(suspensions.isRestricted(caseId)).isTrue();
  }

  @Test
  void shouldWaitForFinanceWhenThereIsNoVerifiedPayoutAccount() {
    // given a user without a verified payout account
    Account user = account(Money.of(7_000, "EUR"));
    jdbcDeleteDestination(user.accountId());
    String caseId = suspend(user, 7_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);

    // when the window passes and the release cannot pay out
    engineClock.add(java.time.Duration.ofDays(186));

    // then finance gets a task; resolving it finishes the release
    List<Map<String, Object>> tasks = awaitFinanceTask();
    long key = ((Number) tasks.get(0).get("userTaskKey")).longValue();
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isZero();

    // and a task another person holds is not taken over
    camunda.newAssignUserTaskCommand(key).assignee("frank").action("claim").send().join();
    ResponseEntity<Map<String, Object>> taken =
        api.post(
            ERIN_FINANCE,
            "/api/finance/tasks/" + key + "/resolution",
            Map.of("resolution", "FUNDS_LEFT_IN_WALLET", "note", "Taking over"));
    assertThat(taken.getStatusCode().value()).isEqualTo(409);
    assertThat(taken.getBody()).containsEntry("code", "TASK_ALREADY_CLAIMED");
    assertThat(camunda.newUserTaskGetRequest(key).send().join().getAssignee()).isEqualTo("frank");
    camunda.newUnassignUserTaskCommand(key).send().join();

    ResponseEntity<Map<String, Object>> resolved =
        api.post(
            ERIN_FINANCE,
            "/api/finance/tasks/" + key + "/resolution",
            Map.of(
                "resolution",
                "FUNDS_LEFT_IN_WALLET",
                "note",
                "User asked to keep it in the wallet"));
    assertThat(resolved.getStatusCode().value()).as("%s", resolved.getBody()).isEqualTo(200);
    awaitProcessCompleted(caseId);
    assertThat(released(caseId)).containsExactly(Money.of(7_000, "EUR"));
    assertThat(notice(caseId, NoticeKind.FUNDS_RELEASED)).isNotNull();
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  void jdbcDeleteDestination(String accountId) {
    jdbc.sql("DELETE FROM redress.funds_payout_destination WHERE account_id = :id")
        .param("id", accountId)
        .update();
  }

  List<Map<String, Object>> awaitFinanceTask() {
    java.util.List<Map<String, Object>> found = new java.util.ArrayList<>();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              found.clear();
              found.addAll(api.getList(ERIN_FINANCE, "/api/finance/tasks").getBody());
              assertThat(found).isNotEmpty();
            });
    return found;
  }
}
