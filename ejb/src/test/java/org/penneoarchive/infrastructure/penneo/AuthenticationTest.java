package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

  private static final String CASE_FILE = "{\"id\":531,\"status\":5,\"title\":\"Lease\"}";
  private static final Pattern WSSE =
      Pattern.compile(
          "UsernameToken Username=\"([^\"]*)\", PasswordDigest=\"([^\"]*)\","
              + " Nonce=\"([^\"]*)\", Created=\"([^\"]*)\"");

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();

  AuthenticationTest() throws Exception {
    penneo = new FakePenneo();
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  /** base64(SHA-1(nonce bytes + text + secret)), computed here without the production code. */
  private static String expectedDigest(byte[] nonce, String text, String secret) throws Exception {
    MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
    byte[] joined = new byte[nonce.length + text.length() + secret.length()];
    System.arraycopy(nonce, 0, joined, 0, nonce.length);
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(t, 0, joined, nonce.length, t.length);
    byte[] s = secret.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(s, 0, joined, nonce.length + t.length, s.length);
    return Base64.getEncoder().encodeToString(sha1.digest(joined));
  }

  @Test
  void wsseHeadersVerifyWithTheIdentitysSecretAndNeverRepeatANonce() throws Exception {
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    penneo.on("GET", "/webhook/api/v1/subscriptions", FakePenneo.json(200, "{\"items\":[]}"));
    PenneoClient client = new PenneoClient(penneo.config(AuthMode.WSSE, sleeper.policy()).build());

    client.getCaseFile(531);
    client.getCaseFile(531);
    client.listSubscriptions();

    List<FakePenneo.Recorded> requests = penneo.requests();
    assertEquals(3, requests.size());
    List<String> nonces = new ArrayList<>();
    for (FakePenneo.Recorded r : requests) {
      assertEquals("WSSE profile=\"UsernameToken\"", r.header("Authorization"));
      Matcher m = WSSE.matcher(r.header("X-WSSE"));
      assertTrue(m.matches(), r.header("X-WSSE"));
      boolean subscription = r.path().startsWith("/webhook/");
      Credentials who = subscription ? FakePenneo.SUBSCRIBER : FakePenneo.ARCHIVE;
      assertEquals(who.key(), m.group(1));
      String created = m.group(4);
      assertTrue(created.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), created);
      Instant at = LocalDateTime.parse(created.substring(0, 19)).toInstant(ZoneOffset.UTC);
      assertTrue(Duration.between(at, Instant.now()).abs().getSeconds() < 60, created);
      byte[] nonce = Base64.getDecoder().decode(m.group(3));
      assertTrue(m.group(3).length() <= 64);
      assertEquals(expectedDigest(nonce, created, who.secret()), m.group(2));
      nonces.add(m.group(3));
    }
    assertEquals(3, nonces.stream().distinct().count(), "nonces repeat: " + nonces);
  }

  @Test
  void jwtIsSentAsXAuthToken() {
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    PenneoClient client = new PenneoClient(penneo.config(AuthMode.JWT, sleeper.policy()).build());

    client.getCaseFile(531);

    FakePenneo.Recorded r = penneo.requests().get(0);
    assertEquals(FakePenneo.JWT, r.header("x-auth-token"));
    assertNull(r.header("Authorization"));
    assertEquals("application/json", r.header("Accept"));
  }

  private PenneoClient oauthClient(MutableClock clock) {
    PenneoClientConfig config = penneo.config(AuthMode.OAUTH, sleeper.policy()).build();
    return new PenneoClient(config, PenneoClient.newHttpClient(config), new SecureRandom(), clock);
  }

  private static FakePenneo.Responder tokens(AtomicInteger issued, int expiresIn) {
    return (exchange, request) ->
        FakePenneo.json(
                200,
                "{\"access_token\":\"token-"
                    + issued.incrementAndGet()
                    + "\",\"expires_in\":"
                    + expiresIn
                    + ",\"token_type\":\"Bearer\"}")
            .respond(exchange, request);
  }

  @Test
  void oauthTokenRequestIsComputedAsPenneosCollectionDoes() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    penneo.on("POST", "/oauth/token", tokens(issued, 600));
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00.123456Z"));

    oauthClient(clock).getCaseFile(531);

    FakePenneo.Recorded tokenRequest = penneo.requests("POST", "/oauth/token").get(0);
    assertTrue(tokenRequest.header("Content-Type").startsWith("application/json"));
    JsonObject body = Json.createReader(new StringReader(tokenRequest.bodyText())).readObject();
    assertEquals(FakePenneo.CLIENT_ID, body.getString("client_id"));
    assertEquals(FakePenneo.CLIENT_SECRET, body.getString("client_secret"));
    assertEquals("api_keys", body.getString("grant_type"));
    assertEquals(FakePenneo.ARCHIVE.key(), body.getString("key"));
    assertEquals("2026-06-01T08:00:00.123Z", body.getString("created_at"));
    byte[] nonce = Base64.getDecoder().decode(body.getString("nonce"));
    assertEquals(20, nonce.length);
    assertEquals(
        expectedDigest(nonce, "2026-06-01T08:00:00.123Z", FakePenneo.ARCHIVE.secret()),
        body.getString("digest"));
    FakePenneo.Recorded call = penneo.requests("GET", "/api/v3/casefiles/531").get(0);
    assertEquals("Bearer token-1", call.header("Authorization"));
  }

  @Test
  void oauthTokenIsReusedThenRenewedAtEightyPercentOfItsLife() {
    AtomicInteger issued = new AtomicInteger();
    penneo.on("POST", "/oauth/token", tokens(issued, 600));
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    MutableClock clock = new MutableClock(Instant.parse("2026-06-01T08:00:00Z"));
    PenneoClient client = oauthClient(clock);

    client.getCaseFile(531);
    clock.advance(Duration.ofSeconds(479));
    client.getCaseFile(531);
    assertEquals(1, issued.get(), "token fetched again before 80 % of its life");

    clock.advance(Duration.ofSeconds(2));
    client.getCaseFile(531);
    assertEquals(2, issued.get());
    List<String> sent =
        penneo.requests("GET", "/api/v3/casefiles/531").stream()
            .map(r -> r.header("Authorization"))
            .toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-1", "Bearer token-2"), sent);
  }

  @Test
  void eachIdentityHasItsOwnToken() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    penneo.on("POST", "/oauth/token", tokens(issued, 600));
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    penneo.on("GET", "/webhook/api/v1/subscriptions", FakePenneo.json(200, "{\"items\":[]}"));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));

    client.getCaseFile(531);
    client.listSubscriptions();
    client.getCaseFile(531);

    List<String> keys =
        penneo.requests("POST", "/oauth/token").stream()
            .map(
                r ->
                    Json.createReader(new StringReader(r.bodyText())).readObject().getString("key"))
            .toList();
    assertEquals(List.of("super-key", "user-key"), keys);
  }

  @Test
  void a401DropsTheTokenAndRetriesOnceWithANewOne() {
    AtomicInteger issued = new AtomicInteger();
    penneo.on("POST", "/oauth/token", tokens(issued, 600));
    penneo.on(
        "GET",
        "/api/v3/casefiles/531",
        FakePenneo.json(401, "{\"error\":\"token revoked\"}"),
        FakePenneo.json(200, CASE_FILE));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));

    assertEquals("Lease", client.getCaseFile(531).orElseThrow().title());

    assertEquals(2, issued.get());
    List<String> sent =
        penneo.requests("GET", "/api/v3/casefiles/531").stream()
            .map(r -> r.header("Authorization"))
            .toList();
    assertEquals(List.of("Bearer token-1", "Bearer token-2"), sent);
    assertTrue(sleeper.sleeps().isEmpty(), "a refused token is not a reason to wait");
  }

  @Test
  void a401ThatPersistsFailsAfterOneNewToken() {
    AtomicInteger issued = new AtomicInteger();
    penneo.on("POST", "/oauth/token", tokens(issued, 600));
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(401, "{\"error\":\"no access\"}"));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertEquals(401, e.status().getAsInt());
    assertEquals(2, issued.get());
    assertEquals(2, penneo.requests("GET", "/api/v3/casefiles/531").size());
    assertTrue(e.getMessage().contains("getCaseFile for case file 531"), e.getMessage());
  }

  @Test
  void concurrentCallersWaitForOneTokenRequest() throws Exception {
    AtomicInteger issued = new AtomicInteger();
    penneo.on(
        "POST", "/oauth/token", FakePenneo.delayed(Duration.ofMillis(300), tokens(issued, 600)));
    penneo.on("GET", "/api/v3/casefiles/531", FakePenneo.json(200, CASE_FILE));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Object>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> client.getCaseFile(531));
      }
      for (Future<Object> f : pool.invokeAll(calls)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(1, issued.get());
    assertEquals(1, penneo.requests("POST", "/oauth/token").size());
    assertEquals(8, penneo.requests("GET", "/api/v3/casefiles/531").size());
  }

  @Test
  void aRefusedTokenRequestNamesTheCallButNoSecret() {
    penneo.on(
        "POST",
        "/oauth/token",
        FakePenneo.json(
            401,
            "{\"error\":\"invalid_client\",\"client_secret\":\""
                + FakePenneo.CLIENT_SECRET
                + "\",\"secret\":\""
                + FakePenneo.ARCHIVE.secret()
                + "\"}"));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(
        e.getMessage()
            .startsWith("Penneo call getCaseFile for case file 531 could not authenticate"),
        e.getMessage());
    assertTrue(e.getMessage().contains("oauthToken for identity ARCHIVE"), e.getMessage());
    assertTrue(e.getMessage().contains("invalid_client"), e.getMessage());
    assertFalse(e.getMessage().contains(FakePenneo.CLIENT_SECRET), e.getMessage());
    assertFalse(e.getMessage().contains(FakePenneo.ARCHIVE.secret()), e.getMessage());
    assertEquals(0, penneo.requests("GET", "/api/v3/casefiles/531").size());
  }

  @Test
  void aTokenWithoutLifetimeOrWithGarbageIsRefusedOrDefaulted() {
    penneo.on("POST", "/oauth/token", FakePenneo.json(200, "{\"expires_in\":600}"));
    PenneoClient client = oauthClient(new MutableClock(Instant.now()));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertTrue(e.getMessage().contains("has no access_token"), e.getMessage());
    assertNotEquals(PenneoApiException.Kind.TRANSIENT, e.kind());
  }
}
