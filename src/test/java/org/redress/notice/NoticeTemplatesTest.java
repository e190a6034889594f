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
}
