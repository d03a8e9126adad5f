package org.penneoarchive.it.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.SqlFaultServlet;

/**
 * A notification that fails processing for real (its table renamed under the product) ends as a
 * dead letter; once the table is back, an admin replays it on the console and the case file reaches
 * the state the notification brought.
 */
@ExtendWith(ArquillianExtension.class)
class DeadLetterReplayIT {

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  @Deployment(name = "faults", order = 3, testable = false)
  static WebArchive faults() {
    return ShrinkWrap.create(WebArchive.class, "fault-injector.war")
        .addClass(SqlFaultServlet.class);
  }

  static ConsoleBrowser browser;
  final ConsoleWorld world = new ConsoleWorld();
  final URI sql = URI.create("http://localhost:" + Deployments.HTTP_PORT + "/fault-injector/sql");

  @BeforeAll
  static void start() {
    browser = new ConsoleBrowser("en");
  }

  @AfterAll
  static void stop() {
    browser.close();
  }

  @Test
  void aDeadLetterReplayedOnTheConsoleBringsTheCaseFileToItsState() {
    browser.login("it-admin", "it-admin-pw");
    world.subscribe(browser, "casefile");
    long id =
        world
            .sandbox
            .createCaseFile(
                "{\"title\":\"Poison\",\"signers\":1,\"documents\":[15000],\"owner\":\"user\"}")
            .getJsonNumber("id")
            .longValue();
    Set<Long> before = Set.copyOf(deadLetterIds());

    assertEquals(204, sql("alter table archive.case_file_event rename to case_file_event_broken"));
    List<Long> fresh;
    try {
      world.sandbox.delivery("{\"payload\":\"thin\"}");
      world.sandbox.sendEvent(id, "{\"topic\":\"casefile\",\"eventType\":\"failed\",\"status\":7}");
      fresh =
          Http.await(
              () -> deadLetterIds().stream().filter(d -> !before.contains(d)).toList(),
              l -> !l.isEmpty(),
              Duration.ofSeconds(90));
    } finally {
      assertEquals(
          204, sql("alter table archive.case_file_event_broken rename to case_file_event"));
      world.sandbox.delivery("{}");
    }
    assertFalse(fresh.isEmpty(), "the failing notification was dead-lettered");

    browser.open("admin/dead-letters.xhtml");
    for (long d : fresh) {
      assertTrue(
          browser.text("dead-letter-error-" + d).contains("CASE_FILE_EVENT"),
          browser.text("dead-letter-error-" + d));
      browser.click(browser.in("dead-letter-" + d, "input[id$=':replay']"));
      assertTrue(
          browser.messages().contains("Dead letter " + d + " is back on the queue"),
          browser.messages());
      assertFalse(browser.present("dead-letter-" + d), "no longer waiting");
    }

    JsonObject failed = world.await(id, Set.of("FAILED"), Duration.ofSeconds(60));
    assertEquals("FAILED", failed.getString("state"));
    browser.open("casefile.xhtml?id=" + id);
    assertEquals("Failed", browser.text("state"));

    browser.open("admin/dead-letters.xhtml?state=REPLAYED");
    for (long d : fresh) {
      assertTrue(
          browser.text("dead-letter-handled-" + d).contains("it-admin"),
          browser.text("dead-letter-handled-" + d));
    }
    browser.open("audit.xhtml?actor=it-admin&q=dead+letter+" + fresh.get(0));
    assertTrue(browser.text("audit").contains("replay dead letter"), browser.text("audit"));
    assertEquals(List.of(), browser.cspViolations());
  }

  private List<Long> deadLetterIds() {
    return Http.json(Http.get(world.api("dead-letters?state=DEAD&size=200"), Http.STAFF))
        .getJsonArray("items")
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(d -> "DEAD".equals(d.getString("state", "DEAD")))
        .map(d -> d.getJsonNumber("id").longValue())
        .toList();
  }

  private int sql(String statement) {
    return Http.send(
            Http.request(sql, null).POST(HttpRequest.BodyPublishers.ofString(statement)).build())
        .statusCode();
  }
}
