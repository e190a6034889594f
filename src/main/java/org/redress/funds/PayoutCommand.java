package org.redress.funds;

import static org.redress.funds.Checks.requireText;

import java.util.Objects;

/**
 * Pays the case's released money in the destination's currency out to the user (R-PAY-3, R-CN-6).
 *
 * @param idempotencyKey deterministic and reused on every retry (R-PAY-4); it is stored before the
 *     gateway is called and sent to it
 */
public record PayoutCommand(
    String caseId, PayoutDestination destination, String idempotencyKey, String actor) {

  public PayoutCommand {
    requireText(caseId, "caseId");
    Objects.requireNonNull(destination, "destination");
    requireText(idempotencyKey, "idempotencyKey");
    requireText(actor, "actor");
  }
}
