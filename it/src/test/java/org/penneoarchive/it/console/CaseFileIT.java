package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Notifications;

/**
 * A case file reaching a state through Penneo's webhook notifications, seen on the dashboard, in
 * the search and on its detail page with its signer's timeline (a repeated and a late event).
 */
@ExtendWith(ArquillianExtension.class)
class CaseFileIT {

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    browser = new ConsoleBrowser("en");
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void aRejectedCaseFileOnTheDashboardInTheSearchAndOnItsPage() {
    browser.login("it-admin", "it-admin-pw");
    long subscription = Subscriptions.createLegacy(browser, "casefile");
    URI endpoint = URI.create(Subscriptions.endpoint(browser, subscription));

    long caseFileId = 700_000_000L + (System.nanoTime() % 1_000_000L);
    long signerId = caseFileId + 1;
    post(
        endpoint,
        Notifications.signer("requestSent", signerId, caseFileId, "2026-06-01 08:00:00.000001"));
    post(
        endpoint,
        Notifications.signer("opened", signerId, caseFileId, "2026-06-01 09:00:00.000002"));
    post(
        endpoint,
        Notifications.signer("opened", signerId, caseFileId, "2026-06-01 09:00:00.000002"));
    // Arrives after the later "opened" had been applied: late.
    post(
        endpoint,
        Notifications.signer("requestOpened", signerId, caseFileId, "2026-06-01 08:30:00.000003"));
    post(endpoint, Notifications.casefile("rejected", caseFileId, 2, "2026-06-01 10:00:00.517791"));

    JsonObject api =
        Http.await(
            () -> caseFile(caseFileId),
            c ->
                c != null
                    && "REJECTED".equals(c.getString("state"))
                    && c.getJsonArray("events").size() == 4,
            Duration.ofSeconds(60));
    assertEquals("REJECTED", api.getString("state"), "intake applied the notifications");

    browser.open("index.xhtml");
    long rejected =
        Http.json(
                Http.get(
                    URI.create(Deployments.productUrl() + "/api/casefiles?state=REJECTED&size=1"),
                    Http.ADMIN))
            .getJsonNumber("total")
            .longValue();
    assertEquals(String.valueOf(rejected), browser.text("count-REJECTED").replaceAll("\\D", ""));
    browser.screenshot("dashboard-rejected");

    browser.open("casefiles.xhtml?id=" + caseFileId);
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#casefiles tbody tr"));
    assertEquals(1, rows.size(), "the search by Penneo id finds exactly this case file");
    assertTrue(rows.get(0).getText().contains("Rejected"));
    browser.click(rows.get(0).findElement(By.tagName("a")));

    assertEquals("Rejected", browser.text("state"));
    WebElement signer = browser.byId("signer-" + signerId);
    List<WebElement> events = signer.findElements(By.cssSelector("tbody tr"));
    assertEquals(3, events.size(), "three distinct signer events, the repeat counted once");
    assertEquals(
        List.of("signer/requestSent", "signer/requestOpened", "signer/opened"),
        events.stream().map(e -> e.findElement(By.tagName("code")).getText()).toList(),
        "by event time");
    assertTrue(events.get(1).getText().contains("late"), events.get(1).getText());
    assertTrue(events.get(2).getText().contains("delivered 2 times"), events.get(2).getText());
    browser.screenshot("case-file-timeline");

    // The rejection opened a task: comment, take it, resolve it; who and when are recorded.
    browser.open("tasks.xhtml");
    String task =
        browser.driver.findElements(By.cssSelector("article.task")).stream()
            .filter(a -> a.getText().contains("Case file " + caseFileId))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open task for case file " + caseFileId))
            .getDomAttribute("id");
    browser
        .in(task, "textarea[id$=':comment']")
        .sendKeys("Called the signer; a new case file follows.");
    browser.click(browser.in(task, "input[id$=':addComment']"));
    assertTrue(browser.messages().contains("comment"), browser.messages());
    assertTrue(browser.text(task).contains("Called the signer"), browser.text(task));
    browser.click(browser.in(task, "input[id$=':assign']"));
    assertEquals("it-admin", browser.text(task.replace("task-", "task-assignee-")));
    browser.click(browser.in(task, "input[id$=':resolve']"));
    assertTrue(browser.messages().contains("resolved"), browser.messages());
    assertTrue(!browser.present(task), "no longer among the open tasks");
    browser.open("tasks.xhtml?state=RESOLVED");
    assertTrue(browser.text(task.replace("task-", "task-resolved-")).startsWith("it-admin, "));
    browser.open("audit.xhtml?actor=it-admin&q=" + task.replace("task-", "task+"));
    String audit = browser.text("audit");
    for (String action : List.of("comment on task", "assign task", "resolve task")) {
      assertTrue(audit.contains(action), audit);
    }
    assertEquals(List.of(), browser.cspViolations());
  }

  @Test
  void theSearchSortsOnTheServerAndEchoesInputAsText() {
    browser.login("it-admin", "it-admin-pw");
    URI endpoint =
        URI.create(
            Subscriptions.endpoint(browser, Subscriptions.createLegacy(browser, "casefile")));
    long first = 710_000_000L + (System.nanoTime() % 1_000_000L);
    for (long id : new long[] {first + 5, first}) {
      post(endpoint, Notifications.casefile("expired", id, 7, "2026-06-03 10:00:00.000001"));
    }
    Http.await(
        () -> caseFile(first) != null && caseFile(first + 5) != null,
        Boolean::booleanValue,
        Duration.ofSeconds(60));

    browser.open("casefiles.xhtml?state=EXPIRED");
    browser.click("sort-PENNEO_ID");
    assertEquals(
        1, browser.driver.findElements(By.cssSelector("th[aria-sort='ascending']")).size());
    List<Long> ascending = ids();
    assertTrue(ascending.size() >= 2, "both case files listed: " + ascending);
    assertEquals(ascending.stream().sorted().toList(), ascending);
    browser.click("sort-PENNEO_ID");
    List<Long> descending = ids();
    assertEquals(
        descending.stream().sorted(java.util.Comparator.reverseOrder()).toList(), descending);

    browser.open("casefiles.xhtml?title=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
    assertEquals(
        "\"><script>alert(1)</script>",
        browser.byId("title").getDomProperty("value"),
        "what was typed comes back as text, never as markup");
    assertEquals(List.of(), browser.cspViolations());
  }

  private static List<Long> ids() {
    return browser
        .driver
        .findElements(By.cssSelector("#casefiles tbody tr td:first-child"))
        .stream()
        .map(td -> Long.parseLong(td.getText().strip()))
        .toList();
  }

  private static void post(URI endpoint, String body) {
    var r =
        Http.webhook(
            endpoint, "application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertEquals(200, r.statusCode(), r.body());
  }

  private static JsonObject caseFile(long id) {
    var r = Http.get(URI.create(Deployments.productUrl() + "/api/casefiles/" + id), Http.ADMIN);
    return r.statusCode() == 200 ? Http.json(r) : null;
  }
}
