package org.redress.audit.console;

import java.time.Instant;

/**
 * An open incident of the engine with the Redress case it belongs to.
 *
 * @param caseId the case whose root process instance (directly or through called instances) has the
 *     incident; null when the instance belongs to no case
 * @param jobKey the failed job, or null (then only resolving applies)
 */
public record OpenIncident(
    long incidentKey,
    String caseId,
    long processInstanceKey,
    String processDefinitionId,
    String elementId,
    String errorType,
    String errorMessage,
    Instant createdAt,
    Long jobKey) {

  /** The message's first line (a worker's failure often carries a whole stack trace). */
  public String headline() {
    return CaseInstances.firstLine(errorMessage);
  }

  /** True if the message has more than its first line. */
  public boolean hasMore() {
    return errorMessage != null && !errorMessage.strip().equals(headline());
  }
}
