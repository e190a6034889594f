package org.redress.funds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.redress.shared.Money;

/**
 * What a case may release: per currency, the frozen money minus the part under legal holds, never
 * negative (R-PAY-1, R-PAY-7). Lists hold one amount per currency, sorted by code, zeros left out.
 *
 * @param frozen everything pending for the case: workflow and legal holds
 * @param legallyHeld the part under legal holds, which stays held
 * @param releasable frozen minus legally held, at least zero
 */
public record ReleasableAssessment(
    String caseId, List<Money> frozen, List<Money> legallyHeld, List<Money> releasable) {

  public ReleasableAssessment {
    frozen = List.copyOf(frozen);
    legallyHeld = List.copyOf(legallyHeld);
    releasable = List.copyOf(releasable);
  }

  /** Computes the releasable part from the frozen and legally held amounts (any order, repeats). */
  public static ReleasableAssessment of(
      String caseId, Collection<Money> frozen, Collection<Money> legallyHeld) {
    Map<String, Money> frozenTotals = Amounts.byCurrency(frozen);
    Map<String, Money> legalTotals = Amounts.byCurrency(legallyHeld);
    List<Money> releasable = new ArrayList<>();
    for (String currency : new TreeSet<>(frozenTotals.keySet())) {
      Money zero = Money.zero(currency);
      Money rest = frozenTotals.get(currency).minus(legalTotals.getOrDefault(currency, zero));
      if (rest.isPositive()) {
        releasable.add(rest);
      }
    }
    return new ReleasableAssessment(
        caseId, List.copyOf(frozenTotals.values()), List.copyOf(legalTotals.values()), releasable);
  }

  /** The releasable amount in one currency (zero if none). */
  public Money releasable(String currency) {
    return Amounts.in(releasable, currency);
  }
}
