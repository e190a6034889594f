package org.redress.funds.release;

/** Contract of the {@code fund-release} process (bpmn/fund-release.bpmn, docs/workflow.md). */
public final class FundReleaseProcess {

  public static final String PROCESS_ID = "fund-release";

  public static final String JOB_RELEASE_FUNDS = "release-funds";
  public static final String JOB_PAY_OUT = "pay-out";
  public static final String JOB_SEND_RELEASE_NOTICE = "send-release-notice";

  /** BPMN error of a payout the gateway rejected or that has no verified destination. */
  public static final String ERROR_PAYOUT_REJECTED = "PAYOUT_REJECTED";

  public static final String GROUP_FINANCE = "finance-ops";

  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_ACCOUNT_ID = "accountId";
  public static final String VAR_PAYOUT = "payout";

  /** The console's case page, linked from the {@code resolve-payout} form (Tasklist). */
  public static final String VAR_CASE_FILE_URL = "caseFileUrl";

  /** The account holder's notice language (BCP 47), shown on the {@code resolve-payout} form. */
  public static final String VAR_APPELLANT_LANGUAGE = "appellantLanguage";

  public static final String ELEMENT_PAY_OUT = "ServiceTask_PayOut";
  public static final String ELEMENT_RESOLVE_PAYOUT = "UserTask_ResolvePayout";
  public static final String ELEMENT_FUNDS_RELEASED = "EndEvent_FundsReleased";

  private FundReleaseProcess() {}
}
