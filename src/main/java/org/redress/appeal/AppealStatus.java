package org.redress.appeal;

/** Where an appeal stands. Only DECIDED frees the case for another appeal. */
public enum AppealStatus {
  /** Stored; the process has been or is being told. */
  FILED,
  /** The appeal-review process took it in and the receipt notice was sent. */
  REGISTERED,
  /** A reviewer asked the appellant for information. */
  INFO_REQUESTED,
  /** Decided; the outcome is recorded. */
  DECIDED
}
