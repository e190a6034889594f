package org.redress.funds;

import static org.redress.funds.Checks.requireText;

/**
 * Releases the releasable part of a case's frozen money (R-PAY-3, R-PAY-7).
 *
 * @param idempotencyKey deterministic per decision (e.g. case id + decision version, R-PAY-4); a
 *     second call with it returns the first result
 */
public record ReleaseCommand(String caseId, String idempotencyKey, String actor) {

  public ReleaseCommand {
    requireText(caseId, "caseId");
    requireText(idempotencyKey, "idempotencyKey");
    requireText(actor, "actor");
  }
}
