package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.redress.notice.NoticeKind;
import org.redress.review.AppealReviewProcess;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The reviewer, senior reviewer and finance pages of the staff console (issue 10) in a real browser
 * against the whole app: alice filters her queue, claims, reads the case file with the evidence
 * blurred, decides through the task's own Camunda form rendered by form-js and sees the notice
 * preview; carol approves the four-eyes decision; a task listener's denial reaches the page
 * verbatim with the input kept; erin resolves a rejected payout with {@code resolve-payout.form}.
 * Every page passes axe-core and is photographed in English and Chinese (desktop and phone) under
 * {@code target/screenshots/console/}. Over plain HTTP: the auditor's forged writes get 403, a
 * reviewer never sees a task of another group, refusals to claim are explained in words.
 */
class ReviewerConsoleIT extends WorkflowTestBase {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired JdbcClient jdbc;

  // ---- the browser journeys ---------------------------------------------------------------------

  @Test
  void shouldFilterClaimDecideAndApproveInTheBrowserWhenReviewersWorkTheirQueue() {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    // given a four-eyes case (1,500.00 EUR frozen) appealed with a photo, and a small one whose
    // appellant asked to talk to a person, both imposed by bob
    Account big = account(Money.of(150_000, "EUR"));
    String bigCase = suspend(big, 150_000, null, "bob");
    Account small = account(Money.of(2_000, "EUR"));
    String smallCase = suspend(small, 2_000, null, "bob", "zh-CN");
    awaitStatus(bigCase, CaseStatus.NOTIFIED);
    awaitStatus(smallCase, CaseStatus.NOTIFIED);
    appealWithPhoto(bigCase, "The payments were to my own family, see the receipt.");
    ResponseEntity<Map<String, Object>> person =
        api.post(
            appellantOf(smallCase),
            "/api/cases/" + smallCase + "/appeals",
            Map.of(
                "statement",
                "请让真人联系我，这是误会。",
                "talkToPerson",
                true,
                "contactDetail",
                "u@example.com"));
    assertThat(person.getStatusCode().value()).as("%s", person.getBody()).isEqualTo(201);
    long bigTask = awaitReviewTask(bigCase);
    awaitReviewTask(smallCase);

    try (ConsoleBrowser alice = ConsoleBrowser.open(port)) {
      // when alice opens her queue
      alice.signIn("alice", "alice-demo").go("/console/queue");
      awaitText(alice, bigCase);

      // then both cases are there, by priority, with the four-eyes flag and the frozen money
      assertThat(alice.text())
          .contains(smallCase)
          .contains("1500.00 EUR")
          .contains("second reviewer");
      List<String> order = rowCases(alice);
      assertThat(order.indexOf(smallCase)).isLessThan(order.indexOf(bigCase)); // person: 70 > 50
      alice.captureBothLanguages("review-1-queue");

      // when she shows only the appellants who asked for a person
      alice.driver.findElement(By.cssSelector("input[name=person]")).click();
      alice.driver.findElement(By.cssSelector("#queue-filters button[type=submit]")).click();
      await().atMost(DEADLINE).until(() -> alice.driver.getCurrentUrl().contains("person=true"));

      // then only the small case remains
      assertThat(rowCases(alice)).contains(smallCase).doesNotContain(bigCase);
      alice.capture("review-1-queue-filtered");
      alice.phone();
      alice.go("/console/queue");
      alice.capture("review-1-queue");
      alice.desktop();

      // when she opens the big case and claims it
      alice.go("/console/tasks/" + bigTask);
      assertThat(alice.text())
          .contains("Terms of Service v4.2, section 7.3")
          .contains("The payments were to my own family")
          .contains("1500.00 EUR");
      WebElement image = alice.driver.findElement(By.cssSelector("button.evidence-image"));
      assertThat(image.getDomAttribute("class")).contains("blurred");
      image.click();
      assertThat(image.getDomAttribute("class")).doesNotContain("blurred");
      assertThat(image.getDomAttribute("aria-pressed")).isEqualTo("true");
      alice.captureBothLanguages("review-2-task");
      alice.driver.findElement(By.id("claim")).click();
      await().atMost(DEADLINE).until(() -> !alice.driver.findElements(By.id("unclaim")).isEmpty());

      // and decides through the task's own form, rendered by form-js
      awaitFormReady(alice, "decision-widget");
      alice.captureBothLanguages("review-3-decide");
      awaitFormReady(alice, "decision-widget");
      chooseOption(alice, "Field_Outcome", "Uphold");
      type(alice, "Field_Rationale", "textarea", "The payment log shows requests to 340 strangers");
      type(alice, "Field_PolicyReference", "input", "Terms of Service v4.2, section 7.3");

      // then the preview shows the notice the user will read, in English
      await()
          .atMost(DEADLINE)
          .ignoreExceptions() // htmx replaces the preview while it is being read
          .untilAsserted(
              () ->
                  assertThat(alice.driver.findElement(By.id("preview")).getText())
                      .as(
                          "preview; data=%s",
                          alice
                              .driver
                              .findElement(By.cssSelector("#decision-form input[name=data]"))
                              .getDomProperty("value"))
                      .contains("The payment log shows requests to 340 strangers"));
      assertThat(
              alice.driver.findElement(By.cssSelector("#preview article")).getDomAttribute("lang"))
          .isEqualTo("en");
      alice.capture("review-3-decide-filled");
      alice.phone();
      alice.capture("review-3-decide-filled");
      alice.desktop();
      alice.driver.findElement(By.id("decide")).click();
      await().atMost(DEADLINE).until(() -> alice.driver.getCurrentUrl().endsWith("/console/queue"));
      assertThat(alice.text()).contains("Your decision on case " + bigCase + " was accepted");
    }

    // when carol, a senior reviewer, approves the four-eyes decision
    long approval = awaitTask(bigCase, AppealReviewProcess.ELEMENT_APPROVE_DECISION);
    try (ConsoleBrowser carol = ConsoleBrowser.open(port)) {
      carol.signIn("carol", "carol-demo").go("/console/queue?kind=approval");
      awaitText(carol, bigCase);
      carol.go("/console/tasks/" + approval);
      assertThat(carol.text())
          .contains("Proposed decision")
          .contains("The payment log shows requests to 340 strangers");
      carol.driver.findElement(By.id("claim")).click();
      await().atMost(DEADLINE).until(() -> !carol.driver.findElements(By.id("approve")).isEmpty());
      carol.captureBothLanguages("review-4-approval");
      // an approval without the comment the rules require is refused next to the field
      carol.driver.findElement(By.id("approve")).click();
      await()
          .atMost(DEADLINE)
          .until(() -> !carol.driver.findElements(By.id("error-approvalComment")).isEmpty());
      assertThat(carol.driver.findElement(By.id("error-approvalComment")).getText())
          .isEqualTo("a comment is required");
      assertThat(
              carol
                  .driver
                  .findElement(By.id("field-approvalComment"))
                  .getDomAttribute("aria-invalid"))
          .isEqualTo("true");
      carol.capture("review-4-approval-errors");
      carol.driver.findElement(By.id("field-approvalComment")).sendKeys("The log is conclusive");
      carol.driver.findElement(By.id("approve")).click();
      await().atMost(DEADLINE).until(() -> carol.driver.getCurrentUrl().endsWith("/console/queue"));
      assertThat(carol.text()).contains("You approved the decision on case " + bigCase);
    }

    // then the decision is carried out and listed under alice's decisions
    awaitStatus(bigCase, CaseStatus.EXECUTED);
    assertThat(notice(bigCase, NoticeKind.DECISION).body())
        .contains("The payment log shows requests to 340 strangers");
    try (ConsoleBrowser alice = ConsoleBrowser.open(port)) {
      alice.signIn("alice", "alice-demo").go("/console/decisions");
      assertThat(alice.text()).contains(bigCase).contains("Uphold").contains("final");
      alice.captureBothLanguages("review-5-decisions");
    }
  }

  @Test
  void shouldShowTheListenersDenialVerbatimAndKeepTheInputWhenTheReviewRulesRefuse() {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    // given alice decided a first appeal of the case inadmissible, and the user appealed again
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "INADMISSIBLE", ALICE);
    awaitStatus(caseId, CaseStatus.DECIDED);
    notice(caseId, NoticeKind.DECISION);
    ResponseEntity<Map<String, Object>> again =
        api.post(
            appellantOf(caseId),
            "/api/cases/" + caseId + "/appeals",
            Map.of("statement", "New evidence: my bank statement"));
    assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
    long task = awaitReviewTask(caseId);

    try (ConsoleBrowser alice = ConsoleBrowser.open(port)) {
      // when alice claims the new appeal and decides it in the console
      alice.signIn("alice", "alice-demo").go("/console/tasks/" + task);
      assertThat(alice.text()).contains("Inadmissible"); // the earlier decision in the case file
      alice.driver.findElement(By.id("claim")).click();
      awaitFormReady(alice, "decision-widget");
      chooseOption(alice, "Field_Outcome", "Uphold");
      type(alice, "Field_Rationale", "textarea", "Still the same pattern of payments");
      type(alice, "Field_PolicyReference", "input", "ToS 7.3");
      alice.driver.findElement(By.id("decide")).click();

      // then the task listener's reason is on the page, word for word, and her input is kept
      await()
          .atMost(DEADLINE)
          .until(() -> !alice.driver.findElements(By.id("error-summary")).isEmpty());
      assertThat(alice.driver.findElement(By.cssSelector("#error-summary q.denial")).getText())
          .isEqualTo(
              "alice decided an earlier appeal of this case; another reviewer must decide this one");
      awaitFormReady(alice, "decision-widget");
      assertThat(
              alice
                  .driver
                  .findElement(By.cssSelector(formField("Field_Rationale") + " textarea"))
                  .getDomProperty("value"))
          .isEqualTo("Still the same pattern of payments");
      alice.capture("review-6-denied");

      // and in Chinese the page around the listener's words is Chinese (the switch opens the task
      // afresh, so she sends it once more)
      alice.switchLanguage();
      await().atMost(DEADLINE).until(() -> "zh-CN".equals(alice.lang()));
      awaitFormReady(alice, "decision-widget");
      chooseOption(alice, "Field_Outcome", "Uphold");
      type(alice, "Field_Rationale", "textarea", "Still the same pattern of payments");
      type(alice, "Field_PolicyReference", "input", "ToS 7.3");
      alice.driver.findElement(By.id("decide")).click();
      await()
          .atMost(DEADLINE)
          .until(() -> !alice.driver.findElements(By.id("error-summary")).isEmpty());
      assertThat(alice.text()).contains("审核规则拒绝了此操作").contains("alice decided an earlier appeal");
      alice.capture("review-6-denied-zh-CN");
      alice.switchLanguage();
    }
    assertThat(camunda.newUserTaskGetRequest(task).send().join().getAssignee()).isEqualTo("alice");
  }

  @Test
  void shouldResolveARejectedPayoutWithItsOwnFormWhenFinanceWorksThePage() {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    // given an upheld case (its money is paid out) whose user has no verified payout account
    Account user = account(Money.of(4_000, "EUR"));
    jdbc.sql("DELETE FROM redress.funds_payout_destination WHERE account_id = :id")
        .param("id", user.accountId())
        .update();
    String caseId = suspend(user, 4_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "UPHOLD", ALICE);

    try (ConsoleBrowser erin = ConsoleBrowser.open(port)) {
      // when erin opens the rejected payouts and resolves the case's
      erin.signIn("erin", "erin-demo");
      await()
          .atMost(DEADLINE)
          .untilAsserted(
              () -> {
                erin.go("/console/finance");
                assertThat(erin.text()).contains(caseId);
              });
      erin.captureBothLanguages("finance-1-list");
      erin.driver.findElement(By.cssSelector("a[aria-label*='" + caseId + "']")).click();
      awaitFormReady(erin, "resolve-widget");
      erin.captureBothLanguages("finance-2-resolve");
      awaitFormReady(erin, "resolve-widget");
      chooseOption(erin, "Field_Resolution", "Funds left");
      type(erin, "Field_Note", "textarea", "The user asked to keep it in the wallet");
      erin.driver.findElement(By.id("resolve")).click();

      // then the release finishes
      await()
          .atMost(DEADLINE)
          .until(() -> erin.driver.getCurrentUrl().endsWith("/console/finance"));
      assertThat(erin.text()).contains("The resolution was recorded");
    }
    awaitProcessCompleted(caseId);
    assertThat(notice(caseId, NoticeKind.FUNDS_RELEASED)).isNotNull();
  }

  // ---- role checks over HTTP --------------------------------------------------------------------

  @Test
  void shouldRefuseTheAuditorsForgedWritesAndExplainClaimRefusalsWhenStaffPostDirectly()
      throws Exception {
    // given a four-eyes case decided by alice, waiting for approval, and another open review task
    Account big = account(Money.of(120_000, "EUR"));
    String bigCase = suspend(big, 120_000, null, "bob");
    awaitStatus(bigCase, CaseStatus.NOTIFIED);
    appealAndDecide(bigCase, "UPHOLD", ALICE);
    long approval = awaitTask(bigCase, AppealReviewProcess.ELEMENT_APPROVE_DECISION);
    Account other = account(Money.of(1_000, "EUR"));
    String otherCase = suspend(other, 1_000, null, "bob");
    awaitStatus(otherCase, CaseStatus.NOTIFIED);
    String pdfAppeal =
        appealWith(
            otherCase,
            "My bank statement is attached",
            "statement.pdf",
            MediaType.APPLICATION_PDF,
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII));
    long review = awaitReviewTask(otherCase);
    Staff dave = new Staff();
    Staff alice = new Staff();
    Staff bob = new Staff();
    Staff carol = new Staff();
    dave.signIn("dave", "dave-demo");
    alice.signIn("alice", "alice-demo");
    bob.signIn("bob", "bob-demo");
    carol.signIn("carol", "carol-demo");

    // when the auditor forges claim and decide posts with a valid token of his own session
    String token = dave.csrf("/console");
    HttpResponse<String> claim =
        dave.post("/console/tasks/" + review + "/claim", "_csrf=" + enc(token));
    HttpResponse<String> decide =
        dave.post(
            "/console/tasks/" + review + "/decide",
            "_csrf=" + enc(token) + "&outcome=OVERTURN&rationale=x&policyReference=y");
    HttpResponse<String> queue = dave.get("/console/queue");

    // then both are refused and nothing changed
    assertThat(claim.statusCode()).isEqualTo(403);
    assertThat(decide.statusCode()).isEqualTo(403);
    assertThat(queue.statusCode()).isEqualTo(403);
    assertThat(camunda.newUserTaskGetRequest(review).send().join().getAssignee()).isNull();

    // and alice, a reviewer, neither sees nor opens the senior reviewers' approval task
    String alicesQueue = alice.get("/console/queue").body();
    assertThat(alicesQueue).contains(otherCase).doesNotContain("/console/tasks/" + approval + "\"");
    assertThat(alice.get("/console/tasks/" + approval).statusCode()).isEqualTo(403);
    assertThat(alice.get("/console/tasks/" + approval + "/form").statusCode()).isEqualTo(403);
    HttpResponse<String> alicesClaim =
        alice.post(
            "/console/tasks/" + approval + "/claim", "_csrf=" + enc(alice.csrf("/console/queue")));
    assertThat(alicesClaim.statusCode()).isEqualTo(403);
    assertThat(alicesClaim.body()).contains("belongs to a group you are not in");
    assertThat(carol.get("/console/queue").body()).contains("/console/tasks/" + approval + "\"");

    // and bob, who imposed the restriction, is told why he cannot claim
    HttpResponse<String> bobsClaim =
        bob.post("/console/tasks/" + review + "/claim", "_csrf=" + enc(bob.csrf("/console/queue")));
    assertThat(bobsClaim.statusCode()).isEqualTo(403);
    assertThat(bobsClaim.body()).contains("You imposed this restriction");

    // and carol may not take a task alice holds
    alice.post("/console/tasks/" + review + "/claim", "_csrf=" + enc(alice.csrf("/console/queue")));
    assertThat(camunda.newUserTaskGetRequest(review).send().join().getAssignee())
        .isEqualTo("alice");
    HttpResponse<String> carolsClaim =
        carol.post(
            "/console/tasks/" + review + "/claim", "_csrf=" + enc(carol.csrf("/console/queue")));
    assertThat(carolsClaim.statusCode()).isEqualTo(409);
    assertThat(carolsClaim.body()).contains("already claimed by alice");

    // and carol may give back only her own tasks; once alice gives it back, carol may claim it
    HttpResponse<String> carolsUnclaim =
        carol.post(
            "/console/tasks/" + review + "/unclaim", "_csrf=" + enc(carol.csrf("/console/queue")));
    assertThat(carolsUnclaim.statusCode()).isEqualTo(409);
    assertThat(carolsUnclaim.body()).contains("This task is held by alice");
    HttpResponse<String> givenBack =
        alice.post(
            "/console/tasks/" + review + "/unclaim", "_csrf=" + enc(alice.csrf("/console/queue")));
    assertThat(givenBack.statusCode()).isEqualTo(302);
    assertThat(givenBack.headers().firstValue("Location").orElseThrow()).endsWith("/console/queue");
    assertThat(camunda.newUserTaskGetRequest(review).send().join().getAssignee()).isNull();
    assertThat(suspensions.get(otherCase).status()).isEqualTo(CaseStatus.APPEAL_OPEN);
    carol.post("/console/tasks/" + review + "/claim", "_csrf=" + enc(carol.csrf("/console/queue")));
    assertThat(camunda.newUserTaskGetRequest(review).send().join().getAssignee())
        .isEqualTo("carol");

    // and the evidence needs a staff session: reviewers and the auditor read the PDF inline (for
    // the task page's frame), a stranger is sent to sign in, a wrong case finds nothing
    String pdf = "/console/cases/" + otherCase + "/appeals/" + pdfAppeal + "/attachments/1";
    for (Staff reader : List.of(alice, dave)) {
      HttpResponse<String> file = reader.get(pdf);
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.headers().firstValue("Content-Type").orElseThrow())
          .startsWith("application/pdf");
      assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
          .startsWith("inline");
      assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(file.body()).startsWith("%PDF-");
    }
    assertThat(new Staff().get(pdf).statusCode()).isIn(302, 401);
    assertThat(
            alice
                .get("/console/cases/" + bigCase + "/appeals/" + pdfAppeal + "/attachments/1")
                .statusCode())
        .isEqualTo(404);
    assertThat(alice.get("/console/tasks/" + review).body())
        .contains("class=\"evidence-pdf\" src=\"" + pdf + "\"");
  }

  @Test
  void shouldListUrgentThenOverdueAndEscalatedTasksWhenTheirFiltersAreSet() throws Exception {
    // given an appeal with distress signals (urgent, decide within a day) and an ordinary one
    Account user = account(Money.of(2_000, "EUR"));
    String urgentCase = suspend(user, 2_000, null, "bob");
    Account other = account(Money.of(2_000, "EUR"));
    String ordinaryCase = suspend(other, 2_000, null, "bob");
    awaitStatus(urgentCase, CaseStatus.NOTIFIED);
    awaitStatus(ordinaryCase, CaseStatus.NOTIFIED);
    api.post(
        appellantOf(urgentCase),
        "/api/cases/" + urgentCase + "/appeals",
        Map.of("statement", "I am desperate, I cannot pay rent without my wallet"));
    api.post(
        appellantOf(ordinaryCase),
        "/api/cases/" + ordinaryCase + "/appeals",
        Map.of("statement", "A misunderstanding"));
    long urgentTask = awaitReviewTask(urgentCase);
    awaitReviewTask(ordinaryCase);
    Staff alice = new Staff();
    Staff carol = new Staff();
    alice.signIn("alice", "alice-demo");
    carol.signIn("carol", "carol-demo");

    // when alice shows only urgent tasks
    String urgent = alice.get("/console/queue?urgent=true").body();

    // then the distress case is there, flagged, and the ordinary one is not
    assertThat(urgent).contains(urgentCase).contains(">urgent<").doesNotContain(ordinaryCase);

    // when the day to decide it passes and the review escalates to the senior reviewers
    engineClock.add(java.time.Duration.ofHours(30));
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () ->
                assertThat(
                        camunda
                            .newUserTaskGetRequest(urgentTask)
                            .send()
                            .join()
                            .getCandidateGroups())
                    .contains(AppealReviewProcess.GROUP_SENIOR_REVIEWERS));

    // then it is overdue and escalated in the queue (rows fragment too), the ordinary one is not
    String overdue = carol.get("/console/queue/rows?overdue=true&escalated=true").body();
    assertThat(overdue)
        .contains(urgentCase)
        .contains(">escalated<")
        .contains("h overdue")
        .doesNotContain(ordinaryCase);
    assertThat(carol.get("/console/queue?kind=approval").body()).doesNotContain(urgentCase);
  }

  // ---- helpers ----------------------------------------------------------------------------------

  /** Files an appeal with one evidence file; returns the appeal id. */
  String appealWith(
      String caseId, String statement, String fileName, MediaType type, byte[] bytes) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("appeal", new HttpEntity<>(Map.of("statement", statement), json));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(type);
    headers.setContentDispositionFormData("attachments", fileName);
    parts.add(
        "attachments",
        new HttpEntity<>(
            new org.springframework.core.io.ByteArrayResource(bytes) {
              @Override
              public String getFilename() {
                return fileName;
              }
            },
            headers));
    ResponseEntity<Map<String, Object>> filed =
        api.postMultipart(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", parts);
    assertThat(filed.getStatusCode().value()).as("%s", filed.getBody()).isEqualTo(201);
    return (String) filed.getBody().get("appealId");
  }

  void appealWithPhoto(String caseId, String statement) {
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    HttpHeaders json = new HttpHeaders();
    json.setContentType(MediaType.APPLICATION_JSON);
    parts.add("appeal", new HttpEntity<>(Map.of("statement", statement), json));
    HttpHeaders png = new HttpHeaders();
    png.setContentType(MediaType.IMAGE_PNG);
    png.setContentDispositionFormData("attachments", "receipt.png");
    byte[] bytes = AppellantPortalIT.pngBytes();
    parts.add(
        "attachments",
        new HttpEntity<>(
            new org.springframework.core.io.ByteArrayResource(bytes) {
              @Override
              public String getFilename() {
                return "receipt.png";
              }
            },
            png));
    ResponseEntity<Map<String, Object>> filed =
        api.postMultipart(appellantOf(caseId), "/api/cases/" + caseId + "/appeals", parts);
    assertThat(filed.getStatusCode().value()).as("%s", filed.getBody()).isEqualTo(201);
  }

  static void awaitText(ConsoleBrowser browser, String text) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              browser.driver.navigate().refresh();
              assertThat(browser.text()).contains(text);
            });
  }

  static List<String> rowCases(ConsoleBrowser browser) {
    return browser.driver.findElements(By.cssSelector("#queue-rows a.case-link")).stream()
        .map(WebElement::getText)
        .toList();
  }

  static void awaitFormReady(ConsoleBrowser browser, String id) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                "true"
                    .equals(
                        browser.driver.findElement(By.id(id)).getDomAttribute("data-form-ready")));
  }

  /** Picks the option whose label starts with {@code label} in a form-js select field. */
  static void chooseOption(ConsoleBrowser browser, String fieldId, String label) {
    WebElement field = browser.driver.findElement(By.cssSelector(formField(fieldId)));
    field.findElement(By.cssSelector(".fjs-input-group")).click();
    WebElement option =
        await()
            .atMost(DEADLINE)
            .until(
                () ->
                    field.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
                        .filter(o -> o.getText().startsWith(label))
                        .findFirst()
                        .orElse(null),
                o -> o != null);
    // form-js picks on mousedown
    ((JavascriptExecutor) browser.driver)
        .executeScript(
            "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", option);
  }

  /** The form-js field of a component: its input's id is "fjs-form-<instance>-<component id>". */
  static String formField(String componentId) {
    return ".fjs-form-field:has([id$='-" + componentId + "'])";
  }

  static void type(ConsoleBrowser browser, String fieldId, String tag, String text) {
    WebElement input = browser.driver.findElement(By.cssSelector(formField(fieldId) + " " + tag));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** A browser-like HTTP client: cookies kept, redirects not followed. */
  final class Staff {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path) throws Exception {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
      return http.send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(form))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    }

    String csrf(String path) throws Exception {
      Matcher token = CSRF.matcher(get(path).body());
      assertThat(token.find()).as("a CSRF field on %s", path).isTrue();
      return token.group(1);
    }

    void signIn(String username, String password) throws Exception {
      String token = csrf("/console/login");
      HttpResponse<String> done =
          post(
              "/console/login",
              "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
      assertThat(done.statusCode()).isEqualTo(302);
    }
  }
}
