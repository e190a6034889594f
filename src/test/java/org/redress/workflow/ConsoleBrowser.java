package org.redress.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driving the staff console like a person: signs in through the form,
 * checks every page with axe-core (no serious or critical violation) and writes full-page
 * screenshots to {@code target/screenshots/console/<name>[-zh-CN].png}, at desktop width (1280 CSS
 * px) or phone width (390). {@link #available()} is false without {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}; tests then skip with {@link #MISSING}.
 */
final class ConsoleBrowser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path SCREENSHOTS = Path.of("target", "screenshots", "console");
  static final Duration DEADLINE = Duration.ofSeconds(30);
  static final String MISSING =
      "Chromium browser test skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing"
          + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

  static final int DESKTOP_WIDTH = 1280;
  static final int PHONE_WIDTH = 390;

  final ChromeDriver driver;
  private final String base;
  private int width = DESKTOP_WIDTH;

  private ConsoleBrowser(ChromeDriver driver, int port) {
    this.driver = driver;
    this.base = "http://localhost:" + port;
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /** A fresh browser (its own cookies) on the app at this port, desktop width. */
  static ConsoleBrowser open(int port) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=" + DESKTOP_WIDTH + ",900",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(DEADLINE);
    try {
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ConsoleBrowser(driver, port);
  }

  String url(String path) {
    return base + path;
  }

  /** Opens a path of the app (e.g. {@code /console/queue}). */
  ConsoleBrowser go(String path) {
    driver.get(url(path));
    return this;
  }

  /** Signs in through the console's form and waits for the page after it. */
  ConsoleBrowser signIn(String username, String password) {
    go("/console/login");
    driver.findElement(By.id("username")).sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.cssSelector("form.card button[type=submit]")).click();
    await().atMost(DEADLINE).until(() -> !driver.getCurrentUrl().contains("/console/login"));
    return this;
  }

  /** Signs out with the layout's button. */
  ConsoleBrowser signOut() {
    driver.findElement(By.cssSelector("form.logout button")).click();
    await().atMost(DEADLINE).until(() -> driver.getCurrentUrl().contains("/console/login"));
    return this;
  }

  /** Phone width (390 CSS px, touch) from now on, until {@link #desktop()}. */
  ConsoleBrowser phone() {
    width = PHONE_WIDTH;
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    return this;
  }

  ConsoleBrowser desktop() {
    width = DESKTOP_WIDTH;
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    return this;
  }

  /** The visible text of the page's body. */
  String text() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** The language of the page ({@code <html lang>}). */
  String lang() {
    return driver.findElement(By.tagName("html")).getDomAttribute("lang");
  }

  /**
   * axe-core and a screenshot of the current page; then the same in the other language (through the
   * layout's language switch) and back to the first.
   */
  void captureBothLanguages(String name) {
    capture(name);
    String first = lang();
    String page = driver.getCurrentUrl();
    switchLanguage();
    await().atMost(DEADLINE).until(() -> !first.equals(lang()));
    capture(name + "-" + lang());
    switchLanguage();
    await().atMost(DEADLINE).until(() -> first.equals(lang()));
    if (!page.contains("lang=")) {
      assertThat(driver.getCurrentUrl()).startsWith(page.replaceAll("[?#].*$", ""));
    }
  }

  void switchLanguage() {
    driver.findElement(By.cssSelector("header .lang")).click();
  }

  /** axe-core (no serious or critical violation) and a full-page screenshot. */
  void capture(String name) {
    checkAccessibility(name);
    screenshot(name);
  }

  void checkAccessibility(String name) {
    Results results = new AxeBuilder().analyze(driver);
    List<String> serious = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
        serious.add(rule.getId() + " (" + rule.getImpact() + "): " + rule.getNodes());
      }
    }
    assertThat(serious).as("axe-core on %s (%s)", name, driver.getCurrentUrl()).isEmpty();
  }

  void screenshot(String name) {
    @SuppressWarnings("unchecked")
    Map<String, Object> metrics =
        (Map<String, Object>) driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
    @SuppressWarnings("unchecked")
    Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
    double height = ((Number) size.get("height")).doubleValue();
    String suffix = width == PHONE_WIDTH ? "-phone" : "";
    Map<String, Object> shot =
        driver.executeCdpCommand(
            "Page.captureScreenshot",
            Map.of(
                "format",
                "png",
                "captureBeyondViewport",
                true,
                "clip",
                Map.of(
                    "x", 0, "y", 0, "width", width, "height", Math.max(600, height), "scale", 1)));
    try {
      Files.write(
          SCREENSHOTS.resolve(name + suffix + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
