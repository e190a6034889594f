package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;

/** {@code triage-appeal}: priority, SLA due date and four-eyes flag for the review task. */
public class TriageAppealWorker {

  private final ReviewService reviews;
  private final ReviewProperties properties;

  public TriageAppealWorker(ReviewService reviews, ReviewProperties properties) {
    this.reviews = reviews;
    this.properties = properties;
  }

  @JobWorker(type = AppealReviewProcess.JOB_TRIAGE_APPEAL)
  public Map<String, Object> handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    Triage triage = reviews.triage(appealId);
    return Map.of(
        AppealReviewProcess.VAR_PRIORITY, triage.priority(),
        AppealReviewProcess.VAR_REVIEW_DUE_DATE, triage.reviewDueDate().toString(),
        AppealReviewProcess.VAR_FOUR_EYES_REQUIRED, triage.fourEyesRequired(),
        AppealReviewProcess.VAR_URGENT_HUMAN_CONTACT, triage.urgentHumanContact(),
        AppealReviewProcess.VAR_INFORMATION_WINDOW, properties.informationWindow().toString());
  }
}
