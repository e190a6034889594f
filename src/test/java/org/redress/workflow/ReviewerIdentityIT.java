package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.http.ResponseEntity;

/**
 * Reviewer independence (R-EU-6) and four eyes (R-PAY-5) hold whatever the spelling of a name:
 * sign-in, {@code imposedBy}, earlier deciders and the engine assignee are compared in one
 * canonical form, through the Redress API and through the engine's completing task listeners.
 */
class ReviewerIdentityIT extends WorkflowTestBase {

  /** bob, signing in with his name in capitals. */
  static final Caller BOB_IN_CAPITALS = Caller.staff("BOB", "bob-demo");

  static final Caller ALICE_IN_CAPITALS = Caller.staff("ALICE", "alice-demo");

  @Test
  void shouldRefuseBobWhenImposedBySpellsHisNameWithACapital() {
    // given the platform names the moderator "Bob" and an appeal waits for review
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "Bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Unfair"));
    long task = awaitReviewTask(caseId);

    // when bob claims it, signed in as BOB and as bob
    ResponseEntity<Map<String, Object>> asCapitals =
        api.post(BOB_IN_CAPITALS, "/api/review/tasks/" + task + "/claim", Map.of());
    ResponseEntity<Map<String, Object>> asLower =
        api.post(BOB, "/api/review/tasks/" + task + "/claim", Map.of());

    // then both are refused as the imposer
    assertThat(asCapitals.getStatusCode().value()).as("%s", asCapitals.getBody()).isEqualTo(403);
    assertThat(asCapitals.getBody()).containsEntry("code", "REVIEWER_IMPOSED_RESTRICTION");
    assertThat(asLower.getStatusCode().value()).isEqualTo(403);
    assertThat(asLower.getBody()).containsEntry("code", "REVIEWER_IMPOSED_RESTRICTION");

    // and around the API (as in Tasklist) the completing listener denies bob and BOB alike
    for (String assignee : new String[] {"bob", "BOB"}) {
      camunda.newAssignUserTaskCommand(task).assignee(assignee).send().join();
      assertThatThrownBy(
              () ->
                  camunda
                      .newCompleteUserTaskCommand(task)
                      .variables(decision("OVERTURN"))
                      .send()
                      .join())
          .hasMessageContaining("imposed this restriction");
      awaitOpenWithAssignee(task, assignee);
    }
    assertThat(suspensions.get(caseId).status()).isNotIn(CaseStatus.DECIDED, CaseStatus.EXECUTED);
  }

  @Test
  void shouldRefuseTheEarlierDeciderWhenHerNameIsSpelledDifferently() {
    // given alice decided a first appeal (assigned as "Alice" around the API) manifestly unfounded
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "moderator-17");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Unfair"));
    long first = awaitReviewTask(caseId);
    camunda.newAssignUserTaskCommand(first).assignee("Alice").send().join();
    camunda
        .newCompleteUserTaskCommand(first)
        .variables(decision("MANIFESTLY_UNFOUNDED"))
        .send()
        .join();
    notice(caseId, NoticeKind.DECISION);
    awaitStatus(caseId, CaseStatus.DECIDED);

    // when the user appeals again and alice, signed in as ALICE, claims and decides the new appeal
    ResponseEntity<Map<String, Object>> again =
        api.post(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "New evidence: my bank statement"));
    assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
    long second = awaitReviewTask(caseId);
    ResponseEntity<Map<String, Object>> claim =
        api.post(ALICE_IN_CAPITALS, "/api/review/tasks/" + second + "/claim", Map.of());
    assertThat(claim.getStatusCode().value()).as("%s", claim.getBody()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> decided =
        api.post(
            ALICE_IN_CAPITALS, "/api/review/tasks/" + second + "/decision", decision("UPHOLD"));

    // then the decision is refused, and so is a completion by " alice " around the API
    assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(409);
    assertThat((String) decided.getBody().get("detail")).contains("earlier appeal");
    camunda.newAssignUserTaskCommand(second).assignee(" alice ").send().join();
    assertThatThrownBy(
            () ->
                camunda
                    .newCompleteUserTaskCommand(second)
                    .variables(decision("UPHOLD"))
                    .send()
                    .join())
        .hasMessageContaining("earlier appeal");
    awaitOpenWithAssignee(second, " alice ");
    assertThat(suspensions.get(caseId).status()).isNotEqualTo(CaseStatus.EXECUTED);
  }

  @Test
  void shouldRefuseTheDeciderAsApproverWhenHerNameIsSpelledDifferently() {
    // given carol (a senior reviewer) decided an appeal that needs a second reviewer (2,000.00)
    Account user = account(Money.of(200_000, "EUR"));
    String caseId = suspend(user, 200_000, null, "moderator-17");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "OVERTURN", CAROL);
    long approval = awaitTask(caseId, "UserTask_ApproveDecision");

    // when carol, signed in as CAROL, claims the approval
    ResponseEntity<Map<String, Object>> claim =
        api.post(
            Caller.staff("CAROL", "carol-demo"),
            "/api/review/tasks/" + approval + "/claim",
            Map.of());

    // then she is refused, and around the API the listener denies "Carol" as approver
    assertThat(claim.getStatusCode().value()).as("%s", claim.getBody()).isEqualTo(403);
    assertThat(claim.getBody()).containsEntry("code", "FOUR_EYES");
    camunda.newAssignUserTaskCommand(approval).assignee("Carol").send().join();
    Map<String, Object> approve = new LinkedHashMap<>();
    approve.put("approved", true);
    approve.put("comment", "Looks right to me");
    assertThatThrownBy(
            () -> camunda.newCompleteUserTaskCommand(approval).variables(approve).send().join())
        .hasMessageContaining("four eyes");
    awaitOpenWithAssignee(approval, "Carol");
    assertThat(suspensions.get(caseId).status()).isNotEqualTo(CaseStatus.EXECUTED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldKeepTheModeratorNameAsGivenWhenItNamesNoAccount() {
    // given a moderator of the platform who has no Redress account
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "Kate Ｍoderator (T&S)");
    awaitStatus(caseId, CaseStatus.NOTIFIED);

    // when staff read the case and alice decides the appeal
    Map<String, Object> view = api.get(CAROL, "/api/cases/" + caseId).getBody();
    appealAndDecide(caseId, "OVERTURN", ALICE_IN_CAPITALS);

    // then the name is shown exactly as the platform gave it, and it blocks nobody else
    assertThat(((Map<String, Object>) view.get("statementOfReasons")).get("imposedBy"))
        .isEqualTo("Kate Ｍoderator (T&S)");
    awaitStatus(caseId, CaseStatus.EXECUTED);
    assertThat(
            entries(api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history").getBody()).stream()
                .filter(e -> "APPEAL_DECIDED".equals(e.get("action")))
                .map(e -> e.get("actor")))
        .containsExactly("alice");
  }

  private static Map<String, Object> decision(String outcome) {
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", outcome);
    decision.put("rationale", "Decided after reading the transaction log");
    decision.put("policyReference", "Terms of Service v4.2, section 7.3");
    return decision;
  }

  private void awaitOpenWithAssignee(long task, String assignee) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              UserTask t = camunda.newUserTaskGetRequest(task).send().join();
              assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
              assertThat(t.getAssignee()).isEqualTo(assignee);
            });
  }
}
