package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.search.enums.ProcessInstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.redress.engine.EngineClock;
import org.redress.funds.DepositCommand;
import org.redress.funds.FundsEvent;
import org.redress.funds.FundsService;
import org.redress.funds.PayoutDestination;
import org.redress.funds.release.LocalPayoutDestinations;
import org.redress.funds.release.PayoutDestinations;
import org.redress.notice.Notice;
import org.redress.notice.NoticeKind;
import org.redress.notice.NoticeService;
import org.redress.shared.Money;
import org.redress.support.TestDatabase;
import org.redress.support.TestServer;
import org.redress.suspension.CaseStatus;
import org.redress.suspension.SuspensionService;
import org.redress.workflow.WorkflowApi.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole app on a real port for the workflow tests: the real BPMN, workers and embedded engine,
 * driven through the Redress HTTP API as the platform, the appellant and staff use it. Time moves
 * by moving the engine clock, which the feature modules share.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "camunda.client.worker.defaults.enabled=true")
@DirtiesContext
abstract class WorkflowTestBase {

  static final Duration DEADLINE = Duration.ofSeconds(30);

  static final Caller PLATFORM = Caller.staff("moderation-system", "moderation-demo");
  static final Caller ALICE = Caller.staff("alice", "alice-demo");
  static final Caller BOB = Caller.staff("bob", "bob-demo");
  static final Caller CAROL = Caller.staff("carol", "carol-demo");
  static final Caller DAVE_AUDITOR = Caller.staff("dave", "dave-demo");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry);
    TestServer.register(registry);
  }

  @LocalServerPort int port;
  @Autowired FundsService funds;
  @Autowired PayoutDestinations destinations;
  @Autowired NoticeService notices;
  @Autowired SuspensionService suspensions;
  @Autowired CamundaClient camunda;
  @Autowired EngineClock engineClock;

  WorkflowApi api;

  /** The body of the last suspension {@link #suspend} reported. */
  Map<String, Object> lastSuspension;

  @BeforeEach
  void setUpApi() {
    api = new WorkflowApi(port);
    engineClock.reset();
  }

  record Account(String accountId, String walletId, String name) {}

  Account account(Money balance) {
    String id = UUID.randomUUID().toString().substring(0, 8);
    Account a = new Account("u-" + id, "w-" + id, "Test User " + id);
    funds.openWallet(a.walletId(), a.name(), "test");
    funds.deposit(new DepositCommand(a.walletId(), balance, "test-" + id, "test"));
    ((LocalPayoutDestinations) destinations)
        .register(
            a.accountId(),
            new PayoutDestination("IBAN-" + id, a.name(), balance.currency(), true),
            Instant.now());
    return a;
  }

  /** Reports a suspension as the platform and returns the case id. */
  String suspend(Account a, long frozenMinor, Long legalHoldMinor, String imposedBy) {
    return suspend(a, frozenMinor, legalHoldMinor, imposedBy, "en");
  }

  /** The same, with the notice language of the account ({@code en} or {@code zh-CN}). */
  String suspend(
      Account a, long frozenMinor, Long legalHoldMinor, String imposedBy, String locale) {
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
    body.put("platformDecisionId", "mod-" + UUID.randomUUID());
    body.put(
        "account",
        Map.of(
            "accountId",
            a.accountId(),
            "displayName",
            a.name(),
            "locale",
            locale,
            "walletId",
            a.walletId()));
    body.put(
        "measures",
        List.of(
            Map.of(
                "type", "ACCOUNT",
                "scope", "Log-in and messaging disabled",
                "territorialScope", "EU",
                "startsAt", engineClock.now().toString(),
                "indefinite", true),
            monetary));
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
    body.put("imposedBy", imposedBy);
    body.put("imposedAt", engineClock.now().toString());
    lastSuspension = body;
    ResponseEntity<Map<String, Object>> created = api.post(PLATFORM, "/api/suspensions", body);
    assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
    return (String) created.getBody().get("caseId");
  }

  /** The appellant appeals, and the reviewer claims and decides with that outcome. */
  String appealAndDecide(String caseId, String outcome, Caller reviewer) {
    ResponseEntity<Map<String, Object>> appeal =
        api.post(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "The payments were to my own family"));
    assertThat(appeal.getStatusCode().value()).as("%s", appeal.getBody()).isEqualTo(201);
    long task = awaitReviewTask(caseId);
    assertThat(
            api.post(reviewer, "/api/review/tasks/" + task + "/claim", Map.of())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    ResponseEntity<Map<String, Object>> decided =
        api.post(
            reviewer,
            "/api/review/tasks/" + task + "/decision",
            Map.of(
                "outcome", outcome,
                "rationale", "Decided after reading the transaction log and the appeal",
                "policyReference", "Terms of Service v4.2, section 7.3"));
    assertThat(decided.getStatusCode().value()).as("%s", decided.getBody()).isEqualTo(200);
    return (String) appeal.getBody().get("appealId");
  }

  Caller appellantOf(String caseId) {
    return Caller.appellant(WorkflowApi.tokenIn(notice(caseId, NoticeKind.SUSPENSION).body()));
  }

  void awaitStatus(String caseId, CaseStatus status) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(suspensions.get(caseId).status()).isEqualTo(status));
  }

  void awaitProcessCompleted(String caseId) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              long key = suspensions.get(caseId).processInstanceKey();
              assertThat(camunda.newProcessInstanceGetRequest(key).send().join().getState())
                  .isEqualTo(ProcessInstanceState.COMPLETED);
            });
  }

  long awaitReviewTask(String caseId) {
    return awaitTask(caseId, "UserTask_ReviewAppeal");
  }

  /** The open user task of that element in the appeal review of the case. */
  long awaitTask(String caseId, String elementId) {
    List<Long> found = new ArrayList<>();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              found.clear();
              for (Map<String, Object> t : api.getList(CAROL, "/api/review/tasks").getBody()) {
                if (caseId.equals(t.get("caseId"))
                    && ("UserTask_ApproveDecision".equals(elementId)
                        == "APPROVAL".equals(t.get("kind")))) {
                  found.add(((Number) t.get("userTaskKey")).longValue());
                }
              }
              assertThat(found).hasSize(1);
            });
    return found.get(0);
  }

  Notice notice(String caseId, NoticeKind kind) {
    List<Notice> matching = new ArrayList<>();
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              matching.clear();
              notices.noticesOfCase(caseId).stream()
                  .filter(n -> n.kind() == kind)
                  .forEach(matching::add);
              assertThat(matching).hasSize(1);
            });
    return matching.get(0);
  }

  long eventCount(String caseId, FundsEvent.Type type) {
    return funds.events(caseId).stream().filter(e -> e.type() == type).count();
  }

  List<Money> released(String caseId) {
    return funds.events(caseId).stream()
        .filter(e -> e.type() == FundsEvent.Type.RELEASED)
        .map(FundsEvent::amount)
        .toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> entries(Map<String, Object> history) {
    return (List<Map<String, Object>>) history.get("entries");
  }
}
