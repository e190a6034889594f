package org.redress.funds.release;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import java.util.Map;

/**
 * {@code release-funds}: see {@link FundReleaseService#release}; also sets what a finance task's
 * form shows ({@link FundReleaseService#taskVariables}).
 */
public class ReleaseFundsWorker {

  private final FundReleaseService service;

  public ReleaseFundsWorker(FundReleaseService service) {
    this.service = service;
  }

  @JobWorker(type = FundReleaseProcess.JOB_RELEASE_FUNDS)
  public Map<String, Object> handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(FundReleaseProcess.VAR_CASE_ID) String caseId) {
    service.release(caseId, processInstanceKey);
    return service.taskVariables(caseId);
  }
}
