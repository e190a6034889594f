package org.redress.workflow;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.htmlunit.BrowserVersion;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;
import org.redress.funds.FundsEvent;
import org.redress.notice.NoticeKind;
import org.redress.shared.Money;
import org.redress.shared.security.CaseLinks;
import org.redress.suspension.CaseStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The appellant portal in a real browser (headless Debian chromium at a 360×740 phone viewport),
 * against the whole app: the user opens the link from the suspension notice, reads the reasons,
 * appeals with a photo and "talk to a person", answers the reviewer's question and reads the
 * decision with the money paid out, once with JavaScript on (English, every page also checked and
 * photographed in Chinese through the language switch) and once with JavaScript off (a zh-CN case).
 * axe-core checks every page; screenshots go to {@code target/screenshots/portal/}.
 *
 * <p>Skipped only when chromium or chromedriver is not installed ({@code .ci/run} installs both).
 */
class AppellantPortalIT extends WorkflowTestBase {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots", "portal");
  static final Pattern PORTAL_LINK = Pattern.compile("https?://\\S+/case/\\S+\\?token=[\\w.\\-]+");

  static final String NO_CHROMIUM =
      "Chromium browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
          + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

  static ChromeDriver chrome;
  static Path photo;

  @BeforeAll
  static void startBrowsers() throws IOException {
    photo = writePhoto();
    if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
      chrome = chrome();
    }
    Files.createDirectories(SCREENSHOTS);
  }

  static Path writePhoto() throws IOException {
    Path file = Files.createTempFile("receipt-photo", ".png");
    file.toFile().deleteOnExit();
    BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    for (int x = 0; x < 64; x++) {
      for (int y = 0; y < 48; y++) {
        image.setRGB(x, y, new Color(x * 4, y * 5, 120).getRGB());
      }
    }
    ImageIO.write(image, "png", file.toFile());
    return file;
  }

  @AfterAll
  static void stopBrowsers() {
    if (chrome != null) {
      chrome.quit();
    }
  }

  static ChromeDriver chrome() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=500,800",
        "--lang=en-US");
    // Desktop windows cannot be narrower than about 500 px: emulate the phone's viewport.
    options.setExperimentalOption(
        "mobileEmulation",
        Map.of("deviceMetrics", Map.of("width", 360, "height", 740, "pixelRatio", 1.0)));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  @Test
  void shouldAppealAnswerAndReadThePaidOutDecisionWhenJavaScriptIsOn() {
    Assumptions.assumeTrue(chrome != null, NO_CHROMIUM);
    appealToDecision(chrome, "en", chrome);
  }

  @Test
  void shouldAppealAnswerAndReadThePaidOutDecisionWhenJavaScriptIsOff() {
    // HtmlUnit with JavaScript off: plain HTML forms only, a zh-CN case this time
    HtmlUnitDriver plain = new HtmlUnitDriver(BrowserVersion.CHROME, false);
    try {
      appealToDecision(plain, "zh-CN", null);
    } finally {
      plain.quit();
    }
  }

  /**
   * The whole journey of one user in one browser; with {@code bothLanguages} every page is also
   * checked and photographed in the other language through the page's language switch.
   */
  void appealToDecision(WebDriver driver, String locale, ChromeDriver chrome) {
    boolean bothLanguages = chrome != null;
    // given a suspension with 500.00 frozen, 200.00 of it under a court order, told in `locale`
    Account user = account(Money.of(50_000, "EUR"));
    String caseId = suspend(user, 50_000, 20_000L, "bob", locale);
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    String link = portalLink(notice(caseId, NoticeKind.SUSPENSION).body());
    String prefix = "";

    // when the user opens the link: the token is exchanged and leaves the address bar
    driver.get(link);
    awaitUrl(driver, "/case/" + caseId);
    assertThat(driver.getCurrentUrl())
        .isEqualTo("http://localhost:" + port + "/case/" + caseId)
        .doesNotContain("token");
    assertThat(driver.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo(locale);
    String page = text(driver);
    assertThat(page)
        .contains("Terms of Service v4.2, section 7.3")
        .contains("340 payment requests")
        .contains("500.00 EUR")
        .contains("200.00 EUR")
        .contains("Court order 2026/77");
    capture(chrome, prefix + "1-case", bothLanguages);

    // and appeals: first without writing anything, then with a photo and "talk to a person"
    driver.findElement(By.cssSelector("a.button[href$='/appeal']")).click();
    awaitUrl(driver, "/appeal");
    capture(chrome, prefix + "2-appeal", bothLanguages);
    driver.findElement(By.id("talkToPerson")).click();
    driver.findElement(By.id("contactDetail")).sendKeys("user@example.com");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    await().atMost(DEADLINE).until(() -> !driver.findElements(By.id("error-summary")).isEmpty());
    WebElement summary = driver.findElement(By.id("error-summary"));
    assertThat(summary.getDomAttribute("role")).isEqualTo("alert");
    if (chrome != null) { // HtmlUnit does not apply autofocus
      assertThat(driver.switchTo().activeElement().getDomAttribute("id"))
          .isEqualTo("error-summary");
    }
    assertThat(driver.findElement(By.id("statement-error")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("talkToPerson")).isSelected()).isTrue();
    assertThat(driver.findElement(By.id("contactDetail")).getDomProperty("value"))
        .isEqualTo("user@example.com");
    capture(chrome, prefix + "2-appeal-errors", false);
    if (chrome != null) {
      // the same refusal in the other language (the switch opens the form afresh)
      driver.findElement(By.cssSelector("a.lang")).click();
      awaitUrl(driver, "/appeal");
      driver.findElement(By.cssSelector("button[type=submit]")).click();
      await().atMost(DEADLINE).until(() -> !driver.findElements(By.id("error-summary")).isEmpty());
      String other = driver.findElement(By.tagName("html")).getDomAttribute("lang");
      capture(chrome, prefix + "2-appeal-errors-" + other, false);
      driver.findElement(By.cssSelector("a.lang")).click();
      awaitUrl(driver, "/appeal");
      driver.findElement(By.id("talkToPerson")).click();
    }
    assertThat(
            (List<?>) api.get(appellantOf(caseId), "/api/cases/" + caseId).getBody().get("appeals"))
        .isEmpty();

    driver
        .findElement(By.id("statement"))
        .sendKeys("The payment requests went to my own family for a shared holiday.");
    driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
    driver.findElement(By.cssSelector("input[name=contactPreference][value=EMAIL]")).click();
    driver.findElement(By.cssSelector("button[type=submit]")).click();

    // then the receipt names the appeal
    awaitUrl(driver, "/receipt");
    assertThat(driver.getCurrentUrl())
        .as("page: %s", text(driver))
        .contains("/case/" + caseId + "/appeals/")
        .endsWith("/receipt");
    capture(chrome, prefix + "3-receipt", bothLanguages);
    String appealId = driver.findElement(By.cssSelector("dd code")).getText();
    assertThat(appealId).startsWith("appeal-");

    // when alice asks a question through the API
    driver.findElement(By.cssSelector("a.button[href$='" + appealId + "']")).click();
    awaitUrl(driver, appealId);
    capture(chrome, prefix + "4-status", bothLanguages);
    long task = awaitReviewTask(caseId);
    assertThat(api.post(ALICE, "/api/review/tasks/" + task + "/claim", Map.of()).getStatusCode())
        .matches(s -> s.is2xxSuccessful());
    assertThat(
            api.post(
                    ALICE,
                    "/api/review/tasks/" + task + "/decision",
                    Map.of(
                        "outcome", "REQUEST_INFO",
                        "rationale", "The holiday booking would show the family link",
                        "policyReference", "Payments policy 3.1",
                        "question", "Please tell us who booked the holiday and where."))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    awaitStatus(caseId, CaseStatus.INFO_REQUESTED);

    // then the user sees the question and answers it in the portal
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> {
              driver.navigate().refresh();
              assertThat(text(driver)).contains("Please tell us who booked the holiday");
            });
    capture(chrome, prefix + "4-status-question", bothLanguages);
    driver.findElement(By.id("text")).sendKeys("My sister booked it, in Lisbon.");
    driver.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
    driver.findElement(By.cssSelector("form button[type=submit]")).click();
    awaitUrl(driver, "?answered");
    assertThat(text(driver)).contains("My sister booked it, in Lisbon.");

    // when alice upholds the restriction after the answer
    long second = awaitReviewTask(caseId);
    api.post(ALICE, "/api/review/tasks/" + second + "/claim", Map.of());
    assertThat(
            api.post(
                    ALICE,
                    "/api/review/tasks/" + second + "/decision",
                    Map.of(
                        "outcome", "UPHOLD",
                        "rationale", "The payment log shows requests to 340 strangers",
                        "policyReference", "Terms of Service v4.2, section 7.3"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    await()
        .atMost(DEADLINE)
        .untilAsserted(
            () -> assertThat(eventCount(caseId, FundsEvent.Type.PAYOUT_PAID)).isEqualTo(1));

    // then the decision page gives the reasons, the rule and the money paid out and still held
    driver.get("http://localhost:" + port + "/case/" + caseId + "/appeals/" + appealId);
    String decision = text(driver);
    assertThat(decision)
        .contains("The payment log shows requests to 340 strangers")
        .contains("Terms of Service v4.2, section 7.3")
        .contains("300.00 EUR")
        .contains("200.00 EUR")
        .contains("Court order 2026/77");
    assertThat(driver.findElements(By.cssSelector("ul.plain li")))
        .extracting(WebElement::getText)
        .anySatisfy(t -> assertThat(t).startsWith("300.00 EUR →").contains("*"));
    capture(chrome, prefix + "5-decision", bothLanguages);

    // and the notices, newest first, and the photo sent
    driver.findElement(By.cssSelector("nav.tabs a[href$='/notices']")).click();
    awaitUrl(driver, "/notices");
    List<String> subjects =
        driver
            .findElements(By.cssSelector("article.notice h2, details.notice .notice-title"))
            .stream()
            .map(e -> e.getDomProperty("textContent").strip())
            .toList();
    assertThat(text(driver)).doesNotContain(WorkflowApi.tokenIn(link));
    assertThat(subjects).hasSizeGreaterThanOrEqualTo(4);
    assertThat(subjects.get(subjects.size() - 1))
        .isEqualTo(notice(caseId, NoticeKind.SUSPENSION).subject().strip());
    assertThat(driver.findElements(By.cssSelector("a[href*='/files/']")))
        .hasSize(2); // the photo of the appeal and the one of the answer
    capture(chrome, prefix + "6-notices", bothLanguages);
  }

  // ---- bad input through the portal -------------------------------------------------------------

  @Test
  void shouldRefuseBadAppealsWithAReadablePageAndStoreNothingWhenInputIsWrong() {
    // given a user who opened the link of their notice
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Session session = open(caseId);
    byte[] png = pngBytes();

    // when they send too many files, too large a file, a disguised file or no statement
    MultiValueMap<String, HttpEntity<?>> tooMany = appealForm("Too many files", 6, png);
    byte[] large = new byte[6 * 1024 * 1024];
    System.arraycopy(png, 0, large, 0, png.length);
    MultiValueMap<String, HttpEntity<?>> tooLarge = appealForm("Large file", 1, large);
    byte[] program = "MZ\u0090\u0000\u0003 this is a Windows program".getBytes(UTF_8);
    MultiValueMap<String, HttpEntity<?>> disguised = appealForm("Disguised file", 1, program);
    MultiValueMap<String, HttpEntity<?>> empty = appealForm("   ", 0, png);

    // then each gets the form again with the reason, the API's status code, and nothing is stored
    assertRefused(session.post("/appeal", tooMany, true), 400, "at most 5 files");
    assertRefused(session.post("/appeal", tooLarge, true), 413, "larger than 5 MB");
    assertRefused(session.post("/appeal", disguised, true), 415, "is not a photo");
    assertRefused(session.post("/appeal", empty, true), 400, "Write why you think");
    assertThat(appealsOf(caseId)).isEmpty();

    // when a form is replayed without its CSRF token (or with a made-up one)
    ResponseEntity<String> forged = session.post("/appeal", appealForm("Forged", 0, png), false);

    // then it is refused with a page that says what to do, and nothing is stored
    assertThat(forged.getStatusCode().value()).isEqualTo(403);
    assertThat(forged.getBody()).contains("Your form could not be sent").doesNotContain(caseId);
    assertThat(appealsOf(caseId)).isEmpty();

    // when a good appeal is followed by a second one
    ResponseEntity<String> first = session.post("/appeal", appealForm("My family", 1, png), true);
    assertThat(first.getStatusCode().value()).isEqualTo(303);
    assertThat(first.getHeaders().getLocation().getPath()).endsWith("/receipt");
    ResponseEntity<String> second = session.post("/appeal", appealForm("Again", 0, png), true);

    // then the second is explained (409) and only the first is stored
    assertRefused(second, 409, "An appeal is already open");
    assertThat(second.getBody()).contains("Again"); // what they typed, to copy
    assertThat(appealsOf(caseId)).hasSize(1);
  }

  @Test
  void shouldAnswerBrokenExpiredAndForeignLinksWithoutRevealingAnyCaseWhenOpened() {
    // given two cases of two users
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    Account other = account(Money.of(2_000, "EUR"));
    String otherCaseId = suspend(other, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    awaitStatus(otherCaseId, CaseStatus.NOTIFIED);
    Session session = open(caseId);
    String token = WorkflowApi.tokenIn(notice(caseId, NoticeKind.SUSPENSION).body());

    // when the link has expired or was damaged
    String expired =
        caseLinks.link(caseId, user.accountId(), engineClock.now().minus(Duration.ofHours(1)));
    ResponseEntity<String> late = portal.get(pathOf(expired), null);
    ResponseEntity<String> damaged = portal.get("/case/" + caseId + "?token=" + token + "x", null);

    // then a page says what to do (401), sets no cookie and names no case
    assertThat(late.getStatusCode().value()).isEqualTo(401);
    assertThat(late.getBody()).contains("This link has expired").doesNotContain(caseId);
    assertThat(late.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
    assertThat(damaged.getStatusCode().value()).isEqualTo(401);
    assertThat(damaged.getBody()).contains("This link does not work").doesNotContain(caseId);

    // when the user's link or cookie is used for another case, or for one that does not exist
    ResponseEntity<String> tokenOther =
        portal.get("/case/" + otherCaseId + "?token=" + token, null);
    ResponseEntity<String> tokenNone = portal.get("/case/case-nope?token=" + token, null);
    ResponseEntity<String> cookieOther = portal.get("/case/" + otherCaseId, session.cookie());
    ResponseEntity<String> cookieNone = portal.get("/case/case-nope", session.cookie());
    String otherAppeal = appealsOfOtherCase(otherCaseId);
    ResponseEntity<String> foreignAppeal =
        portal.get("/case/" + caseId + "/appeals/" + otherAppeal, session.cookie());
    ResponseEntity<String> missingAppeal =
        portal.get("/case/" + caseId + "/appeals/appeal-nope", session.cookie());

    // then both answer exactly alike
    assertThat(tokenOther.getStatusCode().value()).isEqualTo(404);
    assertThat(tokenOther.getBody()).isEqualTo(tokenNone.getBody()).doesNotContain(otherCaseId);
    assertThat(tokenNone.getStatusCode().value()).isEqualTo(404);
    assertThat(cookieOther.getStatusCode().value())
        .isEqualTo(cookieNone.getStatusCode().value())
        .isEqualTo(401);
    assertThat(cookieOther.getBody()).isEqualTo(cookieNone.getBody()).doesNotContain(otherCaseId);
    assertThat(foreignAppeal.getStatusCode().value()).isEqualTo(404);
    assertThat(foreignAppeal.getBody())
        .isEqualTo(missingAppeal.getBody())
        .doesNotContain(otherAppeal);

    // and every portal page carries the protective headers
    ResponseEntity<String> page = portal.get("/case/" + caseId, session.cookie());
    assertThat(page.getStatusCode().value()).isEqualTo(200);
    for (ResponseEntity<String> r : List.of(page, late, tokenOther, cookieOther)) {
      assertThat(r.getHeaders().getFirst("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(r.getHeaders().getCacheControl()).contains("no-store");
      assertThat(r.getHeaders().getFirst("Content-Security-Policy"))
          .contains("default-src 'none'")
          .doesNotContain("script-src")
          .doesNotContain("unsafe-inline");
    }

    // and the expired-link page reads well and passes axe in both languages
    if (chrome != null) {
      chrome.get(expired);
      capture(chrome, "0-link-expired", false);
      chrome.findElement(By.cssSelector("a.lang")).click();
      await()
          .atMost(DEADLINE)
          .until(
              () -> "zh-CN".equals(chrome.findElement(By.tagName("html")).getDomAttribute("lang")));
      capture(chrome, "0-link-expired-zh-CN", false);
      // and so do the other pages a link or a form can end on
      for (String kind :
          List.of(
              "link-needed",
              "link-invalid",
              "not-found",
              "form-expired",
              "too-large",
              "unexpected")) {
        for (String lang : List.of("en", "zh-CN")) {
          chrome.get("http://localhost:" + port + "/portal/problem/" + kind + "?lang=" + lang);
          assertThat(chrome.findElement(By.tagName("html")).getDomAttribute("lang"))
              .isEqualTo(lang);
          assertThat(chrome.findElement(By.tagName("h1")).getText()).isNotBlank();
          capture(chrome, "0-" + kind + "-" + lang, false);
        }
      }
    }
  }

  @Test
  void shouldAskToWaitWithoutLosingAnythingWhenACaseSendsTooManyForms() {
    // given a user who sent the allowed number of forms in a short time (all refused as empty)
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Session session = open(caseId);
    for (int i = 0; i < 10; i++) {
      assertThat(session.post("/appeal", appealForm("", 0, null), true).getStatusCode().value())
          .isEqualTo(400);
    }

    // when they send another, a good one
    ResponseEntity<String> more =
        session.post("/appeal", appealForm("Let me explain", 0, null), true);

    // then they are asked to wait (429), with the text kept, and nothing is stored
    assertRefused(more, 429, "please wait 15 minutes");
    assertThat(more.getBody()).contains("Let me explain");
    assertThat(appealsOf(caseId)).isEmpty();
  }

  @Test
  void shouldExplainWhatIsLeftAndStoreNothingWhenTheAppealWindowHasClosed() {
    // given a user who opened the appeal form, and the appeal window that then passed
    Account user = account(Money.of(2_000, "EUR"));
    String caseId = suspend(user, 2_000, null, "bob");
    awaitStatus(caseId, CaseStatus.NOTIFIED);
    Session session = open(caseId);
    session.loadForm("/appeal");
    engineClock.add(Duration.ofDays(186));

    // when they open the form again, and send the one they had open
    ResponseEntity<String> form = portal.get("/case/" + caseId + "/appeal", session.cookie());
    ResponseEntity<String> late = session.post("/appeal", appealForm("Too late?", 0, null), true);

    // then both explain that the window has closed and name the routes left; nothing is stored
    assertThat(form.getStatusCode().value()).isEqualTo(200);
    assertThat(form.getBody())
        .contains("The time to appeal has ended")
        .contains("dispute settlement")
        .doesNotContain("name=\"statement\"");
    assertRefused(late, 409, "The time to appeal has ended");
    assertThat(late.getBody()).contains("Too late?").contains("competent court");
    assertThat(appealsOf(caseId)).isEmpty();
  }

  // ---- HTTP helpers for the bad-input tests -----------------------------------------------------

  @Autowired CaseLinks caseLinks;

  PortalHttp portal;

  @BeforeEach
  void setUpPortalHttp() {
    portal = new PortalHttp(port);
  }

  /** Opens the case link of the suspension notice; checks the cookie exchange. */
  Session open(String caseId) {
    String link = portalLink(notice(caseId, NoticeKind.SUSPENSION).body());
    ResponseEntity<String> exchange = portal.get(pathOf(link), null);
    assertThat(exchange.getStatusCode().value()).isEqualTo(303);
    assertThat(exchange.getHeaders().getLocation()).hasToString("/case/" + caseId);
    String setCookie = exchange.getHeaders().getFirst(HttpHeaders.SET_COOKIE);
    assertThat(setCookie)
        .startsWith("redress_case=")
        .contains("Path=/case/" + caseId)
        .contains("HttpOnly")
        .contains("SameSite=Strict")
        .doesNotContain("Secure"); // plain HTTP here; Secure over HTTPS
    return new Session(portal, caseId, setCookie.substring(0, setCookie.indexOf(';')));
  }

  static String pathOf(String url) {
    java.net.URI uri = java.net.URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  List<?> appealsOf(String caseId) {
    return (List<?>) api.get(appellantOf(caseId), "/api/cases/" + caseId).getBody().get("appeals");
  }

  String appealsOfOtherCase(String caseId) {
    ResponseEntity<Map<String, Object>> filed =
        api.post(
            appellantOf(caseId), "/api/cases/" + caseId + "/appeals", Map.of("statement", "x"));
    assertThat(filed.getStatusCode().value()).isEqualTo(201);
    return (String) filed.getBody().get("appealId");
  }

  static void assertRefused(ResponseEntity<String> response, int status, String text) {
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(status);
    assertThat(response.getBody())
        .contains("role=\"alert\"")
        .contains(text)
        .contains("<html lang=\"en\"");
  }

  static byte[] pngBytes() {
    try {
      return Files.readAllBytes(photo == null ? writePhoto() : photo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static MultiValueMap<String, HttpEntity<?>> appealForm(
      String statement, int files, byte[] content) {
    MultiValueMap<String, HttpEntity<?>> form = new LinkedMultiValueMap<>();
    form.add("statement", field(statement));
    form.add("contactPreference", field("IN_APP"));
    for (int i = 0; i < files; i++) {
      HttpHeaders headers = new HttpHeaders();
      headers.setContentType(MediaType.IMAGE_PNG);
      headers.setContentDispositionFormData("evidence", "photo-" + i + ".png");
      form.add("evidence", new HttpEntity<>(content, headers));
    }
    return form;
  }

  static HttpEntity<String> field(String value) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(new MediaType("text", "plain", UTF_8));
    return new HttpEntity<>(value, headers);
  }

  /** The portal as a browser without JavaScript sees it, one request at a time, no redirects. */
  static final class PortalHttp {
    private final RestClient http;

    PortalHttp(int port) {
      this.http =
          RestClient.builder()
              .baseUrl("http://localhost:" + port)
              .requestFactory(
                  new JdkClientHttpRequestFactory(
                      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
              .defaultStatusHandler(status -> true, (request, response) -> {})
              .build();
    }

    ResponseEntity<String> get(String path, String cookie) {
      return http.get()
          .uri(path)
          .headers(
              h -> {
                if (cookie != null) {
                  h.add(HttpHeaders.COOKIE, cookie);
                }
              })
          .retrieve()
          .toEntity(String.class);
    }

    ResponseEntity<String> post(
        String path, String cookie, MultiValueMap<String, HttpEntity<?>> form) {
      return http.post()
          .uri(path)
          .header(HttpHeaders.COOKIE, cookie)
          .contentType(MediaType.MULTIPART_FORM_DATA)
          .body(form)
          .retrieve()
          .toEntity(String.class);
    }
  }

  /**
   * A signed-in portal session: the case cookie, and the CSRF token of the last form page seen (a
   * replayed form, like the second appeal, reuses it as a browser's back button would).
   */
  static final class Session {
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final PortalHttp portal;
    private final String caseId;
    private final String cookie;
    private String csrf;

    Session(PortalHttp portal, String caseId, String cookie) {
      this.portal = portal;
      this.caseId = caseId;
      this.cookie = cookie;
    }

    String cookie() {
      return cookie;
    }

    /** Opens a form page as the browser did before, keeping its CSRF token. */
    void loadForm(String page) {
      Matcher m = CSRF.matcher(portal.get("/case/" + caseId + page, cookie).getBody());
      assertThat(m.find()).as("a form on %s", page).isTrue();
      csrf = m.group(1);
    }

    ResponseEntity<String> post(
        String page, MultiValueMap<String, HttpEntity<?>> form, boolean withCsrf) {
      String path = "/case/" + caseId + page;
      MultiValueMap<String, HttpEntity<?>> sent = new LinkedMultiValueMap<>(form);
      if (withCsrf) {
        Matcher m = CSRF.matcher(portal.get(path, cookie).getBody());
        if (m.find()) {
          csrf = m.group(1);
        }
        assertThat(csrf).as("a CSRF token from the form page").isNotNull();
        sent.add("_csrf", field(csrf));
      } else {
        sent.add("_csrf", field("made-up"));
      }
      return portal.post(path, cookie, sent);
    }
  }

  // ---- helpers ----------------------------------------------------------------------------------

  static String portalLink(String noticeBody) {
    Matcher m = PORTAL_LINK.matcher(noticeBody);
    assertThat(m.find()).as("a portal link in the notice: %s", noticeBody).isTrue();
    return m.group();
  }

  /** Waits for the navigation a click started (a click does not wait for the next page). */
  static void awaitUrl(WebDriver driver, String ending) {
    await()
        .atMost(DEADLINE)
        .untilAsserted(() -> assertThat(driver.getCurrentUrl()).endsWith(ending));
    await()
        .atMost(DEADLINE)
        .until(() -> !driver.findElements(By.cssSelector("footer.foot")).isEmpty());
  }

  static String text(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getText();
  }

  /**
   * axe-core and a full-page screenshot of the current page; with {@code bothLanguages} the same
   * again in the other language (through the page's language switch), then back.
   */
  static void capture(ChromeDriver driver, String name, boolean bothLanguages) {
    if (driver == null) {
      return; // HtmlUnit: the Chrome run checks and photographs every page in both languages
    }
    checkAccessibility(driver, name);
    screenshot(driver, name);
    if (bothLanguages) {
      String first = driver.findElement(By.tagName("html")).getDomAttribute("lang");
      String page = driver.getCurrentUrl();
      driver.findElement(By.cssSelector("a.lang")).click();
      await()
          .atMost(DEADLINE)
          .until(
              () -> !first.equals(driver.findElement(By.tagName("html")).getDomAttribute("lang")));
      String other = driver.findElement(By.tagName("html")).getDomAttribute("lang");
      assertThat(other).isNotEqualTo(first);
      checkAccessibility(driver, name + "-" + other);
      screenshot(driver, name + "-" + other);
      driver.findElement(By.cssSelector("a.lang")).click();
      await()
          .atMost(DEADLINE)
          .until(
              () -> first.equals(driver.findElement(By.tagName("html")).getDomAttribute("lang")));
      assertThat(driver.getCurrentUrl()).isEqualTo(page);
    }
  }

  static void checkAccessibility(ChromeDriver driver, String name) {
    Results results = new AxeBuilder().analyze(driver);
    List<String> serious = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes());
      }
    }
    assertThat(serious).as("axe-core on %s (%s)", name, driver.getCurrentUrl()).isEmpty();
  }

  static void screenshot(ChromeDriver driver, String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics =
        (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double height = ((Number) size.get("height")).doubleValue();
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of("x", 0, "y", 0, "width", 360, "height", Math.max(740, height), "scale", 1)));
    try {
      Files.write(
          SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
