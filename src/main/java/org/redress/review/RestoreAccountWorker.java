package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code restore-account}: OVERTURN: every measure of the case is lifted (R-EU-8). */
public class RestoreAccountWorker {

  private final ReviewService reviews;

  public RestoreAccountWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_RESTORE_ACCOUNT)
  public void handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    reviews.restoreAccount(appealId);
  }
}
