package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code modify-restriction}: MODIFY: the restriction now ends at the decided time. */
public class ModifyRestrictionWorker {

  private final ReviewService reviews;

  public ModifyRestrictionWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_MODIFY_RESTRICTION)
  public void handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    reviews.modifyRestriction(appealId);
  }
}
