package org.penneoarchive.domain.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.penneoarchive.domain.webhook.Verification.Outcome;

class WebhookSignatureVerifierTest {

  private static final Path FIXTURES =
      Path.of(System.getProperty("basedir", "."), "..", "fixtures", "webhook-signatures");
  private static final long T = 1_748_848_500L;
  private static final byte[] SECRET = "whsec_test".getBytes(StandardCharsets.UTF_8);
  private static final byte[] OLD_SECRET = "whsec_old".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY =
      "{\"eventType\":\"sign.casefile.completed\",\"payload\":{\"id\":531}}"
          .getBytes(StandardCharsets.UTF_8);

  private static WebhookSignatureVerifier verifierAt(long epochSecond) {
    return new WebhookSignatureVerifier(
        Duration.ofSeconds(300), Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
  }

  private static Verification verify(String header) {
    return verifierAt(T).verify(header, BODY, List.of(SECRET));
  }

  private static String hex() {
    return WebhookSignatureVerifier.sign(SECRET, T, BODY).substring(("t=" + T + ",v1=").length());
  }

  // ---- the fixtures made with openssl ----

  record Fixture(String name, byte[] body, byte[] secret, long t, String signature) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Fixture> fixtures() throws IOException {
    assertTrue(Files.isDirectory(FIXTURES), "fixtures not found at " + FIXTURES.toAbsolutePath());
    List<Fixture> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(FIXTURES)) {
      for (Path body : files.filter(p -> p.toString().endsWith(".body")).sorted().toList()) {
        String name = body.getFileName().toString().replace(".body", "");
        all.add(
            new Fixture(
                name,
                Files.readAllBytes(body),
                Files.readAllBytes(FIXTURES.resolve(name + ".secret")),
                Long.parseLong(Files.readString(FIXTURES.resolve(name + ".t")).strip()),
                Files.readString(FIXTURES.resolve(name + ".signature"))));
      }
    }
    assertTrue(all.size() >= 4, "expected at least 4 fixtures, found " + all.size());
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void acceptsEveryFixture(Fixture f) {
    Verification v = verifierAt(f.t()).verify(f.signature(), f.body(), List.of(f.secret()));
    assertEquals(Outcome.VALID, v.outcome(), v.reason());
    assertEquals(0, v.secretIndex());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void signReproducesEveryFixture(Fixture f) {
    assertEquals(f.signature(), WebhookSignatureVerifier.sign(f.secret(), f.t(), f.body()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void refusesEveryFixtureWithAnyOneByteChanged(Fixture f) {
    WebhookSignatureVerifier verifier = verifierAt(f.t());
    for (int i = 0; i < f.body().length; i += Math.max(1, f.body().length / 16)) {
      byte[] changed = Arrays.copyOf(f.body(), f.body().length);
      changed[i] ^= 0x01;
      assertEquals(
          Outcome.MISMATCH,
          verifier.verify(f.signature(), changed, List.of(f.secret())).outcome(),
          "byte " + i);
    }
    byte[] longer = Arrays.copyOf(f.body(), f.body().length + 1);
    assertEquals(
        Outcome.MISMATCH, verifier.verify(f.signature(), longer, List.of(f.secret())).outcome());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void refusesEveryFixtureUnderAnotherSecretOrTime(Fixture f) {
    assertEquals(
        Outcome.MISMATCH,
        verifierAt(f.t()).verify(f.signature(), f.body(), List.of(SECRET)).outcome());
    String otherT = f.signature().replace("t=" + f.t(), "t=" + (f.t() + 1));
    assertEquals(
        Outcome.MISMATCH,
        verifierAt(f.t()).verify(otherT, f.body(), List.of(f.secret())).outcome());
  }

  // ---- header format ----

  @Test
  void acceptsItsOwnSignature() {
    Verification v = verify(WebhookSignatureVerifier.sign(SECRET, T, BODY));
    assertTrue(v.isValid());
    assertEquals("signature valid", v.reason());
  }

  @Test
  void toleratesSpacesSeveralSignaturesUnknownKeysAndUpperCaseHex() {
    String wrong = "0".repeat(64);
    assertTrue(verify(" t = " + T + " , v1 = " + hex() + " ").isValid());
    assertTrue(verify("t=" + T + ",v1=" + wrong + ",v1=" + hex()).isValid());
    assertTrue(verify("v0=legacy,t=" + T + ",scheme=x,v1=" + hex()).isValid());
    assertTrue(verify("v1=" + hex().toUpperCase() + ",t=" + T).isValid());
  }

  @Test
  void aMissingHeaderIsMissing() {
    assertEquals(Outcome.MISSING, verify(null).outcome());
    assertEquals(Outcome.MISSING, verify("").outcome());
    assertEquals(Outcome.MISSING, verify("   ").outcome());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "garbage",
        "sha256=abcdef",
        "t=1748848500",
        "v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=abc,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=-1,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1748848500,v1=00",
        "t=1748848500,v1=zz00000000000000000000000000000000000000000000000000000000000000",
        "t=1748848500,t=1748848500,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1748848500,,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1748848500,=x,v1=0000000000000000000000000000000000000000000000000000000000000000",
        "t=1748848500000000,v1=0000000000000000000000000000000000000000000000000000000000000000"
      })
  void refusesMalformedHeaders(String header) {
    Verification v = verify(header);
    assertEquals(Outcome.MALFORMED, v.outcome(), v.reason());
    assertFalse(v.isValid());
    assertEquals(-1, v.secretIndex());
  }

  @Test
  void refusesOverlongHeadersAndTooManySignatures() {
    String nine = ",v1=0000000000000000000000000000000000000000000000000000000000000000".repeat(9);
    assertEquals(Outcome.MALFORMED, verify("t=" + T + nine).outcome());
    assertEquals(
        Outcome.MALFORMED, verify("t=" + T + ",x=" + "a".repeat(1100) + ",v1=" + hex()).outcome());
  }

  // ---- time ----

  @Test
  void acceptsSkewUpToTheToleranceEitherWay() {
    String header = WebhookSignatureVerifier.sign(SECRET, T, BODY);
    assertTrue(verifierAt(T + 300).verify(header, BODY, List.of(SECRET)).isValid());
    assertTrue(verifierAt(T - 300).verify(header, BODY, List.of(SECRET)).isValid());
    assertEquals(
        Outcome.STALE, verifierAt(T + 301).verify(header, BODY, List.of(SECRET)).outcome());
    assertEquals(
        Outcome.STALE, verifierAt(T - 301).verify(header, BODY, List.of(SECRET)).outcome());
  }

  @Test
  void aStaleReplayIsStaleEvenWithTheRightSignature() {
    String header = WebhookSignatureVerifier.sign(SECRET, T, BODY);
    Verification v = verifierAt(T + 86_400).verify(header, BODY, List.of(SECRET));
    assertEquals(Outcome.STALE, v.outcome());
    assertTrue(v.reason().contains("86400 s"), v.reason());
  }

  // ---- secrets ----

  @Test
  void anyOfTheSecretsMayMatchDuringARotation() {
    String signedWithOld = WebhookSignatureVerifier.sign(OLD_SECRET, T, BODY);
    Verification v = verifierAt(T).verify(signedWithOld, BODY, List.of(SECRET, OLD_SECRET));
    assertTrue(v.isValid());
    assertEquals(1, v.secretIndex());
    assertEquals(
        0,
        verifierAt(T)
            .verify(
                WebhookSignatureVerifier.sign(SECRET, T, BODY), BODY, List.of(SECRET, OLD_SECRET))
            .secretIndex());
    assertEquals(
        Outcome.MISMATCH, verifierAt(T).verify(signedWithOld, BODY, List.of(SECRET)).outcome());
  }

  @Test
  void withoutASecretNothingMatches() {
    String header = WebhookSignatureVerifier.sign(SECRET, T, BODY);
    assertEquals(Outcome.MISMATCH, verifierAt(T).verify(header, BODY, List.of()).outcome());
    assertEquals(Outcome.MISMATCH, verifierAt(T).verify(header, BODY, null).outcome());
    assertEquals(
        Outcome.MISMATCH, verifierAt(T).verify(header, BODY, List.of(new byte[0])).outcome());
    assertTrue(
        verifierAt(T).verify(header, BODY, Arrays.asList(null, new byte[0], SECRET)).isValid());
  }

  @Test
  void signsTheEmptyBody() {
    String header = WebhookSignatureVerifier.sign(SECRET, T, new byte[0]);
    assertTrue(verifierAt(T).verify(header, new byte[0], List.of(SECRET)).isValid());
  }

  @Test
  void refusesNonsensicalSettings() {
    Clock clock = Clock.systemUTC();
    assertThrows(
        IllegalArgumentException.class,
        () -> new WebhookSignatureVerifier(Duration.ofSeconds(-1), clock));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WebhookSignatureVerifier(Duration.ofDays(2), clock));
    assertThrows(NullPointerException.class, () -> new WebhookSignatureVerifier(null, clock));
    assertThrows(
        NullPointerException.class, () -> new WebhookSignatureVerifier(Duration.ZERO, null));
    assertThrows(
        IllegalArgumentException.class, () -> WebhookSignatureVerifier.sign(new byte[0], T, BODY));
    assertThrows(
        IllegalArgumentException.class, () -> WebhookSignatureVerifier.sign(SECRET, -1, BODY));
    assertThrows(
        IllegalArgumentException.class,
        () -> new Verification(Outcome.VALID, "valid without a secret", -1));
  }
}
