package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import java.util.Map;
import java.util.Optional;

/**
 * {@code check-review-decision}, the completing listener of the review task: denies a completion
 * that breaks the review rules ({@link ReviewRules#mayDecide}, {@link
 * ReviewRules#validateDecision}, applied by {@link ReviewService#checkDecision}), so they hold
 * whichever client completes the task (the Redress API, the console or Camunda Tasklist). The task
 * then stays open with its assignee.
 */
public class CheckReviewDecisionWorker {

  private final ReviewService reviews;

  public CheckReviewDecisionWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.LISTENER_CHECK_REVIEW_DECISION, autoComplete = false)
  public void handle(JobClient client, ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Optional<String> denial =
        reviews.checkDecision(
            new ReviewService.ReviewCompletion(
                job.getUserTask().getUserTaskKey(),
                text(variables.get(AppealReviewProcess.VAR_APPEAL_ID)),
                job.getUserTask().getAssignee(),
                text(variables.get(AppealReviewProcess.VAR_OUTCOME)),
                text(variables.get(AppealReviewProcess.VAR_RATIONALE)),
                text(variables.get(AppealReviewProcess.VAR_POLICY_REFERENCE)),
                text(variables.get(AppealReviewProcess.VAR_RESTRICTION_ENDS_AT)),
                text(variables.get(AppealReviewProcess.VAR_QUESTION)),
                Boolean.TRUE.equals(variables.get(AppealReviewProcess.VAR_FOUR_EYES_REQUIRED))));
    ListenerResults.complete(client, job, denial);
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
