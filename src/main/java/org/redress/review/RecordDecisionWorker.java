package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;

/**
 * {@code record-decision}: the decision becomes final; returns the recorded outcome, which the
 * process routes by (not the form's variable, which the listener has checked but a later round may
 * have changed).
 */
public class RecordDecisionWorker {

  private final ReviewService reviews;

  public RecordDecisionWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_RECORD_DECISION)
  public Map<String, Object> handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    return Map.of(
        AppealReviewProcess.VAR_OUTCOME, reviews.recordDecision(appealId).outcome().name());
  }
}
