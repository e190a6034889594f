package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code send-decision-notice}: the reasoned decision notice (R-EU-9). */
public class SendDecisionNoticeWorker {

  private final ReviewService reviews;

  public SendDecisionNoticeWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_SEND_DECISION_NOTICE)
  public void handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    reviews.sendDecisionNotice(appealId);
  }
}
