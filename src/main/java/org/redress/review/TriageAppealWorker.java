package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redress.shared.web.StaffLinks;

/**
 * {@code triage-appeal}: priority, SLA due date and the four-eyes variables for the review task,
 * and what its form shows at a glance (the appellant's language, the link to the case file).
 */
public class TriageAppealWorker {

  private final ReviewService reviews;
  private final ReviewProperties properties;
  private final StaffLinks links;

  public TriageAppealWorker(ReviewService reviews, ReviewProperties properties, StaffLinks links) {
    this.reviews = reviews;
    this.properties = properties;
    this.links = links;
  }

  @JobWorker(type = AppealReviewProcess.JOB_TRIAGE_APPEAL)
  public Map<String, Object> handle(
      @Variable(AppealReviewProcess.VAR_CASE_ID) String caseId,
      @Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    Triage triage = reviews.triage(appealId);
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(AppealReviewProcess.VAR_PRIORITY, triage.priority());
    variables.put(AppealReviewProcess.VAR_REVIEW_DUE_DATE, triage.reviewDueDate().toString());
    variables.put(AppealReviewProcess.VAR_FOUR_EYES_REQUIRED, triage.fourEyesRequired());
    variables.put(
        AppealReviewProcess.VAR_FOUR_EYES_REASON, String.join("; ", triage.fourEyesReasons()));
    variables.put(AppealReviewProcess.VAR_FOUR_EYES_OUTCOMES, triage.fourEyesOutcomes());
    variables.put(AppealReviewProcess.VAR_URGENT_HUMAN_CONTACT, triage.urgentHumanContact());
    variables.put(
        AppealReviewProcess.VAR_INFORMATION_WINDOW, properties.informationWindow().toString());
    variables.put(AppealReviewProcess.VAR_APPELLANT_LANGUAGE, triage.appellantLanguage());
    variables.put(AppealReviewProcess.VAR_CASE_FILE_URL, links.caseFile(caseId));
    return variables;
  }
}
