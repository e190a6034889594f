package org.redress.review;

/** Contract of the {@code appeal-review} process (bpmn/appeal-review.bpmn, docs/workflow.md). */
public final class AppealReviewProcess {

  public static final String PROCESS_ID = "appeal-review";

  public static final String JOB_REGISTER_APPEAL = "register-appeal";
  public static final String JOB_TRIAGE_APPEAL = "triage-appeal";
  public static final String JOB_ESCALATE_REVIEW = "escalate-review";
  public static final String JOB_RECORD_DECISION = "record-decision";
  public static final String JOB_RESTORE_ACCOUNT = "restore-account";
  public static final String JOB_MODIFY_RESTRICTION = "modify-restriction";
  public static final String JOB_REQUEST_INFORMATION = "request-information";
  public static final String JOB_SEND_DECISION_NOTICE = "send-decision-notice";

  /** Completing listener of {@code UserTask_ReviewAppeal}: enforces the review rules. */
  public static final String LISTENER_CHECK_REVIEW_DECISION = "check-review-decision";

  /** Completing listener of {@code UserTask_ApproveDecision}: enforces four eyes. */
  public static final String LISTENER_CHECK_REVIEW_APPROVAL = "check-review-approval";

  public static final String MESSAGE_INFORMATION_PROVIDED = "appeal-information-provided";

  public static final String GROUP_REVIEWERS = "appeal-reviewers";
  public static final String GROUP_SENIOR_REVIEWERS = "senior-reviewers";

  public static final String VAR_CASE_ID = "caseId";
  public static final String VAR_APPEAL_ID = "appealId";
  public static final String VAR_PRIORITY = "priority";
  public static final String VAR_REVIEW_DUE_DATE = "reviewDueDate";
  public static final String VAR_FOUR_EYES_REQUIRED = "fourEyesRequired";

  /** Why four eyes are required, in words ("" when not): shown on the review task. */
  public static final String VAR_FOUR_EYES_REASON = "fourEyesReason";

  /**
   * The outcome names that need a second reviewer's approval on this appeal ({@link
   * ReviewRules#fourEyesOutcomes}); {@code Gateway_FourEyes} branches on {@code list
   * contains(fourEyesOutcomes, outcome)}.
   */
  public static final String VAR_FOUR_EYES_OUTCOMES = "fourEyesOutcomes";

  /** The appellant's notice language (BCP 47, e.g. {@code zh-CN}): shown on the task forms. */
  public static final String VAR_APPELLANT_LANGUAGE = "appellantLanguage";

  /** The console's case page of the case: linked from the task forms (Tasklist). */
  public static final String VAR_CASE_FILE_URL = "caseFileUrl";

  public static final String VAR_URGENT_HUMAN_CONTACT = "urgentHumanContact";
  public static final String VAR_INFORMATION_WINDOW = "informationWindow";
  public static final String VAR_OUTCOME = "outcome";
  public static final String VAR_RATIONALE = "rationale";
  public static final String VAR_POLICY_REFERENCE = "policyReference";
  public static final String VAR_RESTRICTION_ENDS_AT = "restrictionEndsAt";
  public static final String VAR_QUESTION = "question";
  public static final String VAR_APPROVED = "approved";
  public static final String VAR_APPROVAL_COMMENT = "approvalComment";

  public static final String ELEMENT_REVIEW_APPEAL = "UserTask_ReviewAppeal";
  public static final String ELEMENT_APPROVE_DECISION = "UserTask_ApproveDecision";
  public static final String ELEMENT_REVIEW_SLA_EXPIRED = "BoundaryEvent_ReviewSlaExpired";
  public static final String ELEMENT_AWAIT_INFORMATION = "Gateway_AwaitInformation";
  public static final String ELEMENT_APPEAL_DECIDED = "EndEvent_AppealDecided";

  private AppealReviewProcess() {}
}
