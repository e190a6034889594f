package org.redress.funds.release;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;

/** {@code release-funds}: see {@link FundReleaseService#release}. */
public class ReleaseFundsWorker {

  private final FundReleaseService service;

  public ReleaseFundsWorker(FundReleaseService service) {
    this.service = service;
  }

  @JobWorker(type = FundReleaseProcess.JOB_RELEASE_FUNDS)
  public void handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(FundReleaseProcess.VAR_CASE_ID) String caseId) {
    service.release(caseId, processInstanceKey);
  }
}
