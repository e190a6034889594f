package org.redress.suspension;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;

/** {@code freeze-wallet}: the case's frozen money becomes ledger holds (R-PAY-2). */
public class FreezeWalletWorker {

  private final SuspensionService suspensions;

  public FreezeWalletWorker(SuspensionService suspensions) {
    this.suspensions = suspensions;
  }

  @JobWorker(type = AccountSuspensionProcess.JOB_FREEZE_WALLET)
  public void handle(@Variable(AccountSuspensionProcess.VAR_CASE_ID) String caseId) {
    suspensions.freezeWallet(caseId);
  }
}
