package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.search.enums.UserTaskState;
import io.camunda.client.api.search.response.UserTask;
import io.camunda.client.api.search.response.Variable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.redress.engine.expression.EvaluationResult;
import org.redress.engine.expression.ExpressionLanguage;
import org.redress.engine.expression.FeelExpressionLanguage;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.http.ResponseEntity;

/**
 * The task forms as Camunda Tasklist shows them on a real task: the form the engine serves for the
 * task ({@code GET /v2/user-tasks/{key}/form}) starts with a text whose every {@code {{...}}}
 * insert evaluates over the variables visible at the task (FEEL, as form-js's templating does), so
 * a Tasklist reviewer sees the case id, the appellant's language, priority, due date, four eyes and
 * a link to the console's case page.
 */
class TaskFormsIT extends WorkflowTestBase {

  static final Caller ERIN_FINANCE = Caller.staff("erin", "erin-demo");

  private static final Pattern INSERT = Pattern.compile("\\{\\{(.+?)}}");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ExpressionLanguage feel = new FeelExpressionLanguage(Instant::now);

  @Test
  void shouldShowTheCaseAtAGlanceWithALinkToTheCaseFileOnReviewAndApproval() {
    // given an appeal of a zh-CN account that needs four eyes (2,000.00 frozen)
    Account user = account(Money.of(200_000, "EUR"));
    String caseId = suspend(user, 200_000, null, "moderator-17", "zh-CN");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Unfair"));
    long review = awaitReviewTask(caseId);

    // when the review task's form is rendered with the task's variables
    Map<String, Object> variables = variablesAt(review);
    String header = renderHeader(review, variables);

    // then it starts with the case at a glance and links the case page
    String caseFile = "http://localhost:" + port + "/console/cases/" + caseId;
    assertThat(header)
        .startsWith("## Review appeal")
        .contains("**Case [" + caseId + "](" + caseFile + ")**")
        .contains("[Open the case file](" + caseFile + ")")
        .contains("Appellant's language: **zh-CN**")
        .contains("Priority: **50**")
        .contains("Decide by: **" + variables.get("reviewDueDate") + "**")
        .contains(
            "Four eyes: **yes**, a second reviewer approves the decision (the frozen money, 2000.00, reaches");
    assertThat(variables)
        .containsEntry(
            "fourEyesOutcomes",
            List.of("OVERTURN", "UPHOLD", "MODIFY", "INADMISSIBLE", "MANIFESTLY_UNFOUNDED"));

    // when alice overturns and the approval task's form is rendered
    api.post(ALICE, "/api/review/tasks/" + review + "/claim", Map.of());
    ResponseEntity<Map<String, Object>> decided =
        api.post(
            ALICE,
            "/api/review/tasks/" + review + "/decision",
            Map.of(
                "outcome", "OVERTURN",
                "rationale", "The payments went to family members",
                "policyReference", "Terms of Service v4.2, section 7.3"));
    assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(200);
    long approval = awaitTask(caseId, "UserTask_ApproveDecision");
    String approvalHeader = renderHeader(approval, variablesAt(approval));

    // then the approver sees the same glance and the proposed decision
    assertThat(approvalHeader)
        .startsWith("## Approve decision")
        .contains("[Open the case file](" + caseFile + ")")
        .contains("Appellant's language: **zh-CN**")
        .contains("Four eyes: **yes**")
        .contains("The reviewer decided **OVERTURN**.")
        .contains("Rationale: The payments went to family members");
  }

  @Test
  void shouldShowTheCaseAndALinkToTheCaseFileOnTheFinanceTask() {
    // given a rejected payout (no verified destination) after the appeal window passed
    Account user = account(Money.of(7_000, "EUR"));
    jdbc.sql("DELETE FROM redress.funds_payout_destination WHERE account_id = :id")
        .param("id", user.accountId())
        .update();
    String caseId = suspend(user, 7_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    engineClock.add(java.time.Duration.ofDays(186));
    long task = awaitFinanceTaskOf(caseId);

    // when its form is rendered with the task's variables
    String header = renderHeader(task, variablesAt(task));

    // then
    String caseFile = "http://localhost:" + port + "/console/cases/" + caseId;
    assertThat(header)
        .startsWith("## Resolve rejected payout")
        .contains("**Case [" + caseId + "](" + caseFile + ")**, account " + user.accountId())
        .contains("Account holder's language: **en**")
        .contains("[Open the case file](" + caseFile + ")");
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  /**
   * The first component of the task's form, its {@code {{...}}} inserts evaluated as FEEL over the
   * variables; fails if an insert does not evaluate or names a variable the task does not have.
   */
  private String renderHeader(long userTaskKey, Map<String, Object> variables) {
    Object schema = camunda.newUserTaskGetFormRequest(userTaskKey).send().join().getSchema();
    Map<String, Object> form =
        schema instanceof String json
            ? read(json)
            : JSON.convertValue(schema, new TypeReference<>() {});
    @SuppressWarnings("unchecked")
    Map<String, Object> header = ((List<Map<String, Object>>) form.get("components")).get(0);
    assertThat(header).containsEntry("type", "text");
    String text = (String) header.get("text");
    Matcher m = INSERT.matcher(text);
    StringBuilder rendered = new StringBuilder();
    while (m.find()) {
      String expression = m.group(1).strip();
      EvaluationResult result = feel.evaluate(feel.parseFeel(expression), variables);
      assertThat(result.failure()).as("{{%s}}", expression).isNull();
      assertThat(result.warnings()).as("{{%s}} on task %d", expression, userTaskKey).isEmpty();
      m.appendReplacement(rendered, Matcher.quoteReplacement(String.valueOf(result.value())));
    }
    m.appendTail(rendered);
    return rendered.toString();
  }

  /** The variables visible at the task: those of its process instance (none are task-local). */
  private Map<String, Object> variablesAt(long userTaskKey) {
    UserTask task = camunda.newUserTaskGetRequest(userTaskKey).send().join();
    Map<String, Object> variables = new HashMap<>();
    for (Variable v :
        camunda
            .newVariableSearchRequest()
            .filter(f -> f.processInstanceKey(task.getProcessInstanceKey()))
            .page(p -> p.limit(100))
            .send()
            .join()
            .items()) {
      assertThat(Boolean.TRUE.equals(v.isTruncated())).as("%s truncated", v.getName()).isFalse();
      variables.put(v.getName(), readValue(v.getValue()));
    }
    return variables;
  }

  private long awaitFinanceTaskOf(String caseId) {
    List<Long> found = new ArrayList<>();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              found.clear();
              for (UserTask t :
                  camunda
                      .newUserTaskSearchRequest()
                      .filter(
                          f -> f.elementId("UserTask_ResolvePayout").state(UserTaskState.CREATED))
                      .page(p -> p.limit(200))
                      .send()
                      .join()
                      .items()) {
                if (caseId.equals(variablesAt(t.getUserTaskKey()).get("caseId"))) {
                  found.add(t.getUserTaskKey());
                }
              }
              assertThat(found).hasSize(1);
            });
    return found.get(0);
  }

  private static Map<String, Object> read(String json) {
    try {
      return JSON.readValue(json, new TypeReference<>() {});
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private static Object readValue(String json) {
    try {
      return JSON.readValue(json, Object.class);
    } catch (Exception e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }
}
