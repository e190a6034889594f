package org.redress.shared.security;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one canonical form in which Redress compares the names of people (staff usernames, engine
 * assignees, the platform's {@code imposedBy}, stored deciders and approvers): Unicode NFKC, then
 * lower case by the root locale (never the server's, so {@code I} is {@code i} also on a Turkish
 * JVM), then NFKC again (lower-casing can leave composable sequences), then leading and trailing
 * white space removed. So {@code "Bob"}, {@code "BOB"}, {@code " bob "} and the full-width {@code
 * "ＢＯＢ"} are one person. Sign-in uses the same form, so whatever spelling signs in as an account is
 * the spelling that is refused where that account may not act (reviewer independence, R-EU-6, four
 * eyes, R-PAY-5).
 *
 * <p>Names are stored and shown as given (a moderator who is no Redress account stays as the
 * platform wrote them); only comparisons use the canonical form. Compare with {@link #same}, never
 * with {@code equals}.
 */
public final class Identities {

  private Identities() {}

  /** The canonical form of a name; null stays null. */
  public static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String folded = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return Normalizer.normalize(folded, Normalizer.Form.NFKC).strip();
  }

  /**
   * True if both name the same person: neither is null or blank and their canonical forms match.
   */
  public static boolean same(String a, String b) {
    String ca = canonical(a);
    String cb = canonical(b);
    return ca != null && !ca.isEmpty() && ca.equals(cb);
  }
}
