package org.redress.funds;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.shared.Money;

/**
 * What the ledger holds, released and paid out for one case, read from its holds and events: the
 * facts that notices and the case view state (issue 8), never the amounts a statement named. Lists
 * hold one amount per currency, sorted by code, zeros left out.
 *
 * @param frozen held now for the case: workflow and legal holds (R-PAY-1)
 * @param legallyHeld the part of {@code frozen} under legal holds, which this workflow never lifts
 * @param stillFrozen the part of {@code frozen} the workflow holds (frozen minus legally held)
 * @param released returned from the freeze to the wallet's available balance
 * @param paidOut paid out to the holder's verified account (R-PAY-3)
 */
public record CaseFunds(
    String caseId,
    List<Money> frozen,
    List<Money> legallyHeld,
    List<Money> stillFrozen,
    List<Money> released,
    List<Money> paidOut) {

  public CaseFunds {
    frozen = List.copyOf(frozen);
    legallyHeld = List.copyOf(legallyHeld);
    stillFrozen = List.copyOf(stillFrozen);
    released = List.copyOf(released);
    paidOut = List.copyOf(paidOut);
  }

  /**
   * The money facts as notice model values ({@code stillFrozen}, {@code legallyHeld}, {@code
   * released}, {@code paidOut}: lists of amounts as text), for templates that state them.
   */
  public Map<String, Object> noticeModel() {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("stillFrozen", text(stillFrozen));
    model.put("legallyHeld", text(legallyHeld));
    model.put("released", text(released));
    model.put("paidOut", text(paidOut));
    return model;
  }

  static List<String> text(List<Money> amounts) {
    return amounts.stream().map(Money::toString).toList();
  }
}
