package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SubscriptionsTest {

  private static final String LEGACY = "/api/v1/webhook/subscriptions";
  private static final String CURRENT = "/webhook/api/v1/subscriptions";
  private static final URI ENDPOINT =
      URI.create("https://archive.example/penneo-archive/webhooks/abcdefghijklmnopqrstuv");
  private static final String SECRET = "whsec-7f1c2d3e4b5a69788796a5b4c3d2e1f0";

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final PenneoClient client;

  SubscriptionsTest() throws Exception {
    penneo = new FakePenneo();
    client = new PenneoClient(penneo.config(AuthMode.WSSE, sleeper.policy()).build());
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  private static JsonObject body(FakePenneo.Recorded r) {
    return Json.createReader(new StringReader(r.bodyText())).readObject();
  }

  @Test
  void createsALegacySubscription() {
    penneo.on(
        "POST",
        LEGACY,
        FakePenneo.json(
            200,
            "{\"userId\":3,\"customerId\":4,\"confirmed\":false,\"id\":17,\"topic\":\"casefile\","
                + "\"endpoint\":\""
                + ENDPOINT
                + "\",\"created\":\"1535571567\"}"));

    LegacySubscription s = client.createLegacySubscription("casefile", ENDPOINT);

    assertEquals(17, s.id());
    assertFalse(s.confirmed());
    assertEquals("casefile", s.topic());
    assertEquals(ENDPOINT, s.endpoint());
    assertEquals(Instant.ofEpochSecond(1535571567), s.created());
    FakePenneo.Recorded r = penneo.requests().get(0);
    assertEquals("casefile", body(r).getString("topic"));
    assertEquals(ENDPOINT.toString(), body(r).getString("endpoint"));
    assertTrue(r.header("X-WSSE").contains("Username=\"user-key\""));
  }

  @Test
  void confirmsTestsListsAndDeletesLegacySubscriptions() {
    penneo.on("POST", LEGACY + "/17/confirm", FakePenneo.json(200, "{\"confirmed\":true}"));
    penneo.on("POST", LEGACY + "/17/test", FakePenneo.status(204));
    penneo.on(
        "GET",
        LEGACY,
        FakePenneo.json(200, "[{\"id\":\"17\",\"confirmed\":\"1\",\"topic\":\"signer\"}]"));
    penneo.on("DELETE", LEGACY + "/17", FakePenneo.status(204));
    penneo.on("DELETE", LEGACY + "/18", FakePenneo.status(404));

    client.confirmLegacySubscription(17, "tok-123456");
    client.testLegacySubscription(17);
    List<LegacySubscription> all = client.listLegacySubscriptions();

    assertEquals("tok-123456", body(penneo.requests().get(0)).getString("token"));
    assertEquals(1, all.size());
    assertTrue(all.get(0).confirmed());
    assertNull(all.get(0).endpoint());
    assertTrue(client.deleteLegacySubscription(17));
    assertFalse(client.deleteLegacySubscription(18));
  }

  @Test
  void aRefusedConfirmationNeverShowsTheToken() {
    String token = "confirm-token-a1b2c3d4";
    penneo.on(
        "POST",
        LEGACY + "/17/confirm",
        FakePenneo.json(400, "{\"error\":\"Invalid token " + token + "\"}"));

    PenneoApiException e =
        assertThrows(PenneoApiException.class, () -> client.confirmLegacySubscription(17, token));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertFalse(e.getMessage().contains(token), e.getMessage());
    assertTrue(e.getMessage().contains("Invalid token ***"), e.getMessage());
    assertEquals(Optional.of("subscription 17"), e.subject());
    assertEquals(1, penneo.requests().size(), "a confirmation is not repeated on a refusal");
  }

  @Test
  void createsACurrentSubscriptionAndKeepsItsSecretOutOfToString() {
    penneo.on(
        "POST",
        CURRENT,
        FakePenneo.json(
            201,
            "{\"id\":\"0b9f3c1e-2a4d-4e5f-8a7b-1c2d3e4f5a6b\",\"customerId\":4,\"secret\":\""
                + SECRET
                + "\",\"isActive\":true,\"eventTypes\":[\"sign.casefile.completed\","
                + "\"webhook.subscription.test\"],\"endpoint\":\""
                + ENDPOINT
                + "\"}"));

    Subscription s =
        client.createSubscription(
            List.of("sign.casefile.completed", "webhook.subscription.test"), ENDPOINT, true);

    assertEquals("0b9f3c1e-2a4d-4e5f-8a7b-1c2d3e4f5a6b", s.id());
    assertEquals(SECRET, s.secret());
    assertTrue(s.active());
    assertEquals(List.of("sign.casefile.completed", "webhook.subscription.test"), s.eventTypes());
    assertFalse(s.toString().contains(SECRET));
    JsonObject sent = body(penneo.requests().get(0));
    assertEquals(2, sent.getJsonArray("eventTypes").size());
    assertTrue(sent.getBoolean("isActive"));
    assertEquals(ENDPOINT.toString(), sent.getString("endpoint"));
  }

  @Test
  void aDuplicateEndpointIsAConflict() {
    penneo.on("POST", CURRENT, FakePenneo.json(409, "{\"message\":\"Endpoint already exists\"}"));

    SubscriptionConflictException e =
        assertThrows(
            SubscriptionConflictException.class,
            () -> client.createSubscription(List.of("sign.casefile.completed"), ENDPOINT, true));

    assertEquals(409, e.status().getAsInt());
    assertTrue(e.getMessage().contains("already has a subscription for this endpoint"));
    assertTrue(e.bodyExcerpt().contains("Endpoint already exists"));
  }

  @Test
  void getsListsReplacesAndDeletesCurrentSubscriptions() {
    String id = "0b9f3c1e-2a4d-4e5f-8a7b-1c2d3e4f5a6b";
    String one =
        "{\"id\":\""
            + id
            + "\",\"isActive\":false,\"eventTypes\":[\"sign.signer.signed\"],\"endpoint\":\""
            + ENDPOINT
            + "\"}";
    penneo.on("GET", CURRENT + "/" + id, FakePenneo.json(200, one));
    penneo.on("GET", CURRENT + "/gone", FakePenneo.status(404));
    penneo.on("GET", CURRENT, FakePenneo.json(200, "{\"items\":[" + one + "," + one + "]}"));
    penneo.on("PUT", CURRENT + "/" + id, FakePenneo.status(204));
    penneo.on("DELETE", CURRENT + "/" + id, FakePenneo.status(204));
    penneo.on("POST", CURRENT + "/test", FakePenneo.status(204));

    Subscription s = client.getSubscription(id).orElseThrow();
    assertFalse(s.active());
    assertNull(s.secret());
    assertEquals(Optional.empty(), client.getSubscription("gone"));
    assertEquals(2, client.listSubscriptions().size());

    Subscription paused =
        client.replaceSubscription(id, List.of("sign.signer.signed"), ENDPOINT, false);
    assertFalse(paused.active());
    JsonObject put = body(penneo.requests("PUT", CURRENT + "/" + id).get(0));
    assertFalse(put.getBoolean("isActive"));
    assertEquals(ENDPOINT.toString(), put.getString("endpoint"));
    assertEquals(1, put.getJsonArray("eventTypes").size());

    client.sendTestNotification();
    assertEquals("{}", penneo.requests("POST", CURRENT + "/test").get(0).bodyText());
    assertTrue(client.deleteSubscription(id));
  }

  @Test
  void refusesArgumentsThatCouldNotBeSentSafely() {
    assertThrows(IllegalArgumentException.class, () -> client.getSubscription("../casefiles"));
    assertThrows(IllegalArgumentException.class, () -> client.deleteSubscription(".."));
    assertThrows(
        IllegalArgumentException.class, () -> client.createSubscription(List.of(), ENDPOINT, true));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.createLegacySubscription("casefile", URI.create("/relative")));
    assertThrows(
        IllegalArgumentException.class,
        () -> client.createLegacySubscription("case file\r\n", ENDPOINT));
    assertThrows(IllegalArgumentException.class, () -> client.confirmLegacySubscription(1, " "));
    assertEquals(0, penneo.requests().size());
  }
}
