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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.redress.shared.Money;
import org.redress.suspension.CaseStatus;

/**
 * The staff console's shell through HTTP and a real browser: form sign-in with a server session,
 * CSRF on every write, read-only auditors, the language switch, security headers, the htmx and
 * widget assets, and accessible, photographed sign-in and start pages (issue 10).
 */
class StaffConsoleIT extends WorkflowTestBase {

  static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  /** A browser-like HTTP client: cookies kept, redirects not followed. */
  final class Staff {
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path, String... headers) throws Exception {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
      if (headers.length > 0) {
        request.headers(headers);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
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

    HttpResponse<String> signIn(String username, String password) throws Exception {
      String token = csrf("/console/login");
      return post(
          "/console/login",
          "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(token));
    }
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String location(HttpResponse<?> response) {
    return response.headers().firstValue("Location").orElse("");
  }

  @Test
  void shouldSendAnUnknownVisitorFromTheRootToTheSignInForm() throws Exception {
    Staff visitor = new Staff();

    HttpResponse<String> root = visitor.get("/");
    HttpResponse<String> console = visitor.get("/console");
    HttpResponse<String> login = visitor.get("/console/login");

    assertThat(root.statusCode()).isEqualTo(302);
    assertThat(location(root)).endsWith("/console/login");
    assertThat(console.statusCode()).isEqualTo(302);
    assertThat(location(console)).endsWith("/console/login");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("Sign in to the staff console").doesNotContain("<script>");
    assertThat(login.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .doesNotContain("unsafe-eval");
  }

  @Test
  void shouldRefuseAWrongPasswordInWordsAndKeepTheVisitorSignedOut() throws Exception {
    Staff visitor = new Staff();

    HttpResponse<String> attempt = visitor.signIn("alice", "not-her-password");
    HttpResponse<String> page = visitor.get(location(attempt).replaceFirst("^https?://[^/]+", ""));
    HttpResponse<String> console = visitor.get("/console");

    assertThat(location(attempt)).endsWith("/console/login?error");
    assertThat(page.body()).contains("The username or password is wrong");
    assertThat(console.statusCode()).isEqualTo(302);
  }

  @Test
  void shouldShowEachPersonOnlyTheSectionsOfTheirRoles() throws Exception {
    Staff alice = new Staff();
    Staff dave = new Staff();

    assertThat(location(alice.signIn("alice", "alice-demo"))).endsWith("/console");
    assertThat(location(dave.signIn("DAVE", "dave-demo"))).endsWith("/console");
    String alicesStart = alice.get("/console").body();
    String davesStart = dave.get("/console").body();

    assertThat(alicesStart)
        .contains("Alice Adams", "href=\"/console/queue\"", "href=\"/console/decisions\"")
        .doesNotContain("href=\"/console/cases\"", "href=\"/console/incidents\"");
    assertThat(davesStart)
        .contains("Dave Diaz", "href=\"/console/cases\"", "href=\"/console/dashboard\"")
        .doesNotContain("href=\"/console/queue\"", "href=\"/console/finance\"");
  }

  @Test
  void shouldRefuseTheIntegrationAccountTheConsole() throws Exception {
    Staff machine = new Staff();

    machine.signIn("moderation-system", "moderation-demo");
    HttpResponse<String> console = machine.get("/console");

    assertThat(console.statusCode()).isEqualTo(403);
    assertThat(console.body()).contains("You may not do this");
  }

  @Test
  void shouldRefuseAnAuditorsWriteAndAnyWriteWithoutTheFormsToken() throws Exception {
    Staff dave = new Staff();
    Staff alice = new Staff();
    dave.signIn("dave", "dave-demo");
    alice.signIn("alice", "alice-demo");
    String davesToken = dave.csrf("/console");

    HttpResponse<String> forged = dave.post("/console/anything", "_csrf=" + enc(davesToken));
    HttpResponse<String> withoutToken = alice.post("/console/anything", "x=1");

    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("You may not do this");
    assertThat(withoutToken.statusCode()).isEqualTo(403);
  }

  @Test
  void shouldAnswerAnHtmxRequestOfAnExpiredSessionWithARedirectToSignIn() throws Exception {
    Staff nobody = new Staff();

    HttpResponse<String> fragment = nobody.get("/console/queue/rows", "HX-Request", "true");

    assertThat(fragment.statusCode()).isEqualTo(401);
    assertThat(fragment.headers().firstValue("HX-Redirect").orElseThrow())
        .endsWith("/console/login?expired");
  }

  @Test
  void shouldKeepTheChosenLanguageForTheRestOfTheSession() throws Exception {
    Staff carol = new Staff();
    carol.signIn("carol", "carol-demo");

    String chinese = carol.get("/console?lang=zh-CN").body();
    String stillChinese = carol.get("/console").body();
    String english = carol.get("/console?lang=en").body();

    assertThat(chinese).contains("lang=\"zh-CN\"", "您好，Carol Chen");
    assertThat(stillChinese).contains("lang=\"zh-CN\"");
    assertThat(english).contains("lang=\"en\"", "Hello, Carol Chen");
  }

  @Test
  void shouldServeHtmxAndTheWidgetsFromThisOrigin() throws Exception {
    Staff visitor = new Staff();

    HttpResponse<String> htmx = visitor.get("/webjars/htmx.org/dist/htmx.min.js");
    HttpResponse<String> diagram = visitor.get("/console/vendor/diagram.js");
    HttpResponse<String> form = visitor.get("/console/vendor/form.js");

    assertThat(htmx.statusCode()).isEqualTo(200);
    assertThat(htmx.body()).contains("htmx");
    assertThat(diagram.statusCode()).as("the build bundled bpmn-js").isEqualTo(200);
    assertThat(diagram.body()).contains("bpmn.io");
    assertThat(form.statusCode()).as("the build bundled form-js").isEqualTo(200);
  }

  @Test
  void shouldAnswerAnUnknownConsolePageWithAPageNotJson() throws Exception {
    Staff alice = new Staff();
    alice.signIn("alice", "alice-demo");

    HttpResponse<String> missing = alice.get("/console/no-such-page", "Accept", "text/html");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("This page does not exist");
  }

  @Test
  void shouldLetAReviewerReadACaseFileWithTheLinkTokenHiddenButNotSearchCases() throws Exception {
    Account account = account(Money.of(10_000, "EUR"));
    String caseId = suspend(account, 5_000, null, "bob");
    await().atMost(DEADLINE).until(() -> suspensions.get(caseId).status() == CaseStatus.NOTIFIED);
    Staff alice = new Staff();
    alice.signIn("alice", "alice-demo");

    HttpResponse<String> casePage = alice.get("/console/cases/" + caseId);
    HttpResponse<String> search = alice.get("/console/cases");

    assertThat(casePage.statusCode()).isEqualTo(200);
    assertThat(casePage.body())
        .contains(caseId, "token=[token hidden]")
        .doesNotContainPattern("token=[A-Za-z0-9_-]{16,}");
    assertThat(search.statusCode()).isEqualTo(403);
  }

  @Test
  void shouldSignInAndReachEveryLinkOfTheFrameWithTheKeyboardAlone() {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
      browser.go("/console/login");
      WebElement focused = browser.driver.switchTo().activeElement();
      assertThat(focused.getDomAttribute("id"))
          .as("the username field has the focus")
          .isEqualTo("username");

      new Actions(browser.driver)
          .sendKeys("alice")
          .sendKeys(Keys.TAB)
          .sendKeys("alice-demo")
          .sendKeys(Keys.ENTER)
          .perform();
      await()
          .atMost(ConsoleBrowser.DEADLINE)
          .until(() -> browser.driver.getCurrentUrl().endsWith("/console"));
      List<String> reached = new ArrayList<>();
      for (int i = 0; i < 9; i++) {
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        reached.add(browser.driver.switchTo().activeElement().getText().strip());
      }

      assertThat(reached)
          .containsSubsequence(
              "Skip to content", "Redress console", "Queue", "My decisions", "中文", "Sign out");
    }
  }

  @Test
  void shouldSignInSwitchLanguageAndSignOutInABrowser() {
    Assumptions.assumeTrue(ConsoleBrowser.available(), ConsoleBrowser.MISSING);
    try (ConsoleBrowser browser = ConsoleBrowser.open(port)) {
      browser.go("/console");
      assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
      browser.captureBothLanguages("login");
      browser.phone().capture("login");
      browser.desktop();

      browser.signIn("erin", "erin-demo");
      assertThat(browser.text()).contains("Hello, Erin Evans", "Payouts");
      browser.captureBothLanguages("start");
      browser.phone().capture("start");
      browser.desktop();

      browser.signOut();
      assertThat(browser.driver.findElement(By.cssSelector("[role=status]")).getText())
          .contains("You have signed out");
      browser.go("/console");
      assertThat(browser.driver.getCurrentUrl()).endsWith("/console/login");
    }
  }
}
