package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;

/** {@code escalate-review}: the review SLA passed (non-interrupting timer). */
public class EscalateReviewWorker {

  private final ReviewService reviews;

  public EscalateReviewWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_ESCALATE_REVIEW)
  public void handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    reviews.escalate(processInstanceKey, appealId);
  }
}
