package org.redress.funds.release;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.ProcessInstanceKey;
import io.camunda.client.annotation.Variable;

/** {@code send-release-notice}: see {@link FundReleaseService#sendReleaseNotice}. */
public class SendReleaseNoticeWorker {

  private final FundReleaseService service;

  public SendReleaseNoticeWorker(FundReleaseService service) {
    this.service = service;
  }

  @JobWorker(type = FundReleaseProcess.JOB_SEND_RELEASE_NOTICE)
  public void handle(
      @ProcessInstanceKey long processInstanceKey,
      @Variable(FundReleaseProcess.VAR_CASE_ID) String caseId) {
    service.sendReleaseNotice(caseId, processInstanceKey);
  }
}
