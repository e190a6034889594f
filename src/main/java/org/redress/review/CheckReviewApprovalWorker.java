package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;

/**
 * {@code check-review-approval}, the completing listener of the approval task: the approver is a
 * named person other than the decider (four eyes, R-PAY-5) and sends a complete approval ({@link
 * ReviewRules#mayApprove}, {@link ReviewRules#validateApproval}, applied by {@link
 * ReviewService#checkApproval}).
 */
public class CheckReviewApprovalWorker {

  private final ReviewService reviews;

  public CheckReviewApprovalWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.LISTENER_CHECK_REVIEW_APPROVAL, autoComplete = false)
  public void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Object approved = variables.get(AppealReviewProcess.VAR_APPROVED);
    ListenerResults.complete(
        client,
        job,
        reviews.checkApproval(
            new ReviewService.ApprovalCompletion(
                CheckReviewDecisionWorker.text(variables.get(AppealReviewProcess.VAR_APPEAL_ID)),
                job.getUserTask().getAssignee(),
                approved instanceof Boolean b ? b : null,
                CheckReviewDecisionWorker.text(
                    variables.get(AppealReviewProcess.VAR_APPROVAL_COMMENT)))));
  }
}
