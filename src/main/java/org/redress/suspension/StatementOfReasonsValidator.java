package org.redress.suspension;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.redress.shared.Money;
import org.redress.suspension.SuspensionRequest.MeasureRequest;

/**
 * Checks that a statement of reasons is complete before a restriction may take effect (R-EU-1..3,
 * R-TDB-2/3). Lists every missing or invalid element, so the platform can fix them in one go.
 */
public final class StatementOfReasonsValidator {

  /** One missing or invalid element: where, and what was expected. */
  public record Violation(String field, String message) {}

  /** DSA transparency database categories, schema v2 (domain-requirements 2.4). */
  public static final Set<String> CATEGORIES =
      Set.of(
          "STATEMENT_CATEGORY_ANIMAL_WELFARE",
          "STATEMENT_CATEGORY_CONSUMER_INFORMATION",
          "STATEMENT_CATEGORY_CYBER_VIOLENCE",
          "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN",
          "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
          "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH",
          "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
          "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS",
          "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
          "STATEMENT_CATEGORY_OTHER_VIOLATION_TC",
          "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
          "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY",
          "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
          "STATEMENT_CATEGORY_SELF_HARM",
          "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
          "STATEMENT_CATEGORY_VIOLENCE");

  /** Where the decision came from (Art. 17(3)(b)): transparency database source types. */
  public static final Set<String> SOURCES =
      Set.of(
          "SOURCE_ARTICLE_16",
          "SOURCE_TRUSTED_FLAGGER",
          "SOURCE_TYPE_OTHER_NOTIFICATION",
          "SOURCE_VOLUNTARY");

  public static final Set<String> LOCALES = Set.of("en", "zh-CN");

  private static final Pattern DECISION_ID = Pattern.compile("[A-Za-z0-9_-]{1,500}");

  /**
   * An explanation must say something about this case (R-EU-2): generic reason codes such as
   * "TOS_VIOLATION" or "spam" alone are refused.
   */
  static final int MIN_EXPLANATION_LENGTH = 30;

  static final int MIN_FACTS_LENGTH = 30;

  // Maximum lengths in characters (Unicode code points, as the transparency database counts them),
  // each at most the TDB's limit for the field the value is submitted as (R-TDB-3,
  // domain-requirements 2.3), so that a statement Redress accepts is never too long for the TDB.

  /** {@code puid}: max 500. */
  public static final int MAX_DECISION_ID = 500;

  /** {@code decision_facts}: max 5000. */
  public static final int MAX_FACTS = 5_000;

  /** {@code illegal_content_legal_ground} / {@code incompatible_content_ground}: max 500. */
  public static final int MAX_GROUND_REFERENCE = 500;

  /** {@code illegal_content_explanation} / {@code incompatible_content_explanation}: max 2000. */
  public static final int MAX_GROUND_EXPLANATION = 2_000;

  /** {@code decision_*_other}, the TDB's free-text description of a measure: max 500. */
  public static final int MAX_SCOPE = 500;

  /** The TDB takes the territorial scope as a list of country codes, not as text. */
  public static final int MAX_TERRITORIAL_SCOPE = 200;

  /** Not submitted to the TDB (money is not part of a statement there); as a legal ground. */
  public static final int MAX_LEGAL_REFERENCE = 500;

  /** Identifiers and names Redress keeps but never submits (no personal data in the TDB). */
  public static final int MAX_NAME = 200;

  /** One measure per type, as the TDB has one {@code decision_*} per kind. */
  public static final int MAX_MEASURES = 4;

  private StatementOfReasonsValidator() {}

  public static List<Violation> validate(SuspensionRequest request, Instant now) {
    List<Violation> violations = new ArrayList<>();
    if (request == null) {
      violations.add(new Violation("", "a statement of reasons is required"));
      return violations;
    }
    if (blank(request.platformDecisionId())) {
      violations.add(new Violation("platformDecisionId", "the platform's decision id is required"));
    } else if (!DECISION_ID.matcher(request.platformDecisionId()).matches()) {
      violations.add(
          new Violation(
              "platformDecisionId", "must be 1 to 500 characters of A-Z, a-z, 0-9, _ and -"));
    }
    validateAccount(request, violations);
    validateMeasures(request, violations);
    validateGround(request, violations);
    if (blank(request.facts())) {
      violations.add(
          new Violation(
              "facts",
              "the facts and circumstances relied on are required (Art. 17(3)(b)): what happened,"
                  + " which items or transactions, when"));
    } else if (request.facts().strip().length() < MIN_FACTS_LENGTH) {
      violations.add(
          new Violation(
              "facts",
              "must describe the specific facts (at least "
                  + MIN_FACTS_LENGTH
                  + " characters): which items or transactions, and when"));
    } else {
      tooLong(request.facts(), MAX_FACTS, "facts", "decision_facts", violations);
    }
    if (blank(request.category())) {
      violations.add(new Violation("category", "the category of the violation is required"));
    } else if (!CATEGORIES.contains(request.category())) {
      violations.add(
          new Violation("category", "must be one of " + String.join(", ", sorted(CATEGORIES))));
    }
    if (request.automatedDetection() == null) {
      violations.add(
          new Violation(
              "automatedDetection",
              "must say whether automated means detected it (Art. 17(3)(c))"));
    }
    if (request.automatedDecision() == null) {
      violations.add(
          new Violation(
              "automatedDecision", "must say whether automated means decided it (Art. 17(3)(c))"));
    }
    if (blank(request.source())) {
      violations.add(
          new Violation(
              "source", "the source is required: a notice, a trusted flagger or own initiative"));
    } else if (!SOURCES.contains(request.source())) {
      violations.add(
          new Violation("source", "must be one of " + String.join(", ", sorted(SOURCES))));
    }
    if (blank(request.imposedBy())) {
      violations.add(new Violation("imposedBy", "who imposed the restriction is required"));
    } else {
      tooLong(request.imposedBy(), MAX_NAME, "imposedBy", null, violations);
    }
    if (request.imposedAt() == null) {
      violations.add(new Violation("imposedAt", "when the restriction was imposed is required"));
    } else if (request.imposedAt().isAfter(now.plusSeconds(300))) {
      violations.add(new Violation("imposedAt", "must not be in the future"));
    }
    return violations;
  }

  private static void validateAccount(SuspensionRequest request, List<Violation> violations) {
    var account = request.account();
    if (account == null) {
      violations.add(new Violation("account", "the restricted account is required"));
      return;
    }
    if (blank(account.accountId())) {
      violations.add(new Violation("account.accountId", "the account id is required"));
    } else {
      tooLong(account.accountId(), MAX_NAME, "account.accountId", null, violations);
    }
    if (blank(account.displayName())) {
      violations.add(new Violation("account.displayName", "the account holder's name is required"));
    } else {
      tooLong(account.displayName(), MAX_NAME, "account.displayName", null, violations);
    }
    tooLong(account.walletId(), MAX_NAME, "account.walletId", null, violations);
    if (account.locale() != null && !LOCALES.contains(account.locale())) {
      violations.add(
          new Violation("account.locale", "must be one of " + String.join(", ", sorted(LOCALES))));
    }
  }

  private static void validateMeasures(SuspensionRequest request, List<Violation> violations) {
    List<MeasureRequest> measures = request.measures();
    if (measures == null || measures.isEmpty()) {
      violations.add(
          new Violation(
              "measures",
              "at least one measure is required: what the decision does (Art. 17(3)(a))"));
      return;
    }
    if (measures.size() > MAX_MEASURES) {
      violations.add(
          new Violation(
              "measures",
              "must have at most "
                  + MAX_MEASURES
                  + " measures, one per type; it has "
                  + measures.size()));
      return;
    }
    boolean monetary = false;
    Set<MeasureType> types = EnumSet.noneOf(MeasureType.class);
    for (int i = 0; i < measures.size(); i++) {
      String at = "measures[" + i + "]";
      MeasureRequest m = measures.get(i);
      if (m == null) {
        violations.add(new Violation(at, "a measure is required"));
        continue;
      }
      if (m.type() == null) {
        violations.add(
            new Violation(at + ".type", "must be one of ACCOUNT, MONETARY, SERVICE, VISIBILITY"));
      } else if (!types.add(m.type())) {
        violations.add(
            new Violation(
                at + ".type",
                "a second "
                    + m.type()
                    + " measure: give one measure per type, with its whole scope (as the"
                    + " transparency database has one decision per kind)"));
      }
      if (blank(m.scope())) {
        violations.add(new Violation(at + ".scope", "what exactly is restricted is required"));
      } else {
        tooLong(m.scope(), MAX_SCOPE, at + ".scope", "decision_*_other", violations);
      }
      if (blank(m.territorialScope())) {
        violations.add(
            new Violation(at + ".territorialScope", "the territorial scope is required"));
      } else {
        tooLong(
            m.territorialScope(),
            MAX_TERRITORIAL_SCOPE,
            at + ".territorialScope",
            null,
            violations);
      }
      if (m.startsAt() == null) {
        violations.add(new Violation(at + ".startsAt", "the start is required"));
      }
      boolean indefinite = Boolean.TRUE.equals(m.indefinite());
      if (m.endsAt() == null && !indefinite) {
        violations.add(
            new Violation(
                at + ".endsAt", "the end is required, or indefinite: true (Art. 17(3)(a))"));
      }
      if (m.endsAt() != null && indefinite) {
        violations.add(new Violation(at + ".endsAt", "give an end or indefinite: true, not both"));
      }
      if (m.endsAt() != null && m.startsAt() != null && m.endsAt().isBefore(m.startsAt())) {
        violations.add(new Violation(at + ".endsAt", "must not be before startsAt (R-TDB-3)"));
      }
      if (m.type() == MeasureType.MONETARY) {
        monetary = true;
        validateMoney(m, at, violations);
      } else if (m.frozen() != null || m.legalHold() != null) {
        violations.add(new Violation(at + ".frozen", "only a MONETARY measure may freeze money"));
      }
    }
    if (monetary && (request.account() == null || blank(request.account().walletId()))) {
      violations.add(
          new Violation("account.walletId", "a MONETARY measure needs the account's wallet id"));
    }
  }

  private static void validateMoney(MeasureRequest m, String at, List<Violation> violations) {
    if (m.frozen() == null) {
      if (m.legalHold() != null) {
        violations.add(new Violation(at + ".frozen", "a legal hold needs the frozen amount"));
      }
      return;
    }
    Money frozen = null;
    if (m.frozen().minorUnits() == null || m.frozen().minorUnits() <= 0) {
      violations.add(
          new Violation(at + ".frozen.minorUnits", "must be a positive amount in minor units"));
    }
    try {
      if (m.frozen().minorUnits() != null && m.frozen().minorUnits() > 0) {
        frozen = Money.of(m.frozen().minorUnits(), m.frozen().currency());
      } else {
        Money.zero(m.frozen().currency());
      }
    } catch (RuntimeException e) {
      violations.add(new Violation(at + ".frozen.currency", "must be an ISO 4217 code like EUR"));
    }
    if (m.legalHold() != null) {
      if (m.legalHold().minorUnits() == null || m.legalHold().minorUnits() <= 0) {
        violations.add(
            new Violation(
                at + ".legalHold.minorUnits", "must be a positive amount in minor units"));
      } else if (frozen != null && m.legalHold().minorUnits() > frozen.minorUnits()) {
        violations.add(
            new Violation(at + ".legalHold.minorUnits", "must not exceed the frozen amount"));
      }
      if (blank(m.legalHold().legalReference())) {
        violations.add(
            new Violation(
                at + ".legalHold.legalReference", "the legal order behind the hold is required"));
      } else {
        tooLong(
            m.legalHold().legalReference(),
            MAX_LEGAL_REFERENCE,
            at + ".legalHold.legalReference",
            null,
            violations);
      }
    }
  }

  private static void validateGround(SuspensionRequest request, List<Violation> violations) {
    var ground = request.ground();
    if (ground == null) {
      violations.add(
          new Violation(
              "ground",
              "the ground is required: a terms clause (CONTRACTUAL) or a legal provision (ILLEGAL)"
                  + " with an explanation (Art. 17(3)(d)/(e))"));
      return;
    }
    if (ground.type() == null) {
      violations.add(new Violation("ground.type", "must be CONTRACTUAL or ILLEGAL"));
    }
    if (blank(ground.reference())) {
      violations.add(
          new Violation(
              "ground.reference",
              ground.type() == SuspensionCase.GroundType.ILLEGAL
                  ? "the legal provision relied on is required"
                  : "the versioned terms clause relied on is required"));
    } else {
      tooLong(
          ground.reference(),
          MAX_GROUND_REFERENCE,
          "ground.reference",
          "illegal_content_legal_ground / incompatible_content_ground",
          violations);
    }
    if (blank(ground.explanation())) {
      violations.add(
          new Violation(
              "ground.explanation",
              "an explanation of why this case breaches the ground is required"));
    } else if (ground.explanation().strip().length() < MIN_EXPLANATION_LENGTH
        || ground.explanation().strip().equalsIgnoreCase(String.valueOf(ground.reference()))) {
      violations.add(
          new Violation(
              "ground.explanation",
              "must explain this case in words (at least "
                  + MIN_EXPLANATION_LENGTH
                  + " characters); a reason code alone is not a statement of reasons (R-EU-2)"));
    } else {
      tooLong(
          ground.explanation(),
          MAX_GROUND_EXPLANATION,
          "ground.explanation",
          "illegal_content_explanation / incompatible_content_explanation",
          violations);
    }
  }

  /**
   * Adds a violation when the stripped value (what Redress stores) has more than {@code max}
   * characters; {@code tdbField} names the transparency database field that sets the limit, if any.
   *
   * @return true if it was too long
   */
  private static boolean tooLong(
      String value, int max, String field, String tdbField, List<Violation> violations) {
    if (value == null) {
      return false;
    }
    String stripped = value.strip();
    int length = stripped.codePointCount(0, stripped.length());
    if (length <= max) {
      return false;
    }
    violations.add(
        new Violation(
            field,
            "must be at most "
                + max
                + " characters"
                + (tdbField == null
                    ? ""
                    : " (the EU transparency database's limit for " + tdbField + ")")
                + "; it has "
                + length));
    return true;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
