package org.redress.audit.console;

import java.time.LocalDate;

/**
 * The filters of the case search; a null filter does not restrict. Dates are whole days in UTC of
 * the case's opening ({@code created_at}), both ends included.
 *
 * @param caseId exact case id
 * @param accountId exact account id
 * @param platformDecisionId exact id of the platform's decision
 * @param status the case's status (a {@code CaseStatus} name)
 * @param outcome the outcome of the case's latest decided appeal (an {@code Outcome} name)
 * @param decider username of a reviewer who decided a round of the case
 * @param slaBreached the review deadline passed on one of the case's appeals (escalated)
 * @param fourEyes a second reviewer was required on one of the case's appeals
 * @param openIncident one of the case's process instances has an open incident
 */
public record CaseSearchCriteria(
    String caseId,
    String accountId,
    String platformDecisionId,
    String status,
    LocalDate openedFrom,
    LocalDate openedTo,
    String outcome,
    String decider,
    Boolean slaBreached,
    Boolean fourEyes,
    Boolean openIncident) {

  public CaseSearchCriteria {
    caseId = blankToNull(caseId);
    accountId = blankToNull(accountId);
    platformDecisionId = blankToNull(platformDecisionId);
    status = blankToNull(status);
    outcome = blankToNull(outcome);
    decider = blankToNull(decider);
  }

  /** No filter: every case. */
  public static CaseSearchCriteria none() {
    return new CaseSearchCriteria(null, null, null, null, null, null, null, null, null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
