package org.redress.suspension;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code restrict-account}: the case's measures take effect. */
public class RestrictAccountWorker {

  private final SuspensionService suspensions;

  public RestrictAccountWorker(SuspensionService suspensions) {
    this.suspensions = suspensions;
  }

  @JobWorker(type = AccountSuspensionProcess.JOB_RESTRICT_ACCOUNT)
  public void handle(@Variable(AccountSuspensionProcess.VAR_CASE_ID) String caseId) {
    suspensions.restrictAccount(caseId);
  }
}
