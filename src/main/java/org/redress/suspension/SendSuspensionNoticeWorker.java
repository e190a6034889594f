package org.redress.suspension;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import java.util.Map;

/**
 * {@code send-suspension-notice}: the notice with the statement of reasons; returns the appeal
 * deadline counted from this notification (R-EU-5), which the appeal-window timer waits for.
 */
public class SendSuspensionNoticeWorker {

  private final SuspensionService suspensions;

  public SendSuspensionNoticeWorker(SuspensionService suspensions) {
    this.suspensions = suspensions;
  }

  @JobWorker(type = AccountSuspensionProcess.JOB_SEND_SUSPENSION_NOTICE)
  public Map<String, Object> handle(@Variable(AccountSuspensionProcess.VAR_CASE_ID) String caseId) {
    return Map.of(
        AccountSuspensionProcess.VAR_APPEAL_DEADLINE,
        suspensions.sendSuspensionNotice(caseId).toString());
  }
}
