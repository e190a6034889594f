package org.redress.suspension;

/**
 * The states of a case (R-OPS-1). Every change is recorded in {@code suspension_case_transition}
 * and the audit trail with actor and reason.
 */
public enum CaseStatus {
  /** Stored with a complete statement of reasons; the restriction is being applied. */
  OPENED,
  /** The restriction took effect. */
  RESTRICTED,
  /** The user was sent the suspension notice with the statement of reasons. */
  NOTIFIED,
  /** An appeal is open. */
  APPEAL_OPEN,
  /** A reviewer claimed the appeal. */
  CLAIMED,
  /** The reviewer asked the user for information. */
  INFO_REQUESTED,
  /** A reviewer decided the appeal. */
  DECIDED,
  /** The decision was carried out (account restored or ban upheld, funds released). */
  EXECUTED,
  /** The appeal window passed without an appeal: the restriction is final. */
  FINAL
}
