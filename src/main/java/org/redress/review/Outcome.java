package org.redress.review;

/** What a reviewer may decide on an appeal (R-OPS-1 "decided{...}"). */
public enum Outcome {
  /** The appeal succeeds: every measure is lifted (R-EU-8). */
  OVERTURN,
  /** The restriction stands, with reasons (R-EU-9). */
  UPHOLD,
  /** A lighter restriction: it now ends at a given time. */
  MODIFY,
  /** The reviewer needs information from the appellant before deciding. */
  REQUEST_INFO,
  /** The appeal cannot be examined (e.g. not against this decision); the window stays open. */
  INADMISSIBLE,
  /** Manifestly unfounded; counted for misuse control (Art. 23, R-EU-11); the window stays open. */
  MANIFESTLY_UNFOUNDED;

  /** True if the outcome closes the case on appeal (the decision is carried out). */
  public boolean executesDecision() {
    return this == OVERTURN || this == UPHOLD || this == MODIFY;
  }

  public boolean decidesAppeal() {
    return this != REQUEST_INFO;
  }
}
