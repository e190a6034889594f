package org.redress.suspension;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code finalize-ban}: the appeal window passed without an appeal. */
public class FinalizeBanWorker {

  private final SuspensionService suspensions;

  public FinalizeBanWorker(SuspensionService suspensions) {
    this.suspensions = suspensions;
  }

  @JobWorker(type = AccountSuspensionProcess.JOB_FINALIZE_BAN)
  public void handle(@Variable(AccountSuspensionProcess.VAR_CASE_ID) String caseId) {
    suspensions.finalizeBan(caseId);
  }
}
