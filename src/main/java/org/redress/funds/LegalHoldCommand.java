package org.redress.funds;

import static org.redress.funds.Checks.requireText;

import java.util.Objects;
import org.redress.shared.Money;

/**
 * Records a legal hold (court order, police freeze, AML) on a case's wallet (R-PAY-1, R-CN-5).
 *
 * @param legalReference the legal ground: the order's reference; one hold per case and reference
 */
public record LegalHoldCommand(String caseId, Money amount, String legalReference, String actor) {

  public LegalHoldCommand {
    requireText(caseId, "caseId");
    Objects.requireNonNull(amount, "amount").requirePositive("a legal hold");
    requireText(legalReference, "legalReference");
    requireText(actor, "actor");
  }
}
