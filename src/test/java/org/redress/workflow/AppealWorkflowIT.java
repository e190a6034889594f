package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.funds.FundsEvent;
import org.redress.notice.Notice;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.http.ResponseEntity;

/** The appeal workflow end to end: each outcome of a case, from suspension to closing. */
class AppealWorkflowIT extends WorkflowTestBase {

  @Test
  void shouldRestoreAccountAndVoidHoldWhenReviewerOverturns() {
    // given a suspended account whose wallet is frozen, and the notice with the full statement
    Account user = account(Money.of(30_000, "EUR"));
    String caseId = suspend(user, 30_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Notice suspension = notice(caseId, NoticeKind.SUSPENSION);
    assertThat(suspension.body())
        .contains("Terms of Service v4.2, section 7.3")
        .contains("340 payment requests");
    assertThat(suspensions.isRestricted(caseId)).isTrue();
    Caller appellant = Caller.appellant(WorkflowApi.tokenIn(suspension.body()));

    // when the appellant appeals through the case link, and alice claims and overturns
    ResponseEntity<Map<String, Object>> appeal =
        api.post(
            appellant,
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "These were refunds to my own customers", "talkToPerson", true));
    assertThat(appeal.getStatusCode().value()).isEqualTo(201);
    long task = awaitReviewTask(caseId);
    assertThat(
            api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    ResponseEntity<Map<String, Object>> decided =
        api.post(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", "OVERTURN",
                "rationale", "The receipts show refunds to real customers, not fraud",
                "policyReference", "Payments policy 3.1"));
    assertThat(decided.getStatusCode().value()).isEqualTo(200);

    // then the account is restored, the hold voided, the decision notified, the case closed
    awaitStatus(caseId, CaseStatus.EXECUTED);
    awaitProcessCompleted(caseId);
    assertThat(suspensions.isRestricted(caseId)).isFalse();
    assertThat(funds.assessReleasable(caseId).frozen()).isEmpty();
    assertThat(eventCount(caseId, FundsEvent.Type.RELEASED)).isEqualTo(1);
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isZero();
    assertThat(notice(caseId, NoticeKind.DECISION).body()).contains("refunds to real customers");

    // and the auditor's history shows every step with actor and time
    ResponseEntity<Map<String, Object>> history =
        api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history");
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    List<Map<String, Object>> entries = entries(history.getBody());
    assertThat(entries)
        .extracting(e -> e.get("action"))
        .contains(
            "CASE_OPENED",
            "ACCOUNT_RESTRICTED",
            "FUNDS_FROZEN",
            "SUSPENSION_NOTICE_SENT",
            "APPEAL_FILED",
            "REVIEW_TASK_CLAIMED",
            "APPEAL_DECIDED",
            "ACCOUNT_RESTORED",
            "FUNDS_RELEASED",
            "DECISION_NOTICE_SENT");
    assertThat(entries).allSatisfy(e -> assertThat(e.get("at")).isNotNull());
    assertThat(entries)
        .filteredOn(e -> "APPEAL_DECIDED".equals(e.get("action")))
        .extracting(e -> e.get("actor"))
        .containsExactly("alice");
    assertThat(history.getBody()).containsEntry("chainVerified", true);
  }

  @Test
  void shouldReleaseUndisputedFundsOnceAndKeepLegalHoldWhenReviewerUpholds() {
    // given 500.00 frozen, of which 200.00 under a court order
    Account user = account(Money.of(50_000, "EUR"));
    String caseId = suspend(user, 50_000, 20_000L, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Caller appellant = appellantOf(caseId);

    // when the appeal is upheld
    api.post(
        appellant, "/api/cases/" + caseId + "/appeals", Map.of("statement", "Please check again"));
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    api.post(
        ALICE,
        "/api/review/tasks/" + task + "/decision",
        Map.of(
            "outcome", "UPHOLD",
            "rationale", "The transaction log confirms the payment requests to strangers",
            "policyReference", "Terms of Service v4.2, section 7.3"));

    // then 300.00 is released and paid out once, 200.00 stays held, and the notices say so
    awaitProcessCompleted(caseId);
    assertThat(funds.assessReleasable(caseId).legallyHeld())
        .containsExactly(Money.of(20_000, "EUR"));
    assertThat(released(caseId)).containsExactly(Money.of(30_000, "EUR"));
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isEqualTo(1);
    String decision = notice(caseId, NoticeKind.DECISION).body();
    assertThat(decision).contains("transaction log confirms");
    assertThat(decision.toLowerCase()).contains("dispute settlement").contains("court");
    assertThat(notice(caseId, NoticeKind.FUNDS_RELEASED).body()).contains("200.00 EUR");
    assertThat(suspensions.isRestricted(caseId)).isTrue();
  }

  @Test
  void shouldMakeBanFinalAndReleaseFundsWhenAppealWindowPassesWithoutAppeal() {
    // given a notified case
    Account user = account(Money.of(10_000, "EUR"));
    String caseId = suspend(user, 10_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);

    // when the appeal window passes
    engineClock.add(Duration.ofDays(186));

    // then the ban is final and the frozen money is released and paid out
    awaitStatus(caseId, CaseStatus.FINAL);
    awaitProcessCompleted(caseId);
    assertThat(released(caseId)).containsExactly(Money.of(10_000, "EUR"));
    assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isEqualTo(1);
    assertThat(notice(caseId, NoticeKind.FUNDS_RELEASED)).isNotNull();

    // and a late appeal is refused clearly (R-EU-5)
    ResponseEntity<Map<String, Object>> late =
        api.post(
            appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "late"));
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody()).containsEntry("code", "APPEAL_WINDOW_CLOSED");
  }

  @Test
  void shouldEscalateToSeniorReviewersWhenReviewIsNotDecidedByItsDueDate() {
    // given an appeal waiting for review
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Why?"));
    long task = awaitReviewTask(caseId);

    // when its SLA (7 days for a normal appeal) passes
    engineClock.add(Duration.ofDays(8));

    // then senior reviewers may take it, at a raised priority, and it is still open
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              UserTask t = camunda.newUserTaskGetRequest(task).send().join();
              assertThat(t.getCandidateGroups()).contains("senior-reviewers");
              assertThat(t.getPriority()).isGreaterThanOrEqualTo(90);
              assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
            });
    assertThat(api.getList(CAROL, "/api/review/tasks").getBody())
        .extracting(t -> ((Number) t.get("userTaskKey")).longValue())
        .contains(task);
  }

  @Test
  void shouldRequireASecondReviewerWhenFrozenAmountIsAboveThreshold() {
    // given 2,000.00 frozen (threshold 1,000.00)
    Account user = account(Money.of(200_000, "EUR"));
    String caseId = suspend(user, 200_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Mistake"));
    long task = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    api.post(
        ALICE,
        "/api/review/tasks/" + task + "/decision",
        Map.of(
            "outcome", "OVERTURN",
            "rationale", "Verified as the user's own business income",
            "policyReference", "Payments policy 3.1"));

    // when alice tries to approve her own decision, and carol approves it
    long approval = awaitTask(caseId, "UserTask_ApproveDecision");
    ResponseEntity<Map<String, Object>> own =
        api.post(ALICE, "/api/review/tasks/" + approval + "/claim", Map.of());
    assertThat(own.getStatusCode().value()).isIn(403, 409);
    assertThat(suspensions.get(caseId).status()).isNotEqualTo(CaseStatus.EXECUTED);
    api.post(CAROL, "/api/review/tasks/" + approval + "/claim", Map.of());
    ResponseEntity<Map<String, Object>> approved =
        api.post(
            CAROL,
            "/api/review/tasks/" + approval + "/decision",
            Map.of("approved", true, "comment", "Checked the invoices"));
    assertThat(approved.getStatusCode().value()).isEqualTo(200);

    // then the overturn is carried out with both names on record
    awaitStatus(caseId, CaseStatus.EXECUTED);
    List<Map<String, Object>> entries =
        entries(api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history").getBody());
    assertThat(entries)
        .filteredOn(e -> "DECISION_APPROVED".equals(e.get("action")))
        .extracting(e -> e.get("actor"))
        .containsExactly("carol");
  }

  @Test
  void shouldRefuseTheDecisionWhenTheReviewerImposedTheRestriction() {
    // given bob imposed the ban
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Unfair"));
    long task = awaitReviewTask(caseId);

    // when bob tries to claim it through the API
    ResponseEntity<Map<String, Object>> claim =
        api.post(BOB, "/api/review/tasks/" + task + "/claim", Map.of());

    // then he is refused
    assertThat(claim.getStatusCode().value()).isEqualTo(403);
    assertThat(claim.getBody()).containsEntry("code", "REVIEWER_IMPOSED_RESTRICTION");

    // and when he goes around the API (as in Tasklist) the completing listener denies it
    camunda.newAssignUserTaskCommand(task).assignee("bob").send().join();
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", "OVERTURN");
    decision.put("rationale", "I changed my mind");
    decision.put("policyReference", "none");
    assertThatThrownBy(
            () -> camunda.newCompleteUserTaskCommand(task).variables(decision).send().join())
        .hasMessageContaining("imposed this restriction");
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              UserTask t = camunda.newUserTaskGetRequest(task).send().join();
              assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
              assertThat(t.getAssignee()).isEqualTo("bob");
            });
    assertThat(suspensions.get(caseId).status()).isNotIn(CaseStatus.DECIDED, CaseStatus.EXECUTED);
  }
}
