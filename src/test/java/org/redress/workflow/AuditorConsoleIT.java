package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doAnswer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.redress.audit.AuditEvent;
import org.redress.audit.AuditTrail;
import org.redress.audit.console.OpenIncident;
import org.redress.audit.console.OpenIncidents;
import org.redress.shared.Money;
import org.redress.suspension.AccountSystem;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * The auditor's and admin's console in a real browser against the whole app (issue 10): dave
 * (AUDITOR) finds a decided case by its account, sees each process instance's diagram with the path
 * taken marked on the right elements and the timeline in order, drills down into the called
 * instance, exports the result as CSV and reads the dashboard; an incident (the account system
 * fails for one account until the test repairs it) is shown red on the case page, dave can read it
 * but his forged resolve is refused 403, and admin gives the job a retry and resolves it, both
 * recorded in the case's audit trail. axe-core checks every page; screenshots in English and
 * Chinese (and some at phone width) go to {@code target/screenshots/console/}.
 */
class AuditorConsoleIT extends WorkflowTestBase {

  /** The account system fails for accounts whose holder name starts with "Broken" while set. */
  static final AtomicBoolean ACCOUNT_SYSTEM_BROKEN = new AtomicBoolean();

  @MockitoSpyBean AccountSystem accountSystem;
  @Autowired OpenIncidents incidents;
  @Autowired AuditTrail audit;

  @BeforeEach
  void breakTheAccountSystemForBrokenAccounts() {
    doAnswer(
            call -> {
              if (ACCOUNT_SYSTEM_BROKEN.get()) {
                throw new IllegalStateException("Account system unavailable (test)");
              }
              return call.callRealMethod();
            })
        .when(accountSystem)
        .restrict(argThat(c -> c != null && c.accountName().startsWith("Broken")));
  }

  @Test
  void shouldFindTheCaseByAccountAndSeeThePathTakenTheTimelineAndTheExportWhenDaveAudits()
      throws Exception {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    // given a case whose appeal alice decided: overturned, funds released
    Account user = account(Money.of(30_000, "EUR"));
    String caseId = suspend(user, 30_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    appealAndDecide(caseId, "OVERTURN", ALICE);
    awaitProcessCompleted(caseId);

    try (ConsoleBrowser dave = ConsoleBrowser.open(port)) {
      dave.signIn("dave", "dave-demo");

      // when dave searches by the account
      dave.go("/console/cases");
      dave.captureBothLanguages("audit-cases");
      dave.driver.findElement(By.id("accountId")).sendKeys(user.accountId());
      dave.driver.findElement(By.cssSelector("form.audit-filters button[type=submit]")).click();
      await().atMost(DEADLINE).until(() -> dave.driver.getCurrentUrl().contains("accountId="));

      // then the result is that one case, decided by alice
      List<WebElement> rows = dave.driver.findElements(By.cssSelector("#case-results tbody tr"));
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getDomAttribute("data-case-id")).isEqualTo(caseId);
      assertThat(rows.get(0).getText()).contains(user.accountId(), "Overturned", "alice");
      dave.captureBothLanguages("audit-cases-result");
      dave.phone().capture("audit-cases-result");
      dave.desktop();

      // and the CSV export has the same filter and the case's line
      String csvHref = dave.driver.findElement(By.id("export-csv")).getDomProperty("href");
      assertThat(csvHref).endsWith("/console/cases/export.csv?accountId=" + user.accountId());
      HttpResponse<String> csv = getWithSession(dave, csvHref);
      assertThat(csv.statusCode()).isEqualTo(200);
      assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
      String[] lines = csv.body().split("\r\n");
      assertThat(lines).hasSize(2);
      assertThat(lines[0]).startsWith("caseId,accountId,platformDecisionId,status,");
      assertThat(lines[1])
          .startsWith(caseId + "," + user.accountId() + ",")
          .contains(",EXECUTED,", ",OVERTURN,", ",alice,");

      // and the JSON export the same case
      HttpResponse<String> json =
          getWithSession(
              dave, dave.driver.findElement(By.id("export-json")).getDomProperty("href"));
      assertThat(json.statusCode()).isEqualTo(200);
      assertThat(json.body())
          .contains("\"total\":1", "\"caseId\":\"" + caseId + "\"", "\"outcome\":\"OVERTURN\"");

      // when dave opens the case
      dave.driver.findElement(By.cssSelector("#case-results tbody tr a")).click();
      await().atMost(DEADLINE).until(() -> dave.driver.getCurrentUrl().endsWith("/" + caseId));
      awaitDiagram(dave);

      // then the root diagram marks the path taken and only it
      assertMarked(dave, "ServiceTask_RestrictAccount", "rd-completed");
      assertMarked(dave, "CallActivity_ReviewAppeal", "rd-completed");
      assertMarked(dave, "EndEvent_CaseClosed", "rd-completed");
      assertMarked(dave, "SequenceFlow_Recorded", "rd-taken");
      assertMarked(dave, "SequenceFlow_ReviewAppeal", "rd-taken");
      assertMarked(dave, "SequenceFlow_AppealOption", "rd-taken"); // out of the event gateway
      assertMarked(dave, "SequenceFlow_DecidedOnMerits", "rd-taken");
      assertThat(classesOf(dave, "ServiceTask_FinalizeBan")).doesNotContain("rd-completed ");
      assertThat(classesOf(dave, "SequenceFlow_DeadlineOption")).doesNotContain("rd-taken ");
      assertThat(dave.driver.findElements(By.cssSelector(".bjs-powered-by"))).isNotEmpty();

      // and the timeline is in time order, from the report to the decision
      List<WebElement> steps = dave.driver.findElements(By.cssSelector("#timeline-list li"));
      List<String> times = new ArrayList<>();
      List<String> actions = new ArrayList<>();
      for (WebElement step : steps) {
        times.add(step.getDomAttribute("data-at"));
        actions.add(step.getDomAttribute("data-action"));
      }
      assertThat(times.stream().map(java.time.Instant::parse).toList()).isSorted();
      assertThat(actions.indexOf("CASE_OPENED"))
          .isNotNegative()
          .isLessThan(actions.indexOf("APPEAL_FILED"));
      assertThat(actions.indexOf("APPEAL_FILED")).isLessThan(actions.indexOf("APPEAL_DECIDED"));
      assertThat(steps.get(0).getText()).contains("moderation-system");
      assertThat(dave.driver.findElement(By.id("chain-result")).getText()).startsWith("Verified");
      assertThat(dave.text()).contains("Terms of Service v4.2, section 7.3", "HOLD", "VOID");
      dave.captureBothLanguages("audit-case");
      dave.phone().capture("audit-case");
      dave.desktop();

      // when dave drills down into the called appeal review
      dave.driver
          .findElement(By.xpath("//nav[@class='call-hierarchy']//a[contains(., 'appeal-review')]"))
          .click();
      await().atMost(DEADLINE).until(() -> dave.driver.getCurrentUrl().contains("instance="));
      awaitDiagram(dave);

      // then its own path: reviewed and overturned, never sent for information
      assertMarked(dave, "UserTask_ReviewAppeal", "rd-completed");
      assertMarked(dave, "SequenceFlow_Overturn", "rd-taken");
      assertThat(classesOf(dave, "SequenceFlow_RequestInfo")).doesNotContain("rd-taken ");
      assertThat(dave.text()).contains("Review appeal", "rationale");
      dave.captureBothLanguages("audit-case-appeal-review");

      // and the dashboard draws its five charts with text alternatives
      dave.go("/console/dashboard");
      List<WebElement> charts = dave.driver.findElements(By.cssSelector("svg.chart[role=img]"));
      assertThat(charts).hasSize(5);
      assertThat(dave.driver.findElements(By.cssSelector("svg.chart > title"))).hasSize(5);
      dave.captureBothLanguages("audit-dashboard");
      dave.phone().capture("audit-dashboard");
      dave.desktop();
    }
  }

  @Test
  void shouldShowTheIncidentRedRefuseDavesForgedResolveAndRecordTheAdminsFix() throws Exception {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    // given a case whose restriction step failed until its retries ran out
    ACCOUNT_SYSTEM_BROKEN.set(true);
    Account user = account(Money.of(10_000, "EUR"));
    String caseId =
        suspend(
            new Account(user.accountId(), user.walletId(), "Broken " + user.name()),
            10_000,
            null,
            "bob");
    await().atMost(DEADLINE).until(() -> incidentOf(caseId) != null);
    OpenIncident incident = incidentOf(caseId);

    try (ConsoleBrowser dave = ConsoleBrowser.open(port)) {
      dave.signIn("dave", "dave-demo");

      // when dave opens the incidents: he reads them, with no write control
      dave.go("/console/incidents");
      WebElement row =
          dave.driver.findElement(
              By.cssSelector("tr[data-incident-key='" + incident.incidentKey() + "']"));
      assertThat(row.getText())
          .contains(caseId, "ServiceTask_RestrictAccount", "Account system unavailable");
      assertThat(dave.driver.findElements(By.cssSelector("main form"))).isEmpty();
      assertThat(dave.driver.findElements(By.cssSelector("main button"))).isEmpty();
      assertThat(dave.driver.findElement(By.id("read-only")).isDisplayed()).isTrue();
      dave.captureBothLanguages("audit-incidents");

      // and the case page shows the incident red with its message where the process waits
      dave.driver
          .findElement(By.cssSelector("tr[data-incident-key='" + incident.incidentKey() + "'] a"))
          .click();
      awaitDiagram(dave);
      assertMarked(dave, "ServiceTask_RestrictAccount", "rd-incident");
      assertThat(dave.driver.findElement(By.cssSelector(".rd-incident-message")).getText())
          .contains("Account system unavailable");
      assertMarked(dave, "SequenceFlow_Recorded", "rd-taken");
      dave.captureBothLanguages("audit-case-incident");

      // when dave forges the admin's resolve with his own session and CSRF token
      dave.go("/console/incidents");
      Object status =
          dave.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + "const token = document.querySelector('meta[name=_csrf]').content;"
                  + "fetch('/console/incidents/"
                  + incident.incidentKey()
                  + "/resolve',"
                  + " {method: 'POST', headers: {'X-CSRF-TOKEN': token}, redirect: 'manual'})"
                  + ".then(r => done(r.status), e => done(String(e)));");

      // then it is refused and the incident stays open
      assertThat(((Number) status).intValue()).isEqualTo(403);
      assertThat(incidentOf(caseId)).isNotNull();
    }

    try (ConsoleBrowser admin = ConsoleBrowser.open(port)) {
      // when admin repairs the cause, gives the job a retry and resolves the incident
      admin.signIn("admin", "admin-demo");
      admin.go("/console/incidents");
      admin.captureBothLanguages("audit-incidents-admin");
      ACCOUNT_SYSTEM_BROKEN.set(false);
      String row = "tr[data-incident-key='" + incident.incidentKey() + "'] ";
      WebElement retries = admin.driver.findElement(By.cssSelector(row + "input[name=retries]"));
      retries.clear();
      retries.sendKeys("2");
      admin.driver.findElement(By.cssSelector(row + "form[action$='/retries'] button")).click();
      await()
          .atMost(DEADLINE)
          .until(() -> !admin.driver.findElements(By.id("incident-done")).isEmpty());
      admin.driver.findElement(By.cssSelector(row + "form[action$='/resolve'] button")).click();
      await()
          .atMost(DEADLINE)
          .until(() -> admin.driver.findElements(By.cssSelector(row)).isEmpty());

      // then the case goes on, and the audit trail names admin for both steps
      awaitStatus(caseId, CaseStatus.NOTIFIED);
      assertThat(incidentOf(caseId)).isNull();
      List<AuditEvent> fixes =
          audit.ofCase(caseId).stream().filter(e -> e.action().startsWith("INCIDENT_")).toList();
      assertThat(fixes)
          .extracting(AuditEvent::action)
          .containsExactly(OpenIncidents.ACTION_RETRIES_UPDATED, OpenIncidents.ACTION_RESOLVED);
      assertThat(fixes).extracting(AuditEvent::actor).containsOnly("admin");
      assertThat(fixes.get(0).details()).containsEntry("retries", 2);
      assertThat(audit.verify(caseId).intact()).isTrue();
      admin.capture("audit-incidents-resolved");
    } finally {
      ACCOUNT_SYSTEM_BROKEN.set(false);
    }
  }

  private OpenIncident incidentOf(String caseId) {
    return incidents.all().stream().filter(i -> caseId.equals(i.caseId())).findFirst().orElse(null);
  }

  private static void awaitDiagram(ConsoleBrowser browser) {
    await()
        .atMost(DEADLINE)
        .until(
            () ->
                "true"
                    .equals(
                        browser
                            .driver
                            .findElement(By.id("diagram"))
                            .getDomAttribute("data-bpmn-ready")));
  }

  /** Waits (briefly) until the drawn element with that BPMN id carries the marker class. */
  private static void assertMarked(ConsoleBrowser browser, String elementId, String marker) {
    await()
        .atMost(java.time.Duration.ofSeconds(5))
        .untilAsserted(() -> assertThat(classesOf(browser, elementId)).contains(marker + " "));
  }

  /** The CSS classes bpmn-js gave the drawn element with that BPMN id. */
  private static String classesOf(ConsoleBrowser browser, String elementId) {
    WebElement diagram = browser.driver.findElement(By.id("diagram"));
    String classes =
        diagram
            .findElement(By.cssSelector("g.djs-element[data-element-id='" + elementId + "']"))
            .getDomAttribute("class");
    // the markers the page asked for, so that a failure shows both sides
    return classes + " (markers: " + diagram.getDomAttribute("data-bpmn-markers") + ")";
  }

  /** A GET with the browser's session cookie (what a download link sends). */
  private static HttpResponse<String> getWithSession(ConsoleBrowser browser, String url)
      throws Exception {
    StringBuilder cookies = new StringBuilder();
    for (Cookie c : browser.driver.manage().getCookies()) {
      cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
    }
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", cookies.toString())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
