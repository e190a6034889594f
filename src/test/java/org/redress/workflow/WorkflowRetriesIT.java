package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.value.JobWorkerValue;
import io.camunda.client.jobhandling.JobWorkerManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redress.audit.AuditTrail;
import org.redress.funds.release.FundReleaseProcess;
import org.redress.review.AppealReviewProcess;
import org.redress.shared.Money;
import org.redress.suspension.AccountSuspensionProcess;
import org.redress.suspension.CaseStatus;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * Clients retry commands whose answer they lost; the app recovers jobs of an instance that died.
 * Every retried command records its effect once, and every job comes back within seconds.
 */
class WorkflowRetriesIT extends WorkflowTestBase {

  @Autowired AuditTrail audit;
  @Autowired JobWorkerManager workers;

  @Test
  void shouldRecordOneClaimWhenTheAssigneeRepeatsTheClaim() {
    // given a review task claimed by alice
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "No"));
    long task = awaitReviewTask(caseId);
    assertThat(claim(ALICE, task).getStatusCode().value()).isEqualTo(200);

    // when alice's client retries the claim
    ResponseEntity<Map<String, Object>> retried = claim(ALICE, task);

    // then it answers as the first did, and the audit trail has one claim
    assertThat(retried.getStatusCode().value()).as("%s", retried.getBody()).isEqualTo(200);
    assertThat(retried.getBody()).containsEntry("assignee", "alice");
    assertThat(events(caseId, "REVIEW_TASK_CLAIMED")).isEqualTo(1);
  }

  @Test
  void shouldRecordOneAnswerWhenTheAppellantRepeatsTheInformation() {
    // given a request for information
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Caller appellant = appellantOf(caseId);
    String appealId =
        (String)
            api.post(appellant, "/api/cases/" + caseId + "/appeals", Map.of("statement", "No"))
                .getBody()
                .get("appealId");
    long task = awaitReviewTask(caseId);
    claim(ALICE, task);
    api.post(
        ALICE,
        "/api/review/tasks/" + task + "/decision",
        Map.of(
            "outcome", "REQUEST_INFO",
            "rationale", "The receipts are needed",
            "policyReference", "Payments policy 3.1",
            "question", "Please upload the receipts"));
    awaitStatus(caseId, CaseStatus.INFO_REQUESTED);
    String path = "/api/cases/" + caseId + "/appeals/" + appealId + "/information";
    assertThat(api.post(appellant, path, Map.of("text", "Attached")).getStatusCode().value())
        .isEqualTo(200);

    // when the appellant's client sends the same answer again
    ResponseEntity<Map<String, Object>> retried =
        api.post(appellant, path, Map.of("text", "Attached"));

    // then it answers with the recorded answer, once in the audit trail
    assertThat(retried.getStatusCode().value()).as("%s", retried.getBody()).isEqualTo(200);
    assertThat(retried.getBody()).containsEntry("round", 1).containsEntry("text", "Attached");
    assertThat(events(caseId, "INFORMATION_PROVIDED")).isEqualTo(1);
    // and a different text is still refused: the round is answered
    assertThat(api.post(appellant, path, Map.of("text", "Other")).getStatusCode().value())
        .isEqualTo(409);
  }

  @Test
  void shouldGiveEveryJobBackWithinAMinuteWhenItsWorkerDies() {
    // given the job types of the three processes and their listeners
    List<String> databaseSteps =
        List.of(
            AccountSuspensionProcess.JOB_FREEZE_WALLET,
            AccountSuspensionProcess.JOB_SEND_SUSPENSION_NOTICE,
            AppealReviewProcess.JOB_REGISTER_APPEAL,
            AppealReviewProcess.JOB_TRIAGE_APPEAL,
            AppealReviewProcess.JOB_ESCALATE_REVIEW,
            AppealReviewProcess.JOB_RECORD_DECISION,
            AppealReviewProcess.JOB_REQUEST_INFORMATION,
            AppealReviewProcess.JOB_SEND_DECISION_NOTICE,
            AppealReviewProcess.LISTENER_CHECK_REVIEW_DECISION,
            AppealReviewProcess.LISTENER_CHECK_REVIEW_APPROVAL,
            FundReleaseProcess.JOB_RELEASE_FUNDS,
            FundReleaseProcess.JOB_SEND_RELEASE_NOTICE);
    List<String> remoteSteps =
        List.of(
            AccountSuspensionProcess.JOB_RESTRICT_ACCOUNT,
            AccountSuspensionProcess.JOB_FINALIZE_BAN,
            AppealReviewProcess.JOB_RESTORE_ACCOUNT,
            AppealReviewProcess.JOB_MODIFY_RESTRICTION);

    // then the running workers hold jobs seconds, not the client's default 5 minutes
    for (String type : databaseSteps) {
      assertThat(timeout(type)).as(type).isEqualTo(Duration.ofSeconds(10));
    }
    for (String type : remoteSteps) {
      assertThat(timeout(type)).as(type).isEqualTo(Duration.ofSeconds(30));
    }
    assertThat(timeout(FundReleaseProcess.JOB_PAY_OUT)).isEqualTo(Duration.ofSeconds(60));
  }

  private Duration timeout(String type) {
    JobWorkerValue worker =
        workers
            .findJobWorkerConfigByType(type)
            .orElseThrow(() -> new AssertionError("no worker runs for " + type));
    return worker.getTimeout();
  }

  private ResponseEntity<Map<String, Object>> claim(Caller reviewer, long task) {
    return api.post(reviewer, "/api/review/tasks/" + task + "/claim", Map.of());
  }

  private long events(String caseId, String action) {
    return audit.ofCase(caseId).stream().filter(e -> e.action().equals(action)).count();
  }
}
