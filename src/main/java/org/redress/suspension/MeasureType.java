package org.redress.suspension;

/** What a measure restricts (DSA Art. 17(1) (a)–(d)). */
public enum MeasureType {
  /** Suspension or termination of the account. */
  ACCOUNT,
  /** Suspension of monetary payments: the wallet's money is frozen. */
  MONETARY,
  /** Suspension of a service or feature (e.g. sending messages, live streaming). */
  SERVICE,
  /** Restriction of the visibility of content (removal, demotion). */
  VISIBILITY
}
