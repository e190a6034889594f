package org.redress.audit.console;

import java.time.Instant;
import java.util.List;

/** One journal entry of a case's funds, with its signed lines (they sum to zero per currency). */
public record LedgerEntry(
    long id, String kind, String description, Instant createdAt, List<Line> lines) {

  /**
   * @param account the account's kind (AVAILABLE, HELD, ...)
   * @param walletId null for the platform's own accounts
   * @param amountMinor signed, in minor units
   */
  public record Line(String account, String walletId, String currency, long amountMinor) {

    /** The amount with two decimals, as staff read it (every Redress currency has two). */
    public String amount() {
      long abs = Math.abs(amountMinor);
      return (amountMinor < 0 ? "-" : "+") + abs / 100 + "." + String.format("%02d", abs % 100);
    }
  }
}
