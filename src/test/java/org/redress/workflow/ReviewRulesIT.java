package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.review.ReviewRules;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * One rule, every door: the review API and the completing task listener (the door Camunda Tasklist
 * uses) refuse the same decision with the same words, because both ask {@link ReviewRules}.
 */
class ReviewRulesIT extends WorkflowTestBase {

  @Autowired ReviewRules rules;

  @Test
  void shouldRefuseATooLongRationaleThroughTheApiAndTheListenerWhenOneRuleSaysSo() {
    // given a claimed review task and a rationale one character over the limit
    long task = claimedReviewTask();
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", "UPHOLD");
    decision.put("rationale", "x".repeat(ReviewRules.RATIONALE_MAX_LENGTH + 1));
    decision.put("policyReference", "Terms of Service v4.2, section 7.3");
    String expected =
        rules
            .validateDecision(
                new ReviewRules.DecisionInput(
                    "UPHOLD", (String) decision.get("rationale"), "ToS", null, null))
            .get("rationale")
            .message();

    // when alice decides through the API
    ResponseEntity<Map<String, Object>> viaApi =
        api.post(ALICE, "/api/review/tasks/" + task + "/decision", decision);

    // then the API refuses it field by field with the rule's code and words
    assertThat(viaApi.getStatusCode().value()).as("%s", viaApi.getBody()).isEqualTo(422);
    assertThat(viaApi.getBody()).containsEntry("code", "DECISION_INCOMPLETE");
    assertThat(errors(viaApi))
        .containsExactly(Map.of("field", "rationale", "code", "TOO_LONG", "message", expected));

    // and completing the task around the API, as Tasklist does, is denied with the same words
    assertThatThrownBy(
            () -> camunda.newCompleteUserTaskCommand(task).variables(decision).send().join())
        .hasMessageContaining(expected);
    awaitOpenWithAlice(task);
  }

  @Test
  void shouldRefuseARestrictionEndInThePastThroughTheApiAndTheListenerWhenOneRuleSaysSo() {
    // given
    long task = claimedReviewTask();
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", "MODIFY");
    decision.put("rationale", "A first offence: a shorter ban");
    decision.put("policyReference", "Enforcement guidelines 2.4");
    decision.put("restrictionEndsAt", engineClock.now().minusSeconds(3600).toString());

    // when
    ResponseEntity<Map<String, Object>> viaApi =
        api.post(ALICE, "/api/review/tasks/" + task + "/decision", decision);

    // then
    assertThat(viaApi.getStatusCode().value()).as("%s", viaApi.getBody()).isEqualTo(422);
    assertThat(errors(viaApi))
        .containsExactly(
            Map.of(
                "field",
                "restrictionEndsAt",
                "code",
                "NOT_IN_FUTURE",
                "message",
                "restrictionEndsAt must be in the future"));
    assertThatThrownBy(
            () -> camunda.newCompleteUserTaskCommand(task).variables(decision).send().join())
        .hasMessageContaining("restrictionEndsAt must be in the future");
    awaitOpenWithAlice(task);
    assertThat(suspensions.get(claimedCase).status()).isEqualTo(CaseStatus.CLAIMED);
  }

  @Test
  void shouldRefuseAMissingRationaleAndPolicyThroughBothDoorsWithTheSameWords() {
    // given
    long task = claimedReviewTask();
    Map<String, Object> decision = new LinkedHashMap<>();
    decision.put("outcome", "OVERTURN");
    decision.put("rationale", " ");
    decision.put("policyReference", "");

    // when
    ResponseEntity<Map<String, Object>> viaApi =
        api.post(ALICE, "/api/review/tasks/" + task + "/decision", decision);

    // then every message the API lists is in the listener's denial
    assertThat(viaApi.getStatusCode().value()).isEqualTo(422);
    List<Map<String, Object>> errors = errors(viaApi);
    assertThat(errors)
        .extracting(e -> e.get("field"))
        .containsExactly("rationale", "policyReference");
    assertThatThrownBy(
            () -> camunda.newCompleteUserTaskCommand(task).variables(decision).send().join())
        .hasMessageContaining((String) errors.get(0).get("message"))
        .hasMessageContaining((String) errors.get(1).get("message"));
    awaitOpenWithAlice(task);
  }

  // --- helpers ---------------------------------------------------------------------------------

  private String claimedCase;

  /** An appeal's review task, claimed by alice through the API. */
  private long claimedReviewTask() {
    Account user = account(Money.of(1_000, "EUR"));
    claimedCase = suspend(user, 1_000, null, "bob");
    awaitStatus(claimedCase, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(claimedCase),
        "/api/cases/" + claimedCase + "/appeals",
        Map.of("statement", "Too harsh"));
    long task = awaitReviewTask(claimedCase);
    ResponseEntity<Map<String, Object>> claim =
        api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of());
    assertThat(claim.getStatusCode().value()).as("%s", claim.getBody()).isEqualTo(200);
    return task;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
    return (List<Map<String, Object>>) response.getBody().get("errors");
  }

  private void awaitOpenWithAlice(long task) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              UserTask t = camunda.newUserTaskGetRequest(task).send().join();
              assertThat(t.getState()).isEqualTo(UserTaskState.CREATED);
              assertThat(t.getAssignee()).isEqualTo("alice");
            });
  }
}
