package org.penneoarchive.it.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.penneoarchive.it.support.Deployments;
import org.penneoarchive.it.support.Http;
import org.penneoarchive.it.support.Notifications;

/**
 * The first thread through the product, black-box against the deployed EAR: a subscription with its
 * endpoint key, notifications with every Content-Type Penneo may send, the refusals, and the case
 * file visible through the API.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebhookThreadIT {

  @Deployment(name = "sandbox", order = 1, testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  @Deployment(name = "product", order = 2, testable = false)
  static EnterpriseArchive product() {
    return Deployments.product();
  }

  private URI api;
  private URI endpoint;

  @BeforeEach
  void subscribe() {
    api = URI.create(Deployments.productUrl() + "/api/");
    var created =
        Http.postJson(
            api.resolve("subscriptions"),
            Http.ADMIN,
            "{\"service\":\"legacy\",\"topic\":\"casefile\"}");
    assertEquals(201, created.statusCode(), created.body());
    JsonObject s = Http.json(created);
    assertTrue(
        java.util.Set.of("PENDING_CONFIRMATION", "ACTIVE").contains(s.getString("state")),
        s.toString());
    endpoint =
        URI.create(s.getString("endpointUrl").replace(":8080/", ":" + Deployments.HTTP_PORT + "/"));
    assertTrue(
        endpoint.getPath().matches("/penneo-archive/webhooks/[A-Za-z0-9_-]{43}"),
        endpoint.toString());
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @NullSource
  @ValueSource(
      strings = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/octet-stream",
        "application/json"
      })
  void acceptsANotificationWhateverTheContentType(String contentType) {
    long caseFileId = uniqueId();
    String body = Notifications.casefile("rejected", caseFileId, 2, "2026-06-01 08:00:00.517791");
    var response = Http.webhook(endpoint, contentType, body.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode(), response.body());

    JsonObject caseFile = awaitCaseFile(caseFileId);
    assertEquals("REJECTED", caseFile.getString("state"));
    var event = caseFile.getJsonArray("events").getJsonObject(0);
    assertEquals("rejected", event.getString("eventType"));
    assertEquals("2026-06-01T08:00:00.517791Z", event.getString("eventTime"));
    assertEquals(1, event.getInt("deliveries"));
  }

  @Test
  void aRepeatedNotificationIsOneEventWithTwoDeliveries() {
    long caseFileId = uniqueId();
    byte[] body =
        Notifications.casefile("expired", caseFileId, 7, "2026-06-02 09:00:00.000001")
            .getBytes(StandardCharsets.UTF_8);
    assertEquals(200, Http.webhook(endpoint, "text/plain", body).statusCode());
    assertEquals(200, Http.webhook(endpoint, null, body).statusCode());
    JsonObject caseFile =
        Http.await(
            () -> caseFileOrNull(caseFileId),
            c -> c != null && c.getJsonArray("events").getJsonObject(0).getInt("deliveries") == 2,
            Duration.ofSeconds(30));
    assertEquals(1, caseFile.getJsonArray("events").size());
    assertEquals(2, caseFile.getJsonArray("events").getJsonObject(0).getInt("deliveries"));
    assertEquals("EXPIRED", caseFile.getString("state"));
  }

  @Test
  void refusesAnUnknownKeyWith404AndRecordsIt() {
    var response =
        Http.webhook(
            Deployments.productUrl().resolve("/penneo-archive/webhooks/" + "A".repeat(43)),
            null,
            "{\"marker\":\"unknown-key\"}".getBytes(StandardCharsets.UTF_8));
    assertEquals(404, response.statusCode());
    assertRecorded(404, "unknown-key");
  }

  @Test
  void refusesABodyOver64KiBWith413AndRecordsIt() {
    byte[] body = new byte[64 * 1024 + 1];
    Arrays.fill(body, (byte) ' ');
    byte[] marker = "{\"marker\":\"too-large\"}".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(marker, 0, body, 0, marker.length);
    var response = Http.webhook(endpoint, "application/json", body);
    assertEquals(413, response.statusCode());
    assertRecorded(413, "too-large");
  }

  @Test
  void refusesABodyThatIsNotJsonWith400AndRecordsIt() {
    var response =
        Http.webhook(endpoint, "text/plain", "not-json marker".getBytes(StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode());
    assertRecorded(400, "not-json marker");
  }

  @Test
  void refusesJsonNestedTooDeepWith400() {
    String deep = "{\"a\":".repeat(70) + "1" + "}".repeat(70);
    var response = Http.webhook(endpoint, null, deep.getBytes(StandardCharsets.UTF_8));
    assertEquals(400, response.statusCode(), response.body());
  }

  @Test
  void acceptsJsonThatIsNotANotificationAndKeepsIt() {
    String marker = "hello-" + uniqueId();
    var response =
        Http.webhook(
            endpoint, null, ("{\"hello\":\"" + marker + "\"}").getBytes(StandardCharsets.UTF_8));
    assertEquals(200, response.statusCode());
    JsonObject kept =
        Http.await(
            () ->
                Http.json(
                    Http.get(
                        api.resolve("deliveries?outcome=NOT_UNDERSTOOD&size=200"), Http.STAFF)),
            p -> p.getJsonArray("items").toString().contains(marker),
            Duration.ofSeconds(30));
    assertTrue(kept.getJsonArray("items").toString().contains(marker), kept.toString());
  }

  @Test
  void apiWithoutCredentialsIs401JsonAndWrongRoleIs403() {
    var anonymous = Http.get(api.resolve("casefiles"), null);
    assertEquals(401, anonymous.statusCode());
    assertTrue(
        anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
    assertEquals("unauthorized", Http.json(anonymous).getString("error"));

    var wrongPassword = Http.get(api.resolve("casefiles"), "it-staff:wrong");
    assertEquals(401, wrongPassword.statusCode());

    var noRole = Http.get(api.resolve("casefiles"), Http.NOBODY);
    assertEquals(403, noRole.statusCode(), noRole.body());
    assertEquals("forbidden", Http.json(noRole).getString("error"));

    var staffCreates =
        Http.postJson(
            api.resolve("subscriptions"),
            Http.STAFF,
            "{\"service\":\"legacy\",\"topic\":\"signer\"}");
    assertEquals(403, staffCreates.statusCode());

    assertEquals(200, Http.get(api.resolve("casefiles"), Http.STAFF).statusCode());
  }

  @Test
  void unknownCaseFileIs404Json() {
    var response = Http.get(api.resolve("casefiles/" + uniqueId()), Http.STAFF);
    assertEquals(404, response.statusCode());
    assertEquals("not found", Http.json(response).getString("error"));
  }

  @Test
  void readinessReportsDatabaseJmsAndArchiveDirectory() {
    var response =
        Http.get(
            URI.create(
                "http://localhost:"
                    + Integer.getInteger("it.management.port", 10090)
                    + "/health/ready"),
            null);
    assertEquals(200, response.statusCode(), response.body());
    JsonObject health = Http.json(response);
    assertEquals("UP", health.getString("status"));
    var names =
        health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .map(c -> c.getString("name"))
            .toList();
    assertTrue(
        names.containsAll(java.util.List.of("database", "jms", "archive-directory", "application")),
        names.toString());
  }

  private void assertRecorded(int status, String marker) {
    var page = Http.json(Http.get(api.resolve("deliveries?outcome=rejected&size=200"), Http.STAFF));
    boolean found =
        page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
            .anyMatch(
                r ->
                    r.getInt("status") == status
                        && r.getString("bodyExcerpt", "").contains(marker));
    assertTrue(
        found, "a rejected delivery with status " + status + " and " + marker + " in " + page);
  }

  private JsonObject awaitCaseFile(long id) {
    JsonObject c = Http.await(() -> caseFileOrNull(id), x -> x != null, Duration.ofSeconds(30));
    assertTrue(c != null, "case file " + id + " was not processed within 30 s");
    return c;
  }

  private JsonObject caseFileOrNull(long id) {
    var r = Http.get(api.resolve("casefiles/" + id), Http.STAFF);
    return r.statusCode() == 200 ? Http.json(r) : null;
  }

  static long uniqueId() {
    return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
  }
}
