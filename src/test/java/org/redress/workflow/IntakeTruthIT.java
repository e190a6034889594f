package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8, points 1 and 5 through the public API: notices, the case view and the history state the
 * money the ledger froze, released and paid out, not the amounts a statement named; intake refuses
 * what it cannot honour or store (unknown wallets, over-long fields, huge or malformed bodies) and
 * lists every problem of a statement in one 422.
 */
class IntakeTruthIT extends WorkflowTestBase {

  @Autowired JdbcClient jdbc;

  // --- point 1: facts, not requests ------------------------------------------------------------

  @Test
  void shouldRefuseWith422AndStoreNothingWhenAMonetaryMeasureNamesAWalletTheLedgerDoesNotKnow() {
    // given a statement whose wallet the ledger never opened, and without facts
    Map<String, Object> body = statement("u-nowallet", "w-unknown-" + uuid(), 5_000, null);
    body.remove("facts");

    // when
    ResponseEntity<Map<String, Object>> response = api.post(PLATFORM, "/api/suspensions", body);

    // then one 422 lists the unknown wallet with the other problem, and nothing is stored
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).containsEntry("code", "STATEMENT_OF_REASONS_INCOMPLETE");
    assertThat(errors(response)).containsKeys("account.walletId", "facts");
    assertThat(errors(response).get("account.walletId")).contains("w-unknown-");
    assertThat(casesOfDecision(body)).isZero();
  }

  @Test
  void shouldFreezeWhatTheWalletHoldsAndSaySoWhenItHoldsLessThanTheStatementNames() {
    // given a wallet with 30.00 EUR and a statement naming 50.00 EUR
    Account user = account(Money.of(3_000, "EUR"));

    // when
    String caseId = suspend(user, 5_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);

    // then the ledger froze 30.00 EUR, and the notice says exactly that and why
    assertThat(funds.assessReleasable(caseId).frozen()).containsExactly(Money.of(3_000, "EUR"));
    String notice = notice(caseId, NoticeKind.SUSPENSION).body();
    assertThat(notice)
        .contains("Money frozen in your wallet: 30.00 EUR.")
        .contains(
            "The decision names 50.00 EUR to freeze, but your wallet had only 30.00 EUR"
                + " available, so only 30.00 EUR is frozen.")
        .doesNotContain("Money frozen in your wallet: 50.00 EUR");

    // and the case view shows requested vs frozen, and the ledger's current holdings
    Map<String, Object> view = api.get(ALICE, "/api/cases/" + caseId).getBody();
    Map<String, Object> monetary = measure(view, "MONETARY");
    assertThat(monetary)
        .containsEntry("frozenRequested", "50.00 EUR")
        .containsEntry("frozen", "30.00 EUR")
        .containsEntry("frozenShort", true);
    assertThat(fundsOf(view)).containsEntry("frozen", List.of("30.00 EUR"));

    // and the auditor's history says what was frozen, and what was named
    assertThat(historyEntries(caseId))
        .filteredOn(e -> "FUNDS_FROZEN".equals(e.get("action")))
        .extracting(e -> (String) e.get("summary"))
        .singleElement()
        .satisfies(s -> assertThat(s).startsWith("30.00 EUR frozen").contains("named 50.00 EUR"));
  }

  @Test
  void shouldStateLedgerFactsWhenADemoLikeSuspensionRunsAgainOnTheSameWallet() {
    // given docs/demo.sh's first run: 800.00 frozen (300.00 by a court order) of 1200.00, upheld,
    // so 500.00 is released and paid out and 300.00 stays legally held
    Account user = account(Money.of(120_000, "EUR"));
    String first = suspend(user, 80_000, 30_000L, "bob");
    awaitStatus(first, CaseStatus.NOTIFIED);
    appealAndDecide(first, "UPHOLD", ALICE);
    awaitProcessCompleted(first);

    // then the release and decision notices and the case view state the ledger's facts
    assertThat(notice(first, NoticeKind.FUNDS_RELEASED).body())
        .contains("money released from the freeze: 500.00 EUR.")
        .containsPattern("Paid out to your verified account \\*+[0-9A-Za-z]{4}: 500\\.00 EUR\\.")
        .contains("Still held because of a legal order")
        .contains("300.00 EUR");
    assertThat(notice(first, NoticeKind.DECISION).body())
        .contains("Money released from the freeze: 500.00 EUR.")
        .contains("Paid out to your verified account: 500.00 EUR.")
        .contains(
            "Held because of a legal order, which only the ordering authority can lift: 300.00"
                + " EUR.")
        .doesNotContain("Still frozen under this case");
    Map<String, Object> firstView = api.get(ALICE, "/api/cases/" + first).getBody();
    assertThat(fundsOf(firstView))
        .containsEntry("frozen", List.of("300.00 EUR"))
        .containsEntry("legallyHeld", List.of("300.00 EUR"))
        .containsEntry("released", List.of("500.00 EUR"))
        .containsEntry("paidOut", List.of("500.00 EUR"));
    assertThat(historyEntries(first))
        .filteredOn(e -> "FUNDS_PAID_OUT".equals(e.get("action")))
        .extracting(e -> (String) e.get("summary"))
        .singleElement()
        .satisfies(s -> assertThat(s).startsWith("500.00 EUR paid out to verified account *"));

    // when the same statement is reported again (demo.sh run twice): only 400.00 is available
    String second = suspend(user, 80_000, 30_000L, "bob");
    awaitStatus(second, CaseStatus.NOTIFIED);

    // then 400.00 is frozen, 300.00 of it under the legal hold, and the notice says so
    assertThat(notice(second, NoticeKind.SUSPENSION).body())
        .contains("Money frozen in your wallet: 400.00 EUR.")
        .contains("Of this, held because of a legal order: 300.00 EUR (Court order 2026/77).")
        .contains("The decision names 800.00 EUR to freeze, but your wallet had only 400.00 EUR")
        .doesNotContain("Money frozen in your wallet: 800.00 EUR");
    assertThat(measure(api.get(ALICE, "/api/cases/" + second).getBody(), "MONETARY"))
        .containsEntry("frozenRequested", "800.00 EUR")
        .containsEntry("frozen", "400.00 EUR")
        .containsEntry("legalHoldRequested", "300.00 EUR")
        .containsEntry("legallyHeld", "300.00 EUR");

    // when a third run finds the wallet drained
    String third = suspend(user, 80_000, 30_000L, "bob");
    awaitStatus(third, CaseStatus.NOTIFIED);

    // then nothing is frozen, and neither the notice, the view nor the history claims otherwise
    assertThat(funds.assessReleasable(third).frozen()).isEmpty();
    assertThat(notice(third, NoticeKind.SUSPENSION).body())
        .contains(
            "The decision names 800.00 EUR to freeze, but your wallet had no available money in"
                + " that currency, so nothing was frozen.")
        .doesNotContain("Money frozen in your wallet")
        .doesNotContain("held because of a legal order");
    Map<String, Object> thirdView = api.get(ALICE, "/api/cases/" + third).getBody();
    assertThat(measure(thirdView, "MONETARY")).containsEntry("frozen", "0.00 EUR");
    assertThat(fundsOf(thirdView)).containsEntry("frozen", List.of());
    assertThat(historyEntries(third))
        .extracting(e -> e.get("action"))
        .contains("FUNDS_NOT_FROZEN")
        .doesNotContain("FUNDS_FROZEN");
  }

  // --- point 5: intake takes only what it can honour -------------------------------------------

  @Test
  void shouldAnswer422NamingFieldAndLimitAndStoreNothingWhenFactsAreTooLong() {
    // given facts one character over the transparency database's 5,000
    Account user = account(Money.of(1_000, "EUR"));
    Map<String, Object> body = statement(user.accountId(), user.walletId(), 1_000, null);
    body.put("facts", "x".repeat(5_001));

    // when
    ResponseEntity<Map<String, Object>> response = api.post(PLATFORM, "/api/suspensions", body);

    // then
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(errors(response))
        .containsOnlyKeys("facts")
        .containsEntry(
            "facts",
            "must be at most 5000 characters (the EU transparency database's limit for"
                + " decision_facts); it has 5001");
    assertThat(casesOfDecision(body)).isZero();
  }

  @Test
  void shouldAnswer413ProblemWhenTheBodyIsOverTheLimitWithOrWithoutItsLength() throws Exception {
    // given a statement with 1 MiB of facts
    Map<String, Object> body = statement("u-big", "w-big", 1_000, null);
    body.put("facts", "x".repeat(1024 * 1024));
    byte[] json = new ObjectMapper().writeValueAsBytes(body);

    // when it is sent with its length, and chunked without one
    ResponseEntity<Map<String, Object>> declared =
        api.postRaw(PLATFORM, "/api/suspensions", new String(json, StandardCharsets.UTF_8));
    HttpResponse<String> chunked =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/suspensions"))
                    .header("Authorization", PLATFORM.authorization())
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofInputStream(
                            () -> new ByteArrayInputStream(json)))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    // then both are refused with a 413 problem detail, and nothing is stored
    assertThat(declared.getStatusCode().value()).isEqualTo(413);
    assertThat(declared.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(declared.getBody()).containsEntry("code", "REQUEST_TOO_LARGE");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(chunked.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"");
    assertThat(casesOfDecision(body)).isZero();
  }

  @Test
  void shouldAnswer400ProblemWhenJsonHasTrailingContentDuplicateKeysOrUnknownFields()
      throws Exception {
    // given a complete statement followed by a second JSON value, and one with a repeated key
    Account user = account(Money.of(1_000, "EUR"));
    Map<String, Object> body = statement(user.accountId(), user.walletId(), 1_000, null);
    String json = new ObjectMapper().writeValueAsString(body);
    String duplicate = json.replaceFirst("\\{", "{\"facts\":\"short\",");

    // when
    ResponseEntity<Map<String, Object>> trailing =
        api.postRaw(PLATFORM, "/api/suspensions", json + " {\"imposedBy\": \"mallory\"}");
    ResponseEntity<Map<String, Object>> repeated =
        api.postRaw(PLATFORM, "/api/suspensions", duplicate);

    // then both are 400 problem details, and nothing is stored
    for (ResponseEntity<Map<String, Object>> response : List.of(trailing, repeated)) {
      assertThat(response.getStatusCode().value()).isEqualTo(400);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody()).containsEntry("code", "MALFORMED_REQUEST");
    }
    assertThat((String) trailing.getBody().get("detail")).contains("content after the JSON value");
    assertThat((String) repeated.getBody().get("detail")).contains("Duplicate field 'facts'");
    assertThat(casesOfDecision(body)).isZero();

    // and the appeal endpoint refuses trailing content too, storing no appeal
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    ResponseEntity<Map<String, Object>> appeal =
        api.postRaw(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            "{\"statement\": \"These were refunds\"} {\"statement\": \"second\"}");
    assertThat(appeal.getStatusCode().value()).isEqualTo(400);
    assertThat(appeal.getBody()).containsEntry("code", "MALFORMED_REQUEST");
    assertThat((String) appeal.getBody().get("detail"))
        .contains("content after the JSON value")
        .doesNotContain("org.redress");
    // and a misspelt field is not silently dropped (talkToPerson would be lost)
    ResponseEntity<Map<String, Object>> misspelt =
        api.post(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "These were refunds", "talkToPersn", true));
    assertThat(misspelt.getStatusCode().value()).isEqualTo(400);
    assertThat((String) misspelt.getBody().get("detail"))
        .contains("field talkToPersn is not known here");
    assertThat((List<?>) api.get(ALICE, "/api/cases/" + caseId).getBody().get("appeals")).isEmpty();
  }

  @Test
  void shouldRefuseADecisionWithTrailingContentAndKeepTheTaskOpen() {
    // given a claimed review task
    Account user = account(Money.of(1_000, "EUR"));
    String caseId = suspend(user, 1_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    api.post(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "Why"));
    long task = awaitReviewTask(caseId);
    assertThat(
            api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(200);

    // when a decision arrives with a second JSON value after it
    ResponseEntity<Map<String, Object>> decision =
        api.postRaw(
            ALICE,
            "/api/review/tasks/" + task + "/decision",
            "{\"outcome\": \"OVERTURN\", \"rationale\": \"The receipts match the refunds\","
                + " \"policyReference\": \"Payments policy 3.1\"} {\"outcome\": \"UPHOLD\"}");

    // then it is a 400 problem and the task stays open with its assignee
    assertThat(decision.getStatusCode().value()).isEqualTo(400);
    assertThat(decision.getBody()).containsEntry("code", "MALFORMED_REQUEST");
    assertThat(api.get(ALICE, "/api/review/tasks/" + task).getBody())
        .containsEntry("state", "CREATED")
        .containsEntry("assignee", "alice");
  }

  @Test
  void shouldListABadEnumAnUnknownFieldAndAMissingFieldInOne422() {
    // given an unknown measure type and category, a misspelt field and no facts
    Account user = account(Money.of(1_000, "EUR"));
    Map<String, Object> body = statement(user.accountId(), user.walletId(), 1_000, null);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> measures = (List<Map<String, Object>>) body.get("measures");
    measures.get(0).put("type", "BANANA");
    body.put("category", "STATEMENT_CATEGORY_NOPE");
    body.put("imposedAtt", body.get("imposedAt"));
    body.remove("facts");

    // when
    ResponseEntity<Map<String, Object>> response = api.post(PLATFORM, "/api/suspensions", body);

    // then one 422 lists all four, each once
    assertThat(response.getStatusCode().value()).isEqualTo(422);
    assertThat(response.getBody()).containsEntry("code", "STATEMENT_OF_REASONS_INCOMPLETE");
    assertThat(errors(response))
        .containsOnlyKeys("measures[0].type", "category", "imposedAtt", "facts");
    assertThat(errors(response).get("measures[0].type"))
        .isEqualTo("must be one of ACCOUNT, MONETARY, SERVICE, VISIBILITY");
    assertThat(casesOfDecision(body)).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldDocumentTheStatementSchemaWithItsFieldLimitsInTheOpenApiDocument() {
    // when
    Map<String, Object> docs = api.get(ALICE, "/v3/api-docs").getBody();

    // then the intake's body is documented (it is read by hand) with the limits it enforces
    Map<String, Object> schemas =
        (Map<String, Object>) ((Map<String, Object>) docs.get("components")).get("schemas");
    Map<String, Object> statement =
        (Map<String, Object>)
            ((Map<String, Object>) schemas.get("SuspensionRequest")).get("properties");
    assertThat((Map<String, Object>) statement.get("facts")).containsEntry("maxLength", 5000);
    assertThat((Map<String, Object>) statement.get("measures")).containsEntry("maxItems", 4);
    Map<String, Object> ground =
        (Map<String, Object>) ((Map<String, Object>) schemas.get("Ground")).get("properties");
    assertThat((Map<String, Object>) ground.get("explanation")).containsEntry("maxLength", 2000);
    Map<String, Object> post =
        (Map<String, Object>)
            ((Map<String, Object>)
                    ((Map<String, Object>) docs.get("paths")).get("/api/suspensions"))
                .get("post");
    assertThat(post.get("requestBody").toString()).contains("SuspensionRequest");
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A complete statement as {@link #suspend} sends it, as a mutable map. */
  Map<String, Object> statement(
      String accountId, String walletId, long frozenMinor, Long legalHoldMinor) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("accountId", accountId);
    account.put("displayName", "Test User");
    account.put("locale", "en");
    account.put("walletId", walletId);
    Map<String, Object> restriction = new LinkedHashMap<>();
    restriction.put("type", "ACCOUNT");
    restriction.put("scope", "Log-in and messaging disabled");
    restriction.put("territorialScope", "EU");
    restriction.put("startsAt", engineClock.now().toString());
    restriction.put("indefinite", true);
    Map<String, Object> monetary = new LinkedHashMap<>();
    monetary.put("type", "MONETARY");
    monetary.put("scope", "Wallet balance frozen");
    monetary.put("territorialScope", "worldwide");
    monetary.put("startsAt", engineClock.now().toString());
    monetary.put("indefinite", true);
    monetary.put("frozen", Map.of("minorUnits", frozenMinor, "currency", "EUR"));
    if (legalHoldMinor != null) {
      monetary.put(
          "legalHold",
          Map.of("minorUnits", legalHoldMinor, "legalReference", "Court order 2026/77"));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("platformDecisionId", "mod-" + uuid());
    body.put("account", account);
    body.put("measures", new java.util.ArrayList<>(List.of(restriction, monetary)));
    body.put(
        "ground",
        Map.of(
            "type", "CONTRACTUAL",
            "reference", "Terms of Service v4.2, section 7.3",
            "explanation", "The account sent payment requests to strangers in bulk"));
    body.put(
        "facts",
        "On 2026-11-20 between 14:00 and 15:00 UTC the account sent 340 payment requests.");
    body.put("category", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD");
    body.put("automatedDetection", true);
    body.put("automatedDecision", false);
    body.put("source", "SOURCE_VOLUNTARY");
    body.put("imposedBy", "bob");
    body.put("imposedAt", engineClock.now().toString());
    return body;
  }

  /** The problem's errors as field → message (each field listed once). */
  @SuppressWarnings("unchecked")
  static Map<String, String> errors(ResponseEntity<Map<String, Object>> response) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (Map<String, String> e : (List<Map<String, String>>) response.getBody().get("errors")) {
      assertThat(byField.put(e.get("field"), e.get("message")))
          .as("field %s listed twice", e.get("field"))
          .isNull();
    }
    return byField;
  }

  long casesOfDecision(Map<String, Object> body) {
    return jdbc.sql("SELECT count(*) FROM redress.suspension_case WHERE platform_decision_id = :id")
        .param("id", body.get("platformDecisionId"))
        .query(Long.class)
        .single();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> measure(Map<String, Object> view, String type) {
    return ((List<Map<String, Object>>) view.get("measures"))
        .stream().filter(m -> type.equals(m.get("type"))).findFirst().orElseThrow();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> fundsOf(Map<String, Object> view) {
    return (Map<String, Object>) view.get("funds");
  }

  List<Map<String, Object>> historyEntries(String caseId) {
    ResponseEntity<Map<String, Object>> history =
        api.get(DAVE_AUDITOR, "/api/cases/" + caseId + "/history");
    assertThat(history.getStatusCode().value()).isEqualTo(200);
    return entries(history.getBody());
  }

  static String uuid() {
    return UUID.randomUUID().toString();
  }
}
