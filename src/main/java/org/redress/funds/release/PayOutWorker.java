package org.redress.funds.release;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;
import io.camunda.client.exception.CamundaError;

/**
 * {@code pay-out}: a rejected payout or a missing verified destination is the business outcome
 * {@code PAYOUT_REJECTED} (a finance task follows); transient failures throw and are retried with
 * the same idempotency key.
 */
public class PayOutWorker {

  private final FundReleaseService service;

  public PayOutWorker(FundReleaseService service) {
    this.service = service;
  }

  @JobWorker(type = FundReleaseProcess.JOB_PAY_OUT)
  public void handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(FundReleaseProcess.VAR_CASE_ID) String caseId) {
    try {
      service.payOut(caseId, processInstanceKey);
    } catch (FundReleaseService.PayoutRejected e) {
      throw CamundaError.bpmnError(FundReleaseProcess.ERROR_PAYOUT_REJECTED, e.getMessage());
    }
  }
}
