package org.redress.suspension;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redress.suspension.StatementOfReasonsValidator.Violation;
import org.redress.suspension.SuspensionRequest.AccountRef;
import org.redress.suspension.SuspensionRequest.Amount;
import org.redress.suspension.SuspensionRequest.Ground;
import org.redress.suspension.SuspensionRequest.LegalHold;
import org.redress.suspension.SuspensionRequest.MeasureRequest;

class StatementOfReasonsValidatorTest {

  static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  static SuspensionRequest complete() {
    return new SuspensionRequest(
        "mod-2026-000123",
        new AccountRef("u-1001", "Li Wei", "zh-CN", "w-1001"),
        List.of(
            new MeasureRequest(
                MeasureType.ACCOUNT,
                "Log-in and messaging disabled",
                "EU",
                NOW.minusSeconds(60),
                null,
                true,
                null,
                null),
            new MeasureRequest(
                MeasureType.MONETARY,
                "Wallet balance frozen",
                "worldwide",
                NOW.minusSeconds(60),
                null,
                true,
                new Amount(50_000L, "EUR"),
                new LegalHold(20_000L, "Court order 2026/77"))),
        new Ground(
            SuspensionCase.GroundType.CONTRACTUAL,
            "Terms of Service v4.2, section 7.3",
            "The account sent 340 identical payment requests to strangers within one hour"),
        "On 2026-11-20 between 14:00 and 15:00 UTC the account sent 340 payment requests.",
        "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
        true,
        false,
        "SOURCE_VOLUNTARY",
        "bob",
        NOW.minusSeconds(120));
  }

  @Test
  void shouldAcceptACompleteStatement() {
    assertThat(StatementOfReasonsValidator.validate(complete(), NOW)).isEmpty();
  }

  @Test
  void shouldListEveryMissingElementWhenTheStatementIsEmpty() {
    SuspensionRequest empty =
        new SuspensionRequest(null, null, null, null, null, null, null, null, null, null, null);

    List<Violation> violations = StatementOfReasonsValidator.validate(empty, NOW);

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "platformDecisionId",
            "account",
            "measures",
            "ground",
            "facts",
            "category",
            "automatedDetection",
            "automatedDecision",
            "source",
            "imposedBy",
            "imposedAt");
  }

  @Test
  void shouldRefuseAReasonCodeWithoutACaseSpecificExplanation() {
    SuspensionRequest r = complete();
    SuspensionRequest codeOnly =
        new SuspensionRequest(
            r.platformDecisionId(),
            r.account(),
            r.measures(),
            new Ground(SuspensionCase.GroundType.CONTRACTUAL, "TOS_7_3", "TOS_7_3"),
            "spam",
            r.category(),
            r.automatedDetection(),
            r.automatedDecision(),
            r.source(),
            r.imposedBy(),
            r.imposedAt());

    assertThat(StatementOfReasonsValidator.validate(codeOnly, NOW))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder("ground.explanation", "facts");
  }

  @Test
  void shouldRequireEndOrIndefiniteAndTerritorialScopeOfEveryMeasure() {
    SuspensionRequest r = complete();
    SuspensionRequest vague =
        new SuspensionRequest(
            r.platformDecisionId(),
            r.account(),
            List.of(
                new MeasureRequest(
                    MeasureType.SERVICE, "No live streams", " ", NOW, null, null, null, null),
                new MeasureRequest(
                    MeasureType.VISIBILITY,
                    "Posts hidden",
                    "EU",
                    NOW,
                    NOW.minusSeconds(1),
                    null,
                    null,
                    null)),
            r.ground(),
            r.facts(),
            r.category(),
            r.automatedDetection(),
            r.automatedDecision(),
            r.source(),
            r.imposedBy(),
            r.imposedAt());

    assertThat(StatementOfReasonsValidator.validate(vague, NOW))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "measures[0].territorialScope", "measures[0].endsAt", "measures[1].endsAt");
  }

  @Test
  void shouldRefuseALegalHoldLargerThanTheFrozenAmountAndUnknownCodes() {
    SuspensionRequest r = complete();
    SuspensionRequest wrong =
        new SuspensionRequest(
            "bad id with spaces",
            new AccountRef("u-1001", "Li Wei", "fr", "w-1001"),
            List.of(
                new MeasureRequest(
                    MeasureType.MONETARY,
                    "Wallet frozen",
                    "worldwide",
                    NOW,
                    null,
                    true,
                    new Amount(100L, "EUR"),
                    new LegalHold(200L, " "))),
            r.ground(),
            r.facts(),
            "SPAM",
            r.automatedDetection(),
            r.automatedDecision(),
            "SOMEONE",
            r.imposedBy(),
            NOW.plusSeconds(3600));

    assertThat(StatementOfReasonsValidator.validate(wrong, NOW))
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "platformDecisionId",
            "account.locale",
            "measures[0].legalHold.minorUnits",
            "measures[0].legalHold.legalReference",
            "category",
            "source",
            "imposedAt");
  }

  @Test
  void shouldNeedTheWalletForAMonetaryMeasure() {
    SuspensionRequest r = complete();
    SuspensionRequest noWallet =
        new SuspensionRequest(
            r.platformDecisionId(),
            new AccountRef("u-1001", "Li Wei", "en", null),
            r.measures(),
            r.ground(),
            r.facts(),
            r.category(),
            r.automatedDetection(),
            r.automatedDecision(),
            r.source(),
            r.imposedBy(),
            r.imposedAt());

    assertThat(StatementOfReasonsValidator.validate(noWallet, NOW))
        .extracting(Violation::field)
        .containsExactly("account.walletId");
  }

  @Test
  void shouldAcceptEveryTextFieldAtItsTransparencyDatabaseLimit() {
    // given every text field exactly at its limit, counted in characters (code points): CJK and
    // characters outside the BMP count once, as the transparency database counts them
    SuspensionRequest atLimit =
        withTexts(
            "中".repeat(StatementOfReasonsValidator.MAX_FACTS),
            "x".repeat(StatementOfReasonsValidator.MAX_GROUND_REFERENCE),
            "\uD83D\uDE00".repeat(StatementOfReasonsValidator.MAX_GROUND_EXPLANATION),
            "s".repeat(StatementOfReasonsValidator.MAX_SCOPE),
            "t".repeat(StatementOfReasonsValidator.MAX_TERRITORIAL_SCOPE),
            "l".repeat(StatementOfReasonsValidator.MAX_LEGAL_REFERENCE),
            "n".repeat(StatementOfReasonsValidator.MAX_NAME));

    // then nothing is refused
    assertThat(StatementOfReasonsValidator.validate(atLimit, NOW)).isEmpty();
  }

  @Test
  void shouldNameFieldAndLimitWhenEveryTextFieldIsOneCharacterTooLong() {
    // given every text field one character over its limit
    SuspensionRequest over =
        withTexts(
            "f".repeat(5_001),
            "r".repeat(501),
            "e".repeat(2_001),
            "s".repeat(501),
            "t".repeat(201),
            "l".repeat(501),
            "n".repeat(201));

    // when
    List<Violation> violations = StatementOfReasonsValidator.validate(over, NOW);

    // then each is listed with its limit; the TDB-bound ones name the TDB field
    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "facts",
            "ground.reference",
            "ground.explanation",
            "measures[0].scope",
            "measures[0].territorialScope",
            "measures[1].scope",
            "measures[1].territorialScope",
            "measures[1].legalHold.legalReference",
            "account.accountId",
            "account.displayName",
            "account.walletId",
            "imposedBy");
    assertThat(violations)
        .filteredOn(v -> v.field().equals("facts"))
        .extracting(Violation::message)
        .containsExactly(
            "must be at most 5000 characters (the EU transparency database's limit for"
                + " decision_facts); it has 5001");
    assertThat(violations)
        .filteredOn(v -> v.field().equals("ground.explanation"))
        .extracting(Violation::message)
        .allMatch(m -> m.contains("at most 2000") && m.contains("it has 2001"));
  }

  @Test
  void shouldRefuseASecondMeasureOfTheSameTypeAndMoreThanOnePerType() {
    SuspensionRequest r = complete();
    MeasureRequest account = r.measures().get(0);
    SuspensionRequest twice = withMeasures(r, List.of(account, account));
    SuspensionRequest five = withMeasures(r, List.of(account, account, account, account, account));

    assertThat(StatementOfReasonsValidator.validate(twice, NOW))
        .extracting(Violation::field)
        .containsExactly("measures[1].type");
    assertThat(StatementOfReasonsValidator.validate(five, NOW))
        .extracting(Violation::message)
        .containsExactly("must have at most 4 measures, one per type; it has 5");
  }

  private static SuspensionRequest withMeasures(
      SuspensionRequest r, List<MeasureRequest> measures) {
    return new SuspensionRequest(
        r.platformDecisionId(),
        r.account(),
        measures,
        r.ground(),
        r.facts(),
        r.category(),
        r.automatedDetection(),
        r.automatedDecision(),
        r.source(),
        r.imposedBy(),
        r.imposedAt());
  }

  private static SuspensionRequest withTexts(
      String facts,
      String reference,
      String explanation,
      String scope,
      String territorialScope,
      String legalReference,
      String name) {
    SuspensionRequest r = complete();
    List<MeasureRequest> measures =
        r.measures().stream()
            .map(
                m ->
                    new MeasureRequest(
                        m.type(),
                        scope,
                        territorialScope,
                        m.startsAt(),
                        m.endsAt(),
                        m.indefinite(),
                        m.frozen(),
                        m.legalHold() == null
                            ? null
                            : new LegalHold(m.legalHold().minorUnits(), legalReference)))
            .toList();
    return new SuspensionRequest(
        r.platformDecisionId(),
        new AccountRef(name, name, "en", name),
        measures,
        new Ground(SuspensionCase.GroundType.CONTRACTUAL, reference, explanation),
        facts,
        r.category(),
        r.automatedDetection(),
        r.automatedDecision(),
        r.source(),
        name,
        r.imposedAt());
  }
}
