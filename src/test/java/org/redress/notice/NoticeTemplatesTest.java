package org.redress.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

  static final Instant AT = Instant.parse("2027-05-23T10:00:00Z");

  final NoticeTemplates templates =
      new NoticeTemplates(
          new NoticeProperties(
              NoticeProperties.ChannelKind.LOCAL,
              Duration.ofSeconds(1),
              20,
              new NoticeProperties.Http(null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
              null,
              null));

  static Map<String, Object> suspension() {
    Map<String, Object> measure = new LinkedHashMap<>();
    measure.put("type", "ACCOUNT");
    measure.put("scope", "Log-in disabled");
    measure.put("territorialScope", "EU");
    measure.put("startsAt", AT);
    measure.put("endsAt", null);
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", "case-1");
    model.put("caseLink", "http://localhost/api/cases/case-1?token=abc.def");
    model.put("recipientName", "Li Wei");
    model.put("measures", List.of(measure));
    model.put("groundType", "CONTRACTUAL");
    model.put("groundReference", "Terms of Service v4.2, section 7.3");
    model.put("groundExplanation", "Bulk payment requests to strangers");
    model.put("facts", "340 payment requests on 2026-11-20");
    model.put("automatedDetection", true);
    model.put("automatedDecision", false);
    model.put("source", "SOURCE_VOLUNTARY");
    model.put("appealDeadline", AT);
    model.put("frozen", List.of("500.00 EUR"));
    model.put("legallyHeld", List.of("200.00 EUR (Court order 2026/77)"));
    return model;
  }

  @Test
  void shouldDiscloseTheFullStatementAndEveryRedressRouteInTheSuspensionNotice() {
    NoticeTemplates.Rendered en =
        templates.render(NoticeKind.SUSPENSION, Locale.ENGLISH, suspension());

    assertThat(en.subject()).isEqualTo("Your account has been restricted (case case-1)");
    assertThat(en.body())
        .contains("Account: Log-in disabled, territorial scope: EU")
        .contains("How this came to us: our own review")
        .contains("indefinite")
        .contains("Terms of Service v4.2, section 7.3")
        .contains("Bulk payment requests to strangers")
        .contains("340 payment requests on 2026-11-20")
        .contains("Detected by automated means: yes")
        .contains("Decided by automated means: no")
        .contains("until 23 May 2027, 10:00 UTC")
        .contains("?token=abc.def")
        .contains("500.00 EUR")
        .contains("Court order 2026/77")
        .contains("Article 21")
        .contains("court");
  }

  @Test
  void shouldRenderEveryKindInChineseAndEnglish() {
    Map<NoticeKind, Map<String, Object>> models = new LinkedHashMap<>();
    models.put(NoticeKind.SUSPENSION, suspension());
    models.put(
        NoticeKind.APPEAL_RECEIVED,
        Map.of(
            "caseId",
            "case-1",
            "caseLink",
            "L",
            "appealId",
            "a-1",
            "receivedAt",
            AT,
            "humanContact",
            true));
    models.put(
        NoticeKind.INFORMATION_REQUESTED,
        Map.of(
            "caseId",
            "case-1",
            "caseLink",
            "L",
            "appealId",
            "a-1",
            "question",
            "Whose account is IBAN ...42?",
            "replyBy",
            AT));
    models.put(
        NoticeKind.DECISION,
        Map.of(
            "caseId",
            "case-1",
            "caseLink",
            "L",
            "appealId",
            "a-1",
            "outcome",
            "UPHOLD",
            "rationale",
            "The log confirms it",
            "policyReference",
            "ToS 7.3",
            "decidedBy",
            "Alice Reviewer",
            "decidedAt",
            AT));
    models.put(
        NoticeKind.FUNDS_RELEASED,
        Map.of(
            "caseId",
            "case-1",
            "caseLink",
            "L",
            "released",
            List.of("300.00 EUR"),
            "legallyHeld",
            List.of("200.00 EUR")));
    for (var entry : models.entrySet()) {
      for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
        NoticeTemplates.Rendered r = templates.render(entry.getKey(), locale, entry.getValue());
        assertThat(r.subject()).as("%s %s", entry.getKey(), locale).contains("case-1");
        assertThat(r.body()).as("%s %s", entry.getKey(), locale).isNotBlank().doesNotContain("${");
      }
    }
    String zh =
        templates
            .render(NoticeKind.DECISION, Locale.SIMPLIFIED_CHINESE, models.get(NoticeKind.DECISION))
            .body();
    assertThat(zh).contains("维持").contains("人民法院").contains("2027年5月23日 10:00（UTC）");
    String en =
        templates
            .render(
                NoticeKind.FUNDS_RELEASED, Locale.ENGLISH, models.get(NoticeKind.FUNDS_RELEASED))
            .body();
    assertThat(en).contains("300.00 EUR").contains("legal order").contains("200.00 EUR");
  }

  @Test
  void shouldFallBackToEnglishForOtherLanguages() {
    assertThat(templates.render(NoticeKind.SUSPENSION, Locale.FRENCH, suspension()).languageTag())
        .isEqualTo("en");
  }

  @Test
  void shouldRefuseAModelWithoutARequiredValue() {
    Map<String, Object> model = suspension();
    model.remove("facts");

    assertThatThrownBy(() -> templates.render(NoticeKind.SUSPENSION, Locale.ENGLISH, model))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'facts'");
  }

  @Test
  void shouldStateTheFrozenAmountAndTheShortfallWhenLessWasFrozenThanNamed() {
    // given a freeze that found 400.00 of the 800.00 named, and one that found nothing
    Map<String, Object> model = suspension();
    model.put("frozen", List.of("400.00 CNY"));
    model.put("legallyHeld", List.of());
    model.put(
        "shortfalls",
        List.of(
            Map.of("requested", "800.00 CNY", "frozen", "400.00 CNY", "nothingFrozen", false),
            Map.of("requested", "50.00 EUR", "frozen", "0.00 EUR", "nothingFrozen", true)));

    // when
    String en = templates.render(NoticeKind.SUSPENSION, Locale.ENGLISH, model).body();
    String zh = templates.render(NoticeKind.SUSPENSION, Locale.SIMPLIFIED_CHINESE, model).body();

    // then both languages state the frozen amount and each shortfall, never the amount named
    assertThat(en)
        .contains("Money frozen in your wallet: 400.00 CNY.")
        .contains(
            "The decision names 800.00 CNY to freeze, but your wallet had only 400.00 CNY"
                + " available, so only 400.00 CNY is frozen.")
        .contains(
            "The decision names 50.00 EUR to freeze, but your wallet had no available money in"
                + " that currency, so nothing was frozen.")
        .doesNotContain("held because of a legal order");
    assertThat(zh)
        .contains("您钱包中被冻结的资金：400.00 CNY。")
        .contains("决定载明冻结 800.00 CNY，但您的钱包中可用资金仅有 400.00 CNY，因此实际冻结 400.00 CNY。")
        .contains("决定载明冻结 50.00 EUR，但您的钱包中没有该币种的可用资金，因此未冻结任何资金。");
  }

  @Test
  void shouldStateOnlyTheLedgerFactsItIsGivenInTheDecisionNotice() {
    // given an upheld decision after which 500.00 was released and paid out, 300.00 legally held
    Map<String, Object> model = new HashMap<>();
    model.put("caseId", "case-1");
    model.put("caseLink", "L");
    model.put("appealId", "a-1");
    model.put("outcome", "UPHOLD");
    model.put("rationale", "The log confirms it");
    model.put("policyReference", "ToS 7.3");
    model.put("decidedBy", "Alice Reviewer");
    model.put("decidedAt", AT);
    model.put("released", List.of("500.00 EUR"));
    model.put("paidOut", List.of("500.00 EUR"));
    model.put("stillFrozen", List.of());
    model.put("legallyHeld", List.of("300.00 EUR"));
    Map<String, Object> noMoney = new HashMap<>(model);
    noMoney.put("outcome", "OVERTURN");
    noMoney.put("released", List.of());
    noMoney.put("paidOut", List.of());
    noMoney.put("legallyHeld", List.of());

    // when
    String upheld = templates.render(NoticeKind.DECISION, Locale.ENGLISH, model).body();
    String overturned = templates.render(NoticeKind.DECISION, Locale.ENGLISH, noMoney).body();

    // then
    assertThat(upheld)
        .contains("Money released from the freeze: 500.00 EUR.")
        .contains("Paid out to your verified account: 500.00 EUR.")
        .contains("legal order, which only the ordering authority can lift: 300.00 EUR.")
        .doesNotContain("Still frozen");
    assertThat(overturned)
        .contains("we lifted the restriction of your account.")
        .doesNotContainIgnoringCase("money")
        .doesNotContain("released");
  }
}
