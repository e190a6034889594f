package org.redress.review;

import java.time.Instant;

/**
 * One decision round of an appeal (a completed review task), with its named human decider and,
 * above the threshold, its approver (R-EU-6, R-EU-7, R-PAY-5).
 */
public record Decision(
    long id,
    String appealId,
    String caseId,
    int round,
    Outcome outcome,
    String rationale,
    String policyReference,
    Instant restrictionEndsAt,
    String question,
    Instant replyBy,
    String decidedBy,
    Instant decidedAt,
    long userTaskKey,
    boolean fourEyesRequired,
    String approvedBy,
    Instant approvedAt,
    String approvalComment,
    Status status) {

  public enum Status {
    /** Accepted by the review rules; waits for approval when four eyes are required. */
    PROPOSED,
    APPROVED,
    /** The second reviewer refused it; the appeal goes back to review. */
    REJECTED,
    /** Recorded and carried out. */
    FINAL
  }
}
