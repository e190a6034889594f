package org.redress.notice;

// STUB
public enum NoticeKind {
  SUSPENSION,
  APPEAL_RECEIVED,
  INFORMATION_REQUESTED,
  DECISION,
  FUNDS_RELEASED
}
