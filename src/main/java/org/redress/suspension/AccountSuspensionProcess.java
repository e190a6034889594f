package org.redress.suspension;

/**
 * Contract of the {@code account-suspension} process (bpmn/account-suspension.bpmn, documented in
 * docs/workflow.md): ids, job types, messages and variables shared by the model, the workers and
 * the tests.
 */
public final class AccountSuspensionProcess {

  public static final String PROCESS_ID = "account-suspension";

  public static final String JOB_RESTRICT_ACCOUNT = "restrict-account";
  public static final String JOB_FREEZE_WALLET = "freeze-wallet";
  public static final String JOB_SEND_SUSPENSION_NOTICE = "send-suspension-notice";
  public static final String JOB_FINALIZE_BAN = "finalize-ban";

  /** Published by the appeal API, correlated by {@link #VAR_CASE_ID}, carries the appeal id. */
  public static final String MESSAGE_APPEAL_FILED = "appeal-filed";

  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_ACCOUNT_ID = "accountId";
  public static final String VAR_APPEAL_DEADLINE = "appealDeadline";
  public static final String VAR_APPEAL_ID = "appealId";
  public static final String VAR_OUTCOME = "outcome";

  public static final String ELEMENT_AWAIT_APPEAL = "Gateway_AwaitAppeal";
  public static final String ELEMENT_APPEAL_FILED = "IntermediateCatchEvent_AppealFiled";
  public static final String ELEMENT_APPEAL_WINDOW_EXPIRED =
      "IntermediateCatchEvent_AppealWindowExpired";
  public static final String ELEMENT_REVIEW_APPEAL = "CallActivity_ReviewAppeal";
  public static final String ELEMENT_RELEASE_FUNDS = "CallActivity_ReleaseFunds";
  public static final String ELEMENT_BAN_FINAL = "EndEvent_BanFinal";
  public static final String ELEMENT_CASE_CLOSED = "EndEvent_CaseClosed";

  private AccountSuspensionProcess() {}
}
