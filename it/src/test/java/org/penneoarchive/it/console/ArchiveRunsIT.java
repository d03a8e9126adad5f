package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;

/**
 * The archive runs page: a sweep and a fixity audit started there and seen to the end with their
 * figures; a running archive job stopped there and restarted from its checkpoint; each action in
 * the audit log.
 */
@ExtendWith(ArquillianExtension.class)
class ArchiveRunsIT {

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  static ConsoleBrowser browser;
  final ConsoleWorld world = new ConsoleWorld();

  @BeforeAll
  static void start() {
    browser = new ConsoleBrowser("en");
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @AfterEach
  void clearFaults() {
    world.faults("{}");
  }

  @Test
  void aSweepAndAFixityAuditStartedOnThePageRunToTheirEnd() {
    browser.login("it-admin", "it-admin-pw");
    browser.click("nav-runs");
    assertEquals("Archive runs · penneo-archive", browser.driver.getTitle());
    assertTrue(
        browser.text("next-sweep").startsWith("The schedule starts the next sweep at 20"),
        browser.text("next-sweep"));
    assertTrue(
        browser.text("next-audit").startsWith("The schedule starts the next audit at 20"),
        browser.text("next-audit"));

    browser.click("sweep:start");
    long sweep = number("A sweep runs as run (\\d+)");
    assertTrue(browser.present("run-" + sweep), "the new run is listed at once");
    assertEquals("it-admin", browser.text("run-by-" + sweep));
    assertEquals("completed", awaitStatus("run-status-" + sweep, Set.of("completed", "failed")));

    browser.click("audit:start");
    long audit = number("A fixity audit runs as run (\\d+)");
    assertEquals("completed", awaitStatus("audit-status-" + audit, Set.of("completed", "failed")));
    assertEquals("0", browser.text("audit-failed-" + audit), "every bag matches its manifests");
    browser.screenshot("archive-runs");

    browser.open("audit.xhtml?actor=it-admin&q=run+" + sweep);
    assertTrue(browser.text("audit").contains("start archive sweep"), browser.text("audit"));
    assertEquals(List.of(), browser.cspViolations());
  }

  @Test
  void aRunningArchiveJobIsStoppedAndRestartedFromItsCheckpoint() {
    browser.login("it-admin", "it-admin-pw");
    world.subscribe(browser, "casefile");
    Set<Long> before = Set.copyOf(runs().stream().map(ArchiveRunsIT::id).toList());
    // Every request to Penneo answered slowly: the job archiving this case file runs long
    // enough to be stopped from the page.
    world.faults("{\"delayMs\":2500}");
    long caseFile =
        world
            .createCaseFile("Slow to archive", "[30000,30000,30000,30000]")
            .getJsonNumber("id")
            .longValue();
    world.sandbox.play(caseFile, "{\"to\":\"completed\"}");
    JsonObject running =
        Http.await(
            () ->
                runs().stream()
                    .filter(r -> !before.contains(id(r)))
                    .filter(r -> "prompt".equals(r.getString("kind", "")))
                    .filter(r -> "STARTED".equals(r.getString("status", "")))
                    .findFirst()
                    .orElse(null),
            r -> r != null,
            Duration.ofSeconds(120));
    assertTrue(running != null, "an archive job started for case file " + caseFile);
    long run = id(running);

    browser.open("admin/archive-runs.xhtml");
    assertEquals("running", browser.text("run-status-" + run));
    browser.click(browser.in("run-" + run, "input[id$=':stop']"));
    assertTrue(
        browser.messages().contains("Run " + run + " stops after the case file"),
        browser.messages());
    world.faults("{}");
    assertEquals("stopped", awaitStatus("run-status-" + run, Set.of("stopped", "completed")));

    browser.click(browser.in("run-" + run, "input[id$=':restart']"));
    long restarted = number("Run " + run + " is restarted from its last checkpoint as run (\\d+)");
    assertEquals("it-admin", browser.text("run-by-" + restarted));
    assertEquals(
        "completed", awaitStatus("run-status-" + restarted, Set.of("completed", "failed")));
    assertTrue(
        browser
            .driver
            .findElements(org.openqa.selenium.By.cssSelector("#run-" + run + " input"))
            .isEmpty(),
        "a run restarted already offers no second restart");
    world.await(caseFile, Set.of("ARCHIVED"), Duration.ofSeconds(120));

    browser.open("audit.xhtml?actor=it-admin&q=archive+run+" + run);
    String audit = browser.text("audit");
    assertTrue(audit.contains("stop archive run"), audit);
    assertTrue(audit.contains("restart archive run"), audit);
    assertEquals(List.of(), browser.cspViolations());
  }

  /** Reloads the page until the element's text is one of the ends; returns the last text. */
  private static String awaitStatus(String elementId, Set<String> ends) {
    return Http.await(
        () -> {
          browser.driver.navigate().refresh();
          return browser.present(elementId) ? browser.text(elementId) : "";
        },
        ends::contains,
        Duration.ofSeconds(180));
  }

  /** A number out of the page's message, e.g. the run an action started. */
  private static long number(String regex) {
    String messages = browser.messages();
    Matcher m = Pattern.compile(regex).matcher(messages);
    assertTrue(m.find(), "no message matching '" + regex + "' but: " + messages);
    return Long.parseLong(m.group(1));
  }

  private static long id(JsonObject run) {
    return run.getJsonNumber("executionId").longValue();
  }

  private List<JsonObject> runs() {
    return Http.json(
            Http.get(
                URI.create(Deployments.productUrl() + "/api/archive/runs?size=100"), Http.STAFF))
        .getJsonArray("items")
        .getValuesAs(JsonObject.class);
  }
}
