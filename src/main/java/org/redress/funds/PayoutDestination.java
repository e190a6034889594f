package org.redress.funds;

import static org.redress.funds.Checks.requireText;

import java.text.Normalizer;
import java.util.Locale;
import org.redress.shared.Money;

/**
 * Where a payout goes: a bank card or account of the platform's payment provider.
 *
 * @param accountReference the provider's reference or token of the account (never shown unmasked)
 * @param holderName the account holder's name as the provider verified it
 * @param currency the account's ISO 4217 currency; the payout pays the released money in it
 * @param verified true when the platform verified the account and re-verified the user's identity
 *     (R-PAY-3)
 */
public record PayoutDestination(
    String accountReference, String holderName, String currency, boolean verified) {

  public PayoutDestination {
    requireText(accountReference, "accountReference");
    requireText(holderName, "holderName");
    Money.zero(currency); // validates the code
  }

  /**
   * True if the destination is in the given person's name. Compares names after Unicode
   * compatibility normalisation (full-width letters), trimming, collapsing spaces and ignoring
   * case; nothing fuzzier, since a near match is a different person.
   */
  public boolean isInNameOf(String name) {
    return normalise(holderName).equals(normalise(name));
  }

  /** The account reference with all but its last four characters hidden, for events and notices. */
  public String maskedReference() {
    int visible = Math.min(4, accountReference.length() / 2);
    return "*".repeat(accountReference.length() - visible)
        + accountReference.substring(accountReference.length() - visible);
  }

  private static String normalise(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .strip()
        .replaceAll("\\s+", " ")
        .toLowerCase(Locale.ROOT);
  }
}
