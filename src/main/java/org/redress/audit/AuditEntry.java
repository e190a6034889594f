package org.redress.audit;

import java.util.Map;
import java.util.Objects;

/**
 * What to record: one step of a case.
 *
 * @param action UPPER_SNAKE name of the step (CASE_OPENED, APPEAL_DECIDED, ...)
 * @param summary one sentence a person understands
 * @param idempotencyKey a re-run step with the same key records nothing new; null = always record
 */
public record AuditEntry(
    String caseId,
    String action,
    String actor,
    ActorType actorType,
    String summary,
    Map<String, Object> details,
    String idempotencyKey) {

  public AuditEntry {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(actorType, "actorType");
    Objects.requireNonNull(summary, "summary");
    details = details == null ? Map.of() : Map.copyOf(details);
  }
}
