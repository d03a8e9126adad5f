package org.penneoarchive.it.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.penneoarchive.it.support.Deployments;

/** Both webhook services, as a subscriber sees them, with an in-test receiver. */
@ExtendWith(ArquillianExtension.class)
class SandboxWebhooksIT {

  @Deployment(testable = false)
  static WebArchive sandbox() {
    return Deployments.sandbox();
  }

  final SandboxClient client = new SandboxClient();
  Receiver receiver;

  @BeforeEach
  void setUp() throws Exception {
    client.reset();
    receiver = new Receiver();
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  // ---- helpers ----

  HttpResponse<String> post(HttpRequest.Builder b, String json) throws Exception {
    return client.send(
        b.header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  JsonObject legacySubscription(String topic, URI endpoint) throws Exception {
    HttpResponse<String> r =
        post(
            client.asUser("api/v1/webhook/subscriptions"),
            "{\"topic\":\"" + topic + "\",\"endpoint\":\"" + endpoint + "\"}");
    assertEquals(201, r.statusCode(), r.body());
    return SandboxClient.object(r.body());
  }

  /** Confirms with the token the sandbox sent to the receiver (JSON {"token": …} shape). */
  void confirmFromReceiver(JsonObject subscription, String path) throws Exception {
    Receiver.Call call = receiver.await(c -> c.path().equals("/" + path), 1).get(0);
    String token = SandboxClient.object(call.text()).getString("token");
    HttpResponse<String> r =
        post(
            client.asUser(
                "api/v1/webhook/subscriptions/" + subscription.getJsonNumber("id") + "/confirm"),
            "{\"token\":\"" + token + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  JsonObject currentSubscription(URI endpoint, String... eventTypes) throws Exception {
    var types = Json.createArrayBuilder();
    for (String t : eventTypes) {
      types.add(t);
    }
    HttpResponse<String> r =
        post(
            client.asUser("webhook/api/v1/subscriptions"),
            Json.createObjectBuilder()
                .add("endpoint", endpoint.toString())
                .add("eventTypes", types)
                .add("isActive", true)
                .build()
                .toString());
    assertEquals(201, r.statusCode(), r.body());
    return SandboxClient.object(r.body());
  }

  long caseFile(String owner, int signers) throws Exception {
    return client
        .createCaseFile(
            "{\"owner\":\"" + owner + "\",\"signers\":" + signers + ",\"documents\":[20000]}")
        .getJsonNumber("id")
        .longValue();
  }

  void play(long id, String json) throws Exception {
    client.control("POST", "casefiles/" + id + "/play", json);
  }

  static Predicate<Receiver.Call> event(String path, String eventType, long payloadId) {
    return c -> {
      if (!c.path().equals("/" + path) || c.body().length == 0) {
        return false;
      }
      JsonObject o;
      try {
        o = SandboxClient.object(c.text());
      } catch (RuntimeException notJson) {
        return false; // a confirmation token sent as form fields
      }
      return o.getString("eventType", "").equals(eventType)
          && o.getJsonObject("payload").containsKey("id")
          && o.getJsonObject("payload").getJsonNumber("id").longValue() == payloadId;
    };
  }

  List<JsonObject> deliveries(Predicate<JsonObject> matching, int n) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      List<JsonObject> found =
          SandboxClient.array(client.control("GET", "deliveries", null)).stream()
              .map(JsonValue::asJsonObject)
              .filter(matching)
              .toList();
      if (found.size() >= n || Instant.now().isAfter(deadline)) {
        return found;
      }
      Thread.sleep(100);
    }
  }

  static String hmacHex(String secret, String data) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
  }

  static Map<String, String> form(String text) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      String[] kv = pair.split("=", 2);
      m.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
    }
    return m;
  }

  // ---- legacy topic service ----

  @Test
  void legacySubscriptionIsConfirmedWithTheTokenItSentAndOnlyThenNotified() throws Exception {
    client.control("PUT", "delivery", "{\"confirmation\":\"json:token\",\"contentType\":\"none\"}");
    JsonObject sub = legacySubscription("casefile", receiver.url("legacy"));
    assertFalse(sub.getBoolean("confirmed"));
    assertTrue(sub.getString("created").matches("\\d+"), "created is a Unix-seconds string");
    long id = sub.getJsonNumber("id").longValue();

    Receiver.Call confirmation = receiver.await(c -> c.path().equals("/legacy"), 1).get(0);
    assertEquals(null, confirmation.header("Content-Type"), "Penneo sends no proper Content-Type");
    String token = SandboxClient.object(confirmation.text()).getString("token");

    long before = caseFile("user", 1);
    play(before, "{\"to\":\"completed\"}");

    assertEquals(
        400,
        post(
                client.asUser("api/v1/webhook/subscriptions/" + id + "/confirm"),
                "{\"token\":\"wrong\"}")
            .statusCode());
    HttpResponse<String> confirmed =
        post(
            client.asUser("api/v1/webhook/subscriptions/" + id + "/confirm"),
            "{\"token\":\"" + token + "\"}");
    assertEquals(200, confirmed.statusCode(), confirmed.body());
    assertTrue(SandboxClient.object(confirmed.body()).getBoolean("confirmed"));

    assertEquals(
        204,
        client
            .send(
                client
                    .asUser("api/v1/webhook/subscriptions/" + id + "/test")
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build())
            .statusCode());
    Receiver.Call test = receiver.await(c -> c.text().contains("\"eventType\":\"test\""), 1).get(0);
    JsonObject testBody = SandboxClient.object(test.text());
    assertEquals("casefile", testBody.getString("topic"));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, testBody.getJsonObject("payload"));
    assertNotNull(testBody.getJsonObject("eventTime").getString("date"));

    long after = caseFile("user", 1);
    play(after, "{\"to\":\"completed\"}");
    JsonObject completed =
        SandboxClient.object(receiver.await(event("legacy", "completed", after), 1).get(0).text());
    assertEquals("casefile", completed.getString("topic"));
    assertEquals(5, completed.getJsonObject("payload").getInt("status"));
    assertTrue(
        completed.getJsonObject("payload").containsKey("title"), "owner gets the full payload");
    assertTrue(
        receiver.calls().stream().noneMatch(event("legacy", "completed", before)),
        "nothing for the case file played while unconfirmed");

    assertEquals(
        200,
        client
            .send(client.asUser("api/v1/webhook/subscriptions/" + id).GET().build())
            .statusCode());
    assertTrue(
        client
            .send(client.asUser("api/v1/webhook/subscriptions").GET().build())
            .body()
            .contains("\"id\":" + id));
    assertEquals(
        204,
        client
            .send(client.asUser("api/v1/webhook/subscriptions/" + id).DELETE().build())
            .statusCode());
    assertEquals(
        404,
        client
            .send(client.asUser("api/v1/webhook/subscriptions/" + id).GET().build())
            .statusCode());
  }

  @Test
  void confirmationTokenArrivesInEachSelectedShape() throws Exception {
    client.control("PUT", "delivery", "{\"confirmation\":\"form:confirmationToken\"}");
    legacySubscription("signer", receiver.url("form"));
    Receiver.Call form = receiver.await(c -> c.path().equals("/form"), 1).get(0);
    assertEquals("application/x-www-form-urlencoded", form.header("Content-Type"));
    assertFalse(form(form.text()).get("confirmationToken").isBlank());

    client.control("PUT", "delivery", "{\"confirmation\":\"query:sns\"}");
    JsonObject sub = legacySubscription("casefile", receiver.url("query"));
    Receiver.Call query = receiver.await(c -> c.path().equals("/query"), 1).get(0);
    assertEquals(0, query.body().length);
    Map<String, String> params = form(query.query());
    assertEquals("SubscriptionConfirmation", params.get("Type"));

    client.control(
        "PUT", "delivery", "{\"confirmation\":\"json:sns\",\"contentType\":\"text/plain\"}");
    legacySubscription("casefile", receiver.url("sns"));
    Receiver.Call sns = receiver.await(c -> c.path().equals("/sns"), 1).get(0);
    assertTrue(sns.header("Content-Type").startsWith("text/plain"));
    JsonObject snsBody = SandboxClient.object(sns.text());
    assertEquals("SubscriptionConfirmation", snsBody.getString("Type"));
    assertFalse(snsBody.getString("Token").isBlank());

    HttpResponse<String> r =
        post(
            client.asUser("api/v1/webhook/subscriptions/" + sub.getJsonNumber("id") + "/confirm"),
            "{\"token\":\"" + params.get("Token") + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  // ---- current service ----

  @Test
  void currentSubscriptionLifecycleAndSignedTestEvent() throws Exception {
    JsonObject sub =
        currentSubscription(
            receiver.url("current"), "sign.casefile.completed", "webhook.subscription.test");
    String id = sub.getString("id");
    String secret = sub.getString("secret");
    assertTrue(sub.getBoolean("isActive"));
    assertFalse(secret.isBlank());

    HttpResponse<String> duplicate =
        post(
            client.asUser("webhook/api/v1/subscriptions"),
            "{\"endpoint\":\""
                + receiver.url("current")
                + "\",\"eventTypes\":[\"sign.casefile.completed\"]}");
    assertEquals(409, duplicate.statusCode(), duplicate.body());

    assertEquals(
        200,
        client
            .send(client.asUser("webhook/api/v1/subscriptions/" + id).GET().build())
            .statusCode());
    JsonObject list =
        SandboxClient.object(
            client.send(client.asUser("webhook/api/v1/subscriptions").GET().build()).body());
    assertEquals(1, list.getJsonArray("items").size());

    assertEquals(204, post(client.asUser("webhook/api/v1/subscriptions/test"), "{}").statusCode());
    Receiver.Call test = receiver.await(c -> c.path().equals("/current"), 1).get(0);
    assertEquals("webhook.subscription.test", test.header("x-event-type"));
    assertNotNull(test.header("x-event-id"));
    JsonObject body = SandboxClient.object(test.text());
    assertEquals("webhook", body.getString("topic"));
    assertEquals("webhook.subscription.test", body.getString("eventType"));
    // Verified from the outside: t=<unix>,v1=hex(HMAC-SHA256(secret, t + "." + raw body)).
    String signature = test.header("x-event-signature");
    assertTrue(signature.matches("t=\\d+,v1=[0-9a-f]{64}"), signature);
    String t = signature.substring(2, signature.indexOf(','));
    String v1 = signature.substring(signature.indexOf("v1=") + 3);
    assertEquals(hmacHex(secret, t + "." + test.text()), v1);
    assertFalse(hmacHex("another-secret", t + "." + test.text()).equals(v1));

    HttpResponse<String> replaced =
        client.send(
            client
                .asUser("webhook/api/v1/subscriptions/" + id)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"endpoint\":\"" + receiver.url("current") + "\"}"))
                .build());
    assertEquals(200, replaced.statusCode(), replaced.body());
    JsonObject after = SandboxClient.object(replaced.body());
    assertEquals(0, after.getJsonArray("eventTypes").size(), "PUT replaces the whole object");
    assertFalse(after.getBoolean("isActive"));

    assertEquals(
        204,
        client
            .send(client.asUser("webhook/api/v1/subscriptions/" + id).DELETE().build())
            .statusCode());
    assertEquals(
        404,
        client
            .send(client.asUser("webhook/api/v1/subscriptions/" + id).GET().build())
            .statusCode());
  }

  @Test
  void activeSubscriptionsAreLimited() throws Exception {
    client.control("PUT", "settings", "{\"maxActiveSubscriptions\":1}");
    currentSubscription(receiver.url("one"), "sign.casefile.completed");
    HttpResponse<String> r =
        post(
            client.asUser("webhook/api/v1/subscriptions"),
            "{\"endpoint\":\""
                + receiver.url("two")
                + "\",\"eventTypes\":[\"sign.casefile.completed\"]}");
    assertEquals(400, r.statusCode(), r.body());
  }

  // ---- notifications ----

  @Test
  void oneEventReachesBothServicesWithThinOrFullPayloadsByOwner() throws Exception {
    client.control("PUT", "delivery", "{\"confirmation\":\"json:token\",\"timezone\":\"offset\"}");
    JsonObject legacy = legacySubscription("casefile", receiver.url("legacy"));
    confirmFromReceiver(legacy, "legacy");
    JsonObject signers = legacySubscription("signer", receiver.url("legacy-signer"));
    confirmFromReceiver(signers, "legacy-signer");
    currentSubscription(receiver.url("current"), "sign.casefile.completed", "sign.signer.signed");

    long mine = caseFile("user", 2);
    long notMine = caseFile("super", 1);
    play(mine, "{\"to\":\"completed\"}");
    play(notMine, "{\"to\":\"completed\"}");

    JsonObject legacyFull =
        SandboxClient.object(receiver.await(event("legacy", "completed", mine), 1).get(0).text());
    Receiver.Call currentCall =
        receiver.await(event("current", "sign.casefile.completed", mine), 1).get(0);
    JsonObject currentFull = SandboxClient.object(currentCall.text());
    assertEquals("sign.casefile.completed", currentCall.header("x-event-type"));
    assertEquals(legacyFull.getJsonObject("eventTime"), currentFull.getJsonObject("eventTime"));
    assertEquals(1, legacyFull.getJsonObject("eventTime").getInt("timezone_type"));
    assertTrue(legacyFull.getJsonObject("payload").containsKey("title"));
    assertEquals(legacyFull.getJsonObject("payload"), currentFull.getJsonObject("payload"));

    JsonObject thin =
        SandboxClient.object(
            receiver.await(event("legacy", "completed", notMine), 1).get(0).text());
    assertEquals(Set.of("id", "status"), thin.getJsonObject("payload").keySet());

    JsonObject caseFile = SandboxClient.object(client.control("GET", "casefiles/" + mine, null));
    long signerId =
        caseFile.getJsonArray("signers").getJsonObject(0).getJsonNumber("id").longValue();
    JsonObject signed =
        SandboxClient.object(
            receiver.await(event("legacy-signer", "signed", signerId), 1).get(0).text());
    assertEquals("signer", signed.getString("topic"));
    assertEquals(mine, signed.getJsonObject("payload").getJsonNumber("caseFileId").longValue());
    assertEquals(1, receiver.await(event("current", "sign.signer.signed", signerId), 1).size());
  }

  @Test
  void repeatsKeepTheEventIdAndDropsAreLogged() throws Exception {
    currentSubscription(receiver.url("current"), "sign.casefile.completed");
    long repeated = caseFile("user", 1);
    play(repeated, "{\"to\":\"completed\",\"repeat\":2}");
    List<Receiver.Call> twice =
        receiver.await(event("current", "sign.casefile.completed", repeated), 2);
    assertEquals(2, twice.size());
    assertEquals(twice.get(0).header("x-event-id"), twice.get(1).header("x-event-id"));
    assertEquals(twice.get(0).text(), twice.get(1).text());

    long dropped = caseFile("user", 1);
    play(dropped, "{\"to\":\"completed\",\"drop\":1.0}");
    long delivered = caseFile("user", 1);
    play(delivered, "{\"to\":\"completed\"}");
    receiver.await(event("current", "sign.casefile.completed", delivered), 1);
    assertTrue(
        receiver.calls().stream().noneMatch(event("current", "sign.casefile.completed", dropped)));
    List<JsonObject> log =
        deliveries(
            d ->
                d.getString("outcome").equals("dropped")
                    && !d.isNull("caseFileId")
                    && d.getJsonNumber("caseFileId").longValue() == dropped,
            1);
    assertEquals(1, log.size());
  }

  @Test
  void failedDeliveriesAreRetriedThenGivenUp() throws Exception {
    client.control(
        "PUT", "delivery", "{\"maxAttempts\":2,\"retryDelaysMs\":[200],\"contentType\":\"form\"}");
    currentSubscription(
        receiver.url("current"), "sign.casefile.completed", "sign.casefile.rejected");
    receiver.answer(500);
    long retried = caseFile("user", 1);
    play(retried, "{\"to\":\"completed\"}");
    List<Receiver.Call> calls =
        receiver.await(event("current", "sign.casefile.completed", retried), 2);
    assertEquals(2, calls.size());
    assertEquals("application/x-www-form-urlencoded", calls.get(1).header("Content-Type"));
    List<JsonObject> log =
        deliveries(
            d ->
                d.getString("eventType").equals("sign.casefile.completed")
                    && d.getString("outcome").equals("delivered"),
            1);
    assertEquals(2, log.get(0).getInt("attempt"));

    receiver.answer(503, 503);
    long givenUp = caseFile("user", 1);
    play(givenUp, "{\"to\":\"rejected\"}");
    List<JsonObject> gaveUp = deliveries(d -> d.getString("outcome").equals("gave-up"), 1);
    assertEquals(1, gaveUp.size());
    assertEquals(503, gaveUp.get(0).getInt("status"));
  }
}
