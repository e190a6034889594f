package org.redress.review;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code request-information}: REQUEST_INFO: the reviewer's question goes to the appellant. */
public class RequestInformationWorker {

  private final ReviewService reviews;

  public RequestInformationWorker(ReviewService reviews) {
    this.reviews = reviews;
  }

  @JobWorker(type = AppealReviewProcess.JOB_REQUEST_INFORMATION)
  public void handle(@Variable(AppealReviewProcess.VAR_APPEAL_ID) String appealId) {
    reviews.requestInformation(appealId);
  }
}
