package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import org.redress.appeal.AppealService;

/** {@code register-appeal}: the appeal is taken in and its receipt sent (R-CN-3). */
public class RegisterAppealWorker {

  private final AppealService appeals;

  public RegisterAppealWorker(AppealService appeals) {
    this.appeals = appeals;
  }

  @JobWorker(type = AppealReviewProcess.JOB_REGISTER_APPEAL)
  public void handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    appeals.register(appealId, processInstanceKey, null);
  }
}
