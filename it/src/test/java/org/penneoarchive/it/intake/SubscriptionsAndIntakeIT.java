package org.penneoarchive.it.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Sandbox;
import org.penneoarchive.it.support.SqlFaultServlet;

/**
 * Subscriptions at the sandbox on both webhook services and the notifications they bring: token
 * confirmation in every shape, tests, deletion, a case file played with repeats, shuffling and
 * wrong Content-Types, thin payloads enriched, a false "completed", bad signatures, reconciliation
 * of dropped notifications, and a poison message replayed from the dead letters.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionsAndIntakeIT {

  static final Duration WAIT = Duration.ofSeconds(60);

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

  private URI api;
  private Sandbox sandbox;

  @BeforeEach
  void setUp() {
    api = URI.create(Deployments.productUrl() + "/api/");
    sandbox = new Sandbox(Deployments.sandboxUrl());
  }

  @Test
  @Order(1)
  void legacySubscriptionsConfirmThemselvesWhateverTheTokenShape() {
    for (String shape :
        List.of(
            "json:token",
            "json:confirmationToken",
            "json:sns",
            "form:token",
            "form:confirmationToken",
            "form:sns",
            "query:token",
            "query:confirmationToken",
            "query:sns")) {
      sandbox.delivery("{\"confirmation\":\"" + shape + "\"}");
      JsonObject s = create("{\"service\":\"legacy\",\"topic\":\"casefile\"}");
      long id = s.getJsonNumber("id").longValue();
      JsonObject active = awaitState(id, "ACTIVE");
      assertNotNull(active.getString("confirmedAt", null), shape);
      assertNotNull(active.getString("penneoId", null), shape);

      var deleted =
          Http.send(Http.request(api.resolve("subscriptions/" + id), Http.ADMIN).DELETE().build());
      assertEquals(204, deleted.statusCode(), shape + ": " + deleted.body());
      assertEquals(404, Http.get(api.resolve("subscriptions/" + id), Http.ADMIN).statusCode());
      String penneoId = active.getString("penneoId");
      boolean stillAtPenneo =
          sandbox.subscriptions().getJsonArray("legacy").getValuesAs(JsonObject.class).stream()
              .anyMatch(x -> String.valueOf(x.get("id")).replace("\"", "").equals(penneoId));
      assertTrue(!stillAtPenneo, shape + ": the subscription is still at Penneo");
    }
    sandbox.delivery("{}");
  }

  @Test
  @Order(2)
  void legacyTestNotificationArrives() {
    JsonObject s = create("{\"service\":\"legacy\",\"topic\":\"signer\"}");
    long id = s.getJsonNumber("id").longValue();
    awaitState(id, "ACTIVE");
    var test = Http.postJson(api.resolve("subscriptions/" + id + "/test"), Http.ADMIN, "{}");
    assertEquals(202, test.statusCode(), test.body());
    JsonObject after =
        Http.await(
            () -> subscription(id),
            x ->
                x.containsKey("lastNotificationAt")
                    && x.getString("confirmedAt", "").compareTo(x.getString("lastNotificationAt"))
                        < 0,
            WAIT);
    assertTrue(after.containsKey("lastNotificationAt"), after.toString());
  }

  @Test
  @Order(3)
  void currentSubscriptionIsActiveTestedAndSigned() {
    JsonObject s = create("{\"service\":\"current\",\"eventTypes\":[" + allCurrentTypes() + "]}");
    long id = s.getJsonNumber("id").longValue();
    assertEquals("ACTIVE", s.getString("state"), s.toString());
    assertTrue(!s.toString().contains("secret"), "the secret is never shown: " + s);
    var test = Http.postJson(api.resolve("subscriptions/" + id + "/test"), Http.ADMIN, "{}");
    assertEquals(202, test.statusCode(), test.body());
    JsonObject after =
        Http.await(() -> subscription(id), x -> x.containsKey("lastNotificationAt"), WAIT);
    assertTrue(after.containsKey("lastNotificationAt"), after.toString());

    URI endpoint = endpoint(s);
    String body =
        "{\"topic\":\"casefile\",\"eventType\":\"sign.casefile.completed\",\"eventTime\":{\"date\":\"2026-06-01 08:00:00.000000\",\"timezone_type\":3,\"timezone\":\"UTC\"},\"payload\":{\"id\":1,\"status\":5}}";
    long t = System.currentTimeMillis() / 1000;
    var forged =
        Http.send(
            Http.request(endpoint, null)
                .header("x-event-type", "sign.casefile.completed")
                .header("x-event-signature", "t=" + t + ",v1=" + "ab".repeat(32))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    assertEquals(401, forged.statusCode(), forged.body());
    var unsigned =
        Http.webhook(endpoint, "application/json", body.getBytes(StandardCharsets.UTF_8));
    assertEquals(401, unsigned.statusCode());

    var paused = Http.postJson(api.resolve("subscriptions/" + id + "/pause"), Http.ADMIN, "{}");
    assertEquals(200, paused.statusCode(), paused.body());
    assertEquals("PAUSED", Http.json(paused).getString("state"));
    assertTrue(!currentAtPenneo(s).getBoolean("isActive"), "paused at Penneo too");
    var resumed = Http.postJson(api.resolve("subscriptions/" + id + "/resume"), Http.ADMIN, "{}");
    assertEquals("ACTIVE", Http.json(resumed).getString("state"));

    var rotated = Http.postJson(api.resolve("subscriptions/" + id + "/rotate"), Http.ADMIN, "{}");
    assertEquals(200, rotated.statusCode(), rotated.body());
    JsonObject r = Http.json(rotated);
    assertTrue(
        !r.getString("endpointUrl").equals(s.getString("endpointUrl")), "a new endpoint key");
    assertTrue(!r.getString("penneoId").equals(s.getString("penneoId")), "a new one at Penneo");
    assertTrue(
        sandbox.subscriptions().getJsonArray("current").getValuesAs(JsonObject.class).stream()
            .noneMatch(x -> x.getString("id").equals(s.getString("penneoId"))),
        "the old subscription is deleted at Penneo");
    String before = subscription(id).getString("lastNotificationAt");
    assertEquals(
        202,
        Http.postJson(api.resolve("subscriptions/" + id + "/test"), Http.ADMIN, "{}").statusCode());
    JsonObject afterRotation =
        Http.await(
            () -> subscription(id), x -> !before.equals(x.getString("lastNotificationAt")), WAIT);
    assertTrue(
        !before.equals(afterRotation.getString("lastNotificationAt")),
        "a test notification signed with the new secret was accepted");

    var deleted =
        Http.send(Http.request(api.resolve("subscriptions/" + id), Http.ADMIN).DELETE().build());
    assertEquals(204, deleted.statusCode(), deleted.body());
    assertTrue(
        sandbox.subscriptions().getJsonArray("current").getValuesAs(JsonObject.class).stream()
            .noneMatch(x -> x.getString("id").equals(r.getString("penneoId"))),
        "deleted at Penneo");
    assertEquals(
        404,
        Http.webhook(
                URI.create(r.getString("endpointUrl")), null, "{}".getBytes(StandardCharsets.UTF_8))
            .statusCode());
  }

  private JsonObject currentAtPenneo(JsonObject subscription) {
    return sandbox.subscriptions().getJsonArray("current").getValuesAs(JsonObject.class).stream()
        .filter(x -> x.getString("id").equals(subscription.getString("penneoId")))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @Order(4)
  void aCaseFilePlayedWithRepeatsShufflingAndWrongContentTypesEndsRightOnce() {
    ensureSubscribedEverywhere();
    sandbox.delivery(
        "{\"repeat\":3,\"shuffle\":true,\"contentType\":\"rotate\",\"timezone\":\"rotate\"}");
    JsonObject cf =
        sandbox.createCaseFile(
            "{\"title\":\"Lease agreement 7\",\"signers\":[\"Ann Berg\",\"Bo Holm\"],\"documents\":[20000],\"owner\":\"super\"}");
    long id = cf.getJsonNumber("id").longValue();
    sandbox.play(id, "{\"to\":\"completed\",\"rounds\":2}");

    JsonObject c =
        Http.await(
            () -> caseFile(id), x -> x != null && "COMPLETED".equals(x.getString("state")), WAIT);
    assertNotNull(c, "case file " + id + " did not become COMPLETED");
    assertEquals("COMPLETED", c.getString("state"));
    assertEquals(
        "Lease agreement 7", c.getString("title", null), "thin payload enriched from the API");
    Set<String> names = new HashSet<>();
    c.getJsonArray("signers")
        .getValuesAs(JsonObject.class)
        .forEach(x -> names.add(x.getString("name", "")));
    assertTrue(names.containsAll(Set.of("Ann Berg", "Bo Holm")), names.toString());

    // one timeline entry per distinct event: the current service's event ids say how many, once
    // the sandbox has finished delivering (its deliveries run in the background)
    List<JsonObject> log =
        Http.await(
            () -> deliveriesOf(id),
            new java.util.function.Predicate<List<JsonObject>>() {
              int last = -1;

              @Override
              public boolean test(List<JsonObject> l) {
                boolean settled =
                    l.size() == last
                        && l.stream().noneMatch(d -> "retrying".equals(d.getString("outcome", "")));
                last = l.size();
                return settled && !l.isEmpty();
              }
            },
            WAIT);
    Set<String> distinct = new HashSet<>();
    log.stream()
        .filter(d -> "current".equals(d.getString("service", "")))
        .forEach(d -> distinct.add(d.getString("eventId")));
    long delivered =
        log.stream().filter(d -> "delivered".equals(d.getString("outcome", ""))).count();
    JsonObject settled = Http.await(() -> caseFile(id), x -> deliveriesOf(x) >= delivered, WAIT);
    assertEquals(delivered, deliveriesOf(settled), "every delivery counted once: " + settled);
    assertEquals(distinct.size(), settled.getJsonArray("events").size(), settled.toString());
    settled
        .getJsonArray("events")
        .getValuesAs(JsonObject.class)
        .forEach(
            e -> assertTrue(e.getInt("deliveries") >= 2, "legacy and current, repeated: " + e));

    // The signer events a lifecycle to completion does not play: each kept on the timeline once,
    // an undeliverable signer opens a task.
    sandbox.delivery("{}");
    long signer = cf.getJsonArray("signerIds").getJsonNumber(1).longValue();
    for (String type : List.of("reminderSent", "undeliverable", "deleted")) {
      sandbox.sendEvent(
          id, "{\"topic\":\"signer\",\"eventType\":\"" + type + "\",\"signerId\":" + signer + "}");
    }
    JsonObject more =
        Http.await(
            () -> caseFile(id), x -> x.getJsonArray("events").size() >= distinct.size() + 3, WAIT);
    List<String> types =
        more.getJsonArray("events").getValuesAs(JsonObject.class).stream()
            .map(e -> e.getString("eventType"))
            .toList();
    assertTrue(
        types.containsAll(List.of("reminderSent", "undeliverable", "deleted")), types.toString());
    assertTrue(
        Set.of("COMPLETED", "ARCHIVED").contains(more.getString("state")),
        "signer events never change a completed case file (archiving may have run): " + more);
    JsonObject tasks = Http.json(Http.get(api.resolve("tasks?state=OPEN&size=200"), Http.STAFF));
    assertTrue(
        tasks.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                t ->
                    "SIGNER_UNDELIVERABLE".equals(t.getString("kind"))
                        && t.containsKey("signerId")
                        && t.getJsonNumber("signerId").longValue() == signer),
        "a task for the undeliverable signer");
  }

  private static long deliveriesOf(JsonObject caseFile) {
    return caseFile.getJsonArray("events").getValuesAs(JsonObject.class).stream()
        .mapToLong(e -> e.getInt("deliveries"))
        .sum();
  }

  @Test
  @Order(5)
  void rejectedAndExpiredCaseFilesOpenTasks() {
    ensureSubscribedEverywhere();
    for (String to : List.of("rejected", "expired")) {
      JsonObject cf =
          sandbox.createCaseFile(
              "{\"title\":\"Case "
                  + to
                  + "\",\"signers\":1,\"documents\":[15000],\"owner\":\"user\"}");
      long id = cf.getJsonNumber("id").longValue();
      sandbox.play(id, "{\"to\":\"" + to + "\"}");
      JsonObject c =
          Http.await(
              () -> caseFile(id),
              x -> x != null && to.toUpperCase().equals(x.getString("state")),
              WAIT);
      assertEquals(to.toUpperCase(), c.getString("state"));
      JsonObject tasks = Http.json(Http.get(api.resolve("tasks?state=OPEN&size=200"), Http.STAFF));
      assertTrue(
          tasks.getJsonArray("items").getValuesAs(JsonObject.class).stream()
              .anyMatch(
                  t ->
                      t.getJsonNumber("caseFileId") != null
                          && t.getJsonNumber("caseFileId").longValue() == id),
          "a task for case file " + id);
    }
  }

  @Test
  @Order(6)
  void aCompletedNotificationThatPenneoDoesNotConfirmDoesNotComplete() {
    ensureSubscribedEverywhere();
    JsonObject cf =
        sandbox.createCaseFile(
            "{\"title\":\"Not done yet\",\"signers\":1,\"documents\":[15000],\"owner\":\"super\"}");
    long id = cf.getJsonNumber("id").longValue();
    sandbox.sendEvent(id, "{\"topic\":\"casefile\",\"eventType\":\"completed\",\"status\":5}");
    JsonObject c =
        Http.await(() -> caseFile(id), x -> x != null && x.containsKey("penneoStatus"), WAIT);
    assertNotNull(c, "the case file was not recorded");
    assertTrue(c.getInt("penneoStatus") != 5, c.toString());
    assertEquals("ACTIVE", c.getString("state"), "the API said it is not completed: " + c);
  }

  @Test
  @Order(7)
  void droppedNotificationsAreRecoveredByReconciliation() {
    ensureSubscribedEverywhere();
    JsonObject cf =
        sandbox.createCaseFile(
            "{\"title\":\"Dropped\",\"signers\":1,\"documents\":[15000],\"owner\":\"user\"}");
    long id = cf.getJsonNumber("id").longValue();
    sandbox.play(id, "{\"to\":\"completed\",\"drop\":1.0}");
    assertEquals(404, Http.get(api.resolve("casefiles/" + id), Http.STAFF).statusCode());
    var started = Http.postJson(api.resolve("reconciliation"), Http.ADMIN, "{}");
    assertEquals(202, started.statusCode(), started.body());
    JsonObject c =
        Http.await(
            () -> caseFile(id), x -> x != null && "COMPLETED".equals(x.getString("state")), WAIT);
    assertNotNull(c, "reconciliation did not recover case file " + id);
    assertEquals("COMPLETED", c.getString("state"));
  }

  @Test
  @Order(8)
  void aPoisonMessageIsDeadLetteredAndAReplaySucceedsAfterTheFix() {
    ensureSubscribedEverywhere();
    URI sql = URI.create("http://localhost:" + Deployments.HTTP_PORT + "/fault-injector/sql");
    JsonObject cf =
        sandbox.createCaseFile(
            "{\"title\":\"Poison\",\"signers\":1,\"documents\":[15000],\"owner\":\"user\"}");
    long id = cf.getJsonNumber("id").longValue();
    long before = deadLetters().getJsonNumber("total").longValue();
    assertEquals(
        204,
        sqlStatus(sql, "alter table archive.case_file_event rename to case_file_event_broken"));
    try {
      sandbox.delivery("{\"payload\":\"thin\"}");
      sandbox.sendEvent(id, "{\"topic\":\"casefile\",\"eventType\":\"failed\",\"status\":7}");
      JsonObject dead =
          Http.await(
              this::deadLetters,
              x -> x.getJsonNumber("total").longValue() > before,
              Duration.ofSeconds(90));
      assertTrue(
          dead.getJsonNumber("total").longValue() > before, "nothing was dead-lettered: " + dead);
    } finally {
      assertEquals(
          204,
          sqlStatus(sql, "alter table archive.case_file_event_broken rename to case_file_event"));
      sandbox.delivery("{}");
    }
    for (JsonObject d : deadLetters().getJsonArray("items").getValuesAs(JsonObject.class)) {
      assertTrue(d.getString("error", "").contains("CASE_FILE_EVENT"), d.toString());
      var replay =
          Http.postJson(
              api.resolve("dead-letters/" + d.getJsonNumber("id").longValue() + "/replay"),
              Http.ADMIN,
              "{}");
      assertEquals(200, replay.statusCode(), replay.body());
    }
    JsonObject c =
        Http.await(
            () -> caseFile(id), x -> x != null && "FAILED".equals(x.getString("state")), WAIT);
    assertNotNull(c, "the replayed notification was not processed");
    assertEquals("FAILED", c.getString("state"));
  }

  private int sqlStatus(URI sql, String statement) {
    return Http.send(
            Http.request(sql, null).POST(HttpRequest.BodyPublishers.ofString(statement)).build())
        .statusCode();
  }

  private List<JsonObject> deliveriesOf(long caseFileId) {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return sandbox.deliveries().getValuesAs(JsonObject.class).stream()
        .filter(
            d ->
                d.get("caseFileId") instanceof jakarta.json.JsonNumber n
                    && n.longValue() == caseFileId)
        .toList();
  }

  private JsonObject deadLetters() {
    return Http.json(Http.get(api.resolve("dead-letters?size=200"), Http.STAFF));
  }

  private void ensureSubscribedEverywhere() {
    // The sandbox is redeployed per test class and forgets its subscriptions: ask it, not the
    // product's database.
    if (!sandbox.hasLegacy("casefile")) {
      awaitState(
          create("{\"service\":\"legacy\",\"topic\":\"casefile\"}").getJsonNumber("id").longValue(),
          "ACTIVE");
    }
    if (!sandbox.hasLegacy("signer")) {
      awaitState(
          create("{\"service\":\"legacy\",\"topic\":\"signer\"}").getJsonNumber("id").longValue(),
          "ACTIVE");
    }
    if (!sandbox.hasCurrent()) {
      create("{\"service\":\"current\",\"eventTypes\":[" + allCurrentTypes() + "]}");
    }
  }

  private static String allCurrentTypes() {
    return String.join(
        ",",
        List.of(
                "sign.casefile.completed",
                "sign.casefile.expired",
                "sign.casefile.failed",
                "sign.casefile.rejected",
                "sign.signer.requestSent",
                "sign.signer.requestOpened",
                "sign.signer.opened",
                "sign.signer.signed",
                "sign.signer.rejected",
                "sign.signer.reminderSent",
                "sign.signer.undeliverable",
                "sign.signer.requestActivated",
                "sign.signer.finalized",
                "sign.signer.deleted")
            .stream()
            .map(t -> "\"" + t + "\"")
            .toList());
  }

  private JsonObject create(String json) {
    var r = Http.postJson(api.resolve("subscriptions"), Http.ADMIN, json);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r);
  }

  private JsonObject subscription(long id) {
    return Http.json(Http.get(api.resolve("subscriptions/" + id), Http.ADMIN));
  }

  private JsonObject awaitState(long id, String state) {
    JsonObject s =
        Http.await(() -> subscription(id), x -> state.equals(x.getString("state")), WAIT);
    assertEquals(state, s.getString("state"), s.toString());
    return s;
  }

  private JsonObject caseFile(long id) {
    var r = Http.get(api.resolve("casefiles/" + id), Http.STAFF);
    return r.statusCode() == 200 ? Http.json(r) : null;
  }

  private static URI endpoint(JsonObject subscription) {
    return URI.create(subscription.getString("endpointUrl"));
  }
}
