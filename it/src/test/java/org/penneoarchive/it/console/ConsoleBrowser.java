package org.penneoarchive.it.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.penneoarchive.it.support.Deployments;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) with a fresh
 * profile, driving the console as a person would. One per test class; {@link #close()} stops the
 * driver and the browser. Screenshots go to {@code it/<target>/screenshots}; with {@code
 * -Dscreenshots.docs=DIR} the ones named for the docs are copied there too (docs/screenshots).
 */
final class ConsoleBrowser implements AutoCloseable {

  static final String CONSOLE = Deployments.productUrl() + "/console/";
  static final List<String> DOC_SHOTS =
      List.of("dashboard", "case-file", "case-file-timeline", "archive-runs");

  private final Path profile;
  private final ChromeDriverService service;
  final WebDriver driver;

  /**
   * @param language the browser's language (Accept-Language), e.g. {@code en} or {@code da}
   */
  ConsoleBrowser(String language) {
    try {
      profile = Files.createTempDirectory("console-it-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary("/usr/bin/chromium");
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1280,1000",
        "--lang=" + language,
        "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .withLogOutput(java.io.OutputStream.nullOutputStream())
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
  }

  void open(String pathUnderConsole) {
    driver.get(CONSOLE + pathUnderConsole);
  }

  /** Signs in through the form login; the browser then shows the page it first asked for. */
  void login(String user, String password) {
    if (driver.getCurrentUrl().startsWith("http")) {
      driver.manage().deleteAllCookies(); // a fresh session for each sign-in
    }
    open("index.xhtml");
    type("j_username", user);
    type("j_password", password);
    click("signin");
  }

  void signOut() {
    click("logout:signout");
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }

  boolean present(String id) {
    return !driver.findElements(By.id(id)).isEmpty();
  }

  String text(String id) {
    return byId(id).getText();
  }

  void type(String id, String value) {
    WebElement e = byId(id);
    e.clear();
    e.sendKeys(value);
  }

  /** Clicks and waits for the page that the click loads (every console action is a full page). */
  void click(String id) {
    click(byId(id));
  }

  void click(WebElement e) {
    e.click();
    new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> gone(e));
  }

  /**
   * True once the element is no longer in the page (the click loaded the next one). Chromium
   * sometimes answers a question about a node of the page being replaced with an inspector error
   * ("does not belong to the document") instead of a stale-element error; both mean gone.
   */
  private static boolean gone(WebElement e) {
    try {
      e.isEnabled();
      return false;
    } catch (StaleElementReferenceException stale) {
      return true;
    } catch (WebDriverException other) {
      String m = String.valueOf(other.getMessage());
      if (m.contains("does not belong to the document") || m.contains("No node with given id")) {
        return true;
      }
      throw other;
    }
  }

  /** An element inside another, by CSS (e.g. a button in one task's form). */
  WebElement in(String containerId, String css) {
    return byId(containerId).findElement(By.cssSelector(css));
  }

  /** Messages the page shows after an action (h:messages). */
  String messages() {
    return present("messages") ? text("messages") : "";
  }

  /** Console lines that report a refused script or style: the CSP must never block the console. */
  List<String> cspViolations() {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(m -> m.contains("Content Security Policy"))
        .toList();
  }

  void screenshot(String name) {
    Path dir = Path.of(System.getProperty("it.base.dir")).resolveSibling("screenshots");
    try {
      Files.createDirectories(dir);
      Path png = dir.resolve(name + ".png");
      Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
      String docs = System.getProperty("screenshots.docs");
      if (docs != null && !docs.isBlank() && DOC_SHOTS.contains(name)) {
        Files.createDirectories(Path.of(docs));
        Files.copy(png, Path.of(docs, name + ".png"), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
      deleteTree(profile);
    }
  }

  private static void deleteTree(Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temporary profile is harmless
    }
  }
}
