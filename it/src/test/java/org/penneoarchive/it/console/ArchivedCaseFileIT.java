package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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

/**
 * A case file played at the sandbox through to Archived: counted on the dashboard (cards and the
 * chart's archived documents), shown on its page with each archived document's size, pages and
 * hashes, and its download link gives the very bytes Penneo served.
 */
@ExtendWith(ArquillianExtension.class)
class ArchivedCaseFileIT {

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

  @Test
  void aCompletedCaseFileIsArchivedAndItsDocumentsDownloadAsPenneoServedThem() {
    browser.login("it-admin", "it-admin-pw");
    world.subscribe(browser, "casefile");

    JsonObject created = world.createCaseFile("Lease agreement, Vesterbro", "[45000,260000]");
    long id = created.getJsonNumber("id").longValue();
    List<Long> documentIds =
        created.getJsonArray("documentIds").getValuesAs(JsonValue.class).stream()
            .map(v -> Long.parseLong(v.toString()))
            .toList();
    world.sandbox.play(id, "{\"to\":\"completed\"}");
    JsonObject archived = world.await(id, Set.of("ARCHIVED"), Duration.ofSeconds(180));
    assertEquals(documentIds.size(), archived.getJsonArray("documents").size());
    List<JsonObject> running =
        Http.await(ArchivedCaseFileIT::runningRuns, List::isEmpty, Duration.ofSeconds(60));
    assertEquals(List.of(), running, "the archive job that archived it has ended");

    browser.open("index.xhtml");
    long archivedTotal = total("ARCHIVED");
    assertTrue(archivedTotal >= 1);
    assertEquals(
        String.valueOf(archivedTotal), browser.text("count-ARCHIVED").replaceAll("\\D", ""));
    long chartArchived =
        browser.driver.findElements(By.cssSelector("#chart-table tbody tr")).stream()
            .mapToLong(
                tr ->
                    Long.parseLong(
                        tr.findElements(By.tagName("td"))
                            .get(3)
                            .getDomProperty("textContent")
                            .strip()))
            .sum();
    assertTrue(
        chartArchived >= documentIds.size(),
        "the chart counts this case file's documents as archived: " + chartArchived);
    assertTrue(browser.text("last-run").startsWith("Last run ended"), browser.text("last-run"));
    assertTrue(
        browser.text("next-run").matches("Next scheduled sweep: \\d{4}-\\d\\d-\\d\\d .*"),
        "the archive.schedule timer's next timeout: " + browser.text("next-run"));
    browser.screenshot("dashboard");

    browser.click(browser.byId("count-ARCHIVED").findElement(By.xpath("..")));
    assertTrue(
        browser.driver.getCurrentUrl().contains("state=ARCHIVED"), "the card links the list");
    browser.open("casefiles.xhtml?state=ARCHIVED&id=" + id);
    List<WebElement> rows = browser.driver.findElements(By.cssSelector("#casefiles tbody tr"));
    assertEquals(1, rows.size(), "the search finds the archived case file");
    browser.click(rows.get(0).findElement(By.tagName("a")));

    assertEquals("Archived", browser.text("state"));
    assertTrue(browser.text("bag").contains("casefile-" + id), browser.text("bag"));
    for (long documentId : documentIds) {
      JsonObject record =
          archived.getJsonArray("documents").getValuesAs(JsonObject.class).stream()
              .filter(d -> d.getJsonNumber("penneoId").longValue() == documentId)
              .findFirst()
              .orElseThrow();
      WebElement row = browser.byId("document-" + documentId);
      List<WebElement> cells = row.findElements(By.tagName("td"));
      byte[] served = world.served(documentId);
      String sha256 = ConsoleWorld.sha256(served);
      assertTrue(cells.get(4).getText().contains("SHA-256 " + sha256), cells.get(4).getText());
      assertEquals(String.valueOf(record.getInt("pages")), cells.get(2).getText().strip());
      assertTrue(record.getInt("pages") > 0);
      assertEquals(
          served.length + " B",
          cells.get(1).findElement(By.tagName("span")).getDomAttribute("title"),
          "the exact size in the title");

      String href = cells.get(0).findElement(By.tagName("a")).getDomProperty("href");
      byte[] downloaded = ConsoleWorld.download(browser, href);
      assertArrayEquals(served, downloaded, "the console streams the bytes Penneo served");
    }
    browser.screenshot("case-file");

    browser.open("audit.xhtml?actor=it-admin&q=case+file+" + id);
    assertTrue(browser.text("audit").contains("download document"), browser.text("audit"));
    assertEquals(List.of(), browser.cspViolations());
  }

  private static List<JsonObject> runningRuns() {
    return Http.json(
            Http.get(
                URI.create(Deployments.productUrl() + "/api/archive/runs?size=50"), Http.STAFF))
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(r -> Set.of("STARTING", "STARTED").contains(r.getString("status", "")))
        .toList();
  }

  private static long total(String state) {
    return Http.json(
            Http.get(
                URI.create(Deployments.productUrl() + "/api/casefiles?state=" + state + "&size=1"),
                Http.ADMIN))
        .getJsonNumber("total")
        .longValue();
  }
}
