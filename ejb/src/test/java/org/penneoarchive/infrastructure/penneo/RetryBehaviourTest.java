package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryBehaviourTest {

  private static final String CASE_FILE = "{\"id\":531,\"status\":5,\"title\":\"Lease\"}";
  private static final String PATH = "/api/v3/casefiles/531";

  private final FakePenneo penneo;
  private final RecordingSleeper sleeper = new RecordingSleeper();
  private final PenneoClient client;

  RetryBehaviourTest() throws Exception {
    penneo = new FakePenneo();
    client = new PenneoClient(penneo.config(AuthMode.JWT, sleeper.policy()).build());
  }

  @AfterEach
  void stop() {
    penneo.close();
  }

  @Test
  void twoUnavailableAnswersThenSuccessTakesThreeAttempts() {
    penneo.on(
        "GET",
        PATH,
        FakePenneo.status(503),
        FakePenneo.status(503),
        FakePenneo.json(200, CASE_FILE));

    assertEquals("Lease", client.getCaseFile(531).orElseThrow().title());

    assertEquals(3, penneo.requests("GET", PATH).size());
    assertEquals(List.of(Duration.ofMillis(250), Duration.ofMillis(500)), sleeper.sleeps());
  }

  @Test
  void retryAfterIsHonoured() {
    penneo.on(
        "GET",
        PATH,
        FakePenneo.json(429, "{\"error\":\"slow down\"}", "Retry-After", "1"),
        FakePenneo.json(200, CASE_FILE));

    client.getCaseFile(531);

    assertEquals(List.of(Duration.ofSeconds(1)), sleeper.sleeps());
    assertEquals(2, penneo.requests("GET", PATH).size());
  }

  @Test
  void aBadRequestIsNotRetriedAndNamesTheCaseFile() {
    penneo.on("GET", PATH, FakePenneo.json(400, "{\"error\":\"Invalid id\"}"));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertEquals(1, penneo.requests("GET", PATH).size());
    assertTrue(sleeper.sleeps().isEmpty());
    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertFalse(e instanceof PenneoUnavailableException);
    assertEquals(400, e.status().getAsInt());
    assertEquals(531L, e.caseFileId().getAsLong());
    assertEquals("getCaseFile", e.call());
    assertEquals("{\"error\":\"Invalid id\"}", e.bodyExcerpt());
    assertEquals(
        "Penneo call getCaseFile for case file 531 was refused: Penneo answered HTTP 400;"
            + " Penneo said: {\"error\":\"Invalid id\"}",
        e.getMessage());
  }

  @Test
  void exhaustedAttemptsAreUnavailableNamingTheCallAndTheCaseFile() {
    penneo.on("GET", PATH, FakePenneo.json(503, "{\"error\":\"maintenance\"}"));

    PenneoUnavailableException e =
        assertThrows(PenneoUnavailableException.class, () -> client.getCaseFile(531));

    assertEquals(5, penneo.requests("GET", PATH).size());
    assertEquals(5, e.attempts());
    assertEquals(4, sleeper.sleeps().size());
    assertEquals(PenneoApiException.Kind.TRANSIENT, e.kind());
    assertEquals(503, e.status().getAsInt());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Penneo call getCaseFile for case file 531 gave up after 5 attempts; the last"
                    + " failed with HTTP 503"),
        e.getMessage());
    assertTrue(e.getMessage().contains("maintenance"), e.getMessage());
  }

  @Test
  void aDroppedConnectionIsRetried() {
    // A POST, so that the JDK's own retry of idempotent requests on a dropped connection does
    // not hide ours.
    String test = "/webhook/api/v1/subscriptions/test";
    penneo.on("POST", test, FakePenneo.dropConnection(), FakePenneo.status(204));

    client.sendTestNotification();

    assertEquals(2, penneo.requests("POST", test).size());
    assertEquals(1, sleeper.sleeps().size());
  }

  @Test
  void aConnectionThatKeepsDroppingEndsUnavailable() {
    penneo.on("GET", PATH, FakePenneo.dropConnection());

    PenneoUnavailableException e =
        assertThrows(PenneoUnavailableException.class, () -> client.getCaseFile(531));

    assertEquals(5, e.attempts());
    assertEquals(4, sleeper.sleeps().size());
    assertTrue(penneo.requests("GET", PATH).size() >= 5);
    assertTrue(e.getMessage().contains("IOException"), e.getMessage());
  }

  @Test
  void aRefusedConnectionIsRetriedThenReportedAsUnavailable() throws Exception {
    URI closed;
    try (FakePenneo gone = new FakePenneo()) {
      closed = gone.base();
    }
    PenneoClient toNowhere =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .apiUrl(closed.resolve("/api/v3"))
                .build());

    PenneoUnavailableException e =
        assertThrows(PenneoUnavailableException.class, () -> toNowhere.getCaseFile(7));

    assertEquals(5, e.attempts());
    assertTrue(e.getMessage().contains("case file 7"), e.getMessage());
    assertTrue(e.getMessage().contains("ConnectException"), e.getMessage());
  }

  @Test
  void aServerErrorOnACreateIsNotRetriedBecausePenneoMayHaveActed() {
    penneo.on("POST", "/webhook/api/v1/subscriptions", FakePenneo.status(500));

    PenneoUnavailableException e =
        assertThrows(
            PenneoUnavailableException.class,
            () ->
                client.createSubscription(
                    List.of("sign.casefile.completed"),
                    URI.create("https://archive.example/webhooks/k"),
                    true));

    assertEquals(1, penneo.requests("POST", "/webhook/api/v1/subscriptions").size());
    assertEquals(500, e.status().getAsInt());
  }

  @Test
  void aServerErrorOnARead() {
    penneo.on("GET", PATH, FakePenneo.status(500), FakePenneo.json(200, CASE_FILE));

    client.getCaseFile(531);

    assertEquals(2, penneo.requests("GET", PATH).size());
  }

  @Test
  void errorExcerptsAreShortAndMaskSecrets() {
    String echo =
        "{\"error\":\"bad\",\"echo\":\""
            + FakePenneo.JWT
            + "\",\"padding\":\""
            + "x".repeat(2000)
            + "\"}";
    penneo.on("GET", PATH, FakePenneo.json(422, echo));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertTrue(e.bodyExcerpt().length() <= 300, "excerpt of " + e.bodyExcerpt().length());
    assertTrue(e.bodyExcerpt().contains("\"echo\":\"***\""), e.bodyExcerpt());
    assertFalse(e.getMessage().contains(FakePenneo.JWT));
  }

  @Test
  void aStalledAnswerTimesOutAndIsRetried() {
    PenneoClient impatient =
        new PenneoClient(
            penneo
                .config(AuthMode.JWT, sleeper.policy())
                .readTimeout(Duration.ofMillis(300))
                .build());
    penneo.on(
        "GET",
        PATH,
        FakePenneo.delayed(Duration.ofMillis(1500), FakePenneo.json(200, CASE_FILE)),
        FakePenneo.json(200, CASE_FILE));

    impatient.getCaseFile(531);

    assertEquals(2, penneo.requests("GET", PATH).size());
    assertEquals(1, sleeper.sleeps().size());
  }

  @Test
  void redirectsAreNotFollowed() {
    penneo.on("GET", PATH, FakePenneo.status(302, "Location", "http://elsewhere.example/x"));

    PenneoApiException e = assertThrows(PenneoApiException.class, () -> client.getCaseFile(531));

    assertEquals(PenneoApiException.Kind.PERMANENT, e.kind());
    assertTrue(e.getMessage().contains("follows no redirects"), e.getMessage());
    assertEquals(1, penneo.requests().size());
  }

  @Test
  void aWrongInterruptKeepsTheFlag() {
    penneo.on("GET", PATH, FakePenneo.status(503));
    RetryPolicy interrupting =
        RetryPolicy.builder()
            .sleeper(
                d -> {
                  throw new InterruptedException("stop");
                })
            .build();
    PenneoClient c = new PenneoClient(penneo.config(AuthMode.JWT, interrupting).build());
    try {
      PenneoUnavailableException e =
          assertThrows(PenneoUnavailableException.class, () -> c.getCaseFile(531));
      assertInstanceOf(InterruptedException.class, e.getCause());
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertNotEquals(0, penneo.requests().size());
  }
}
