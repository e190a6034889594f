package org.redress.funds;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.redress.shared.Money;

/**
 * A double-entry journal entry before it is stored: signed lines (positive raises the account's
 * balance) that sum to zero in every currency, so money is only ever moved, never created. The
 * database checks the same rule again when the transaction commits.
 */
record JournalEntry(Kind kind, String caseId, String description, List<Line> lines) {

  enum Kind {
    DEPOSIT,
    HOLD,
    VOID,
    POST
  }

  record Line(long accountId, Money amount) {
    Line {
      Objects.requireNonNull(amount, "amount");
      if (amount.isZero()) {
        throw new IllegalArgumentException("Expected a non-zero ledger line, but was " + amount);
      }
    }
  }

  JournalEntry {
    Objects.requireNonNull(kind, "kind");
    Checks.requireText(description, "description");
    lines = List.copyOf(lines);
    if (lines.size() < 2) {
      throw new IllegalArgumentException(
          "Expected a journal entry with at least two lines, but got " + lines.size());
    }
    Map<String, Money> sums = new TreeMap<>();
    for (Line line : lines) {
      sums.merge(line.amount().currency(), line.amount(), Money::plus);
    }
    List<Money> unbalanced = new ArrayList<>();
    sums.values().stream().filter(sum -> !sum.isZero()).forEach(unbalanced::add);
    if (!unbalanced.isEmpty()) {
      throw new IllegalArgumentException(
          "Expected the lines of a journal entry to sum to zero per currency, but they sum to "
              + unbalanced);
    }
  }

  /** Moves a positive amount from one account to another. */
  static JournalEntry transfer(
      Kind kind,
      String caseId,
      String description,
      long fromAccount,
      long toAccount,
      Money amount) {
    amount.requirePositive("a transferred amount");
    return new JournalEntry(
        kind,
        caseId,
        description,
        List.of(new Line(fromAccount, amount.negate()), new Line(toAccount, amount)));
  }
}
