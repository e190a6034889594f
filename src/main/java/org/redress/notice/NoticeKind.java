package org.redress.notice;

/** The notices Redress sends a user, each from its own template in zh-CN and en. */
public enum NoticeKind {
  /** The restriction with its full statement of reasons and how to appeal (R-EU-4). */
  SUSPENSION,
  /** Receipt of an appeal (R-CN-3). */
  APPEAL_RECEIVED,
  /** A reviewer's question to the appellant. */
  INFORMATION_REQUESTED,
  /** The reasoned decision with dispute-settlement and court routes (R-EU-9). */
  DECISION,
  /** What was released and paid out, and what stays held and why. */
  FUNDS_RELEASED
}
