package org.penneoarchive.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventIdentityTest {

  private static final Instant T = Instant.parse("2025-02-19T13:01:55.517791Z");

  @Test
  void keyIsCanonical() {
    assertEquals(
        "casefile|completed|531|2025-02-19T13:01:55.517791Z",
        new EventIdentity(Topic.CASEFILE, "completed", 531, T).key());
    assertEquals(
        "signer|requestSent|7001|2025-02-19T13:01:55.000000Z",
        new EventIdentity(Topic.SIGNER, "requestSent", 7001, Instant.parse("2025-02-19T13:01:55Z"))
            .key());
    assertEquals(
        "casefile|completed|1|0001-01-01T00:00:00.000010Z",
        new EventIdentity(
                Topic.CASEFILE, "completed", 1, Instant.parse("0001-01-01T00:00:00.000010Z"))
            .key());
  }

  @Test
  void dropsDigitsFinerThanAMicrosecond() {
    EventIdentity fine = new EventIdentity(Topic.CASEFILE, "completed", 531, T.plusNanos(999));
    assertEquals(new EventIdentity(Topic.CASEFILE, "completed", 531, T), fine);
    assertEquals(T, fine.eventTime());
  }

  @Test
  void differsInEachPart() {
    EventIdentity base = new EventIdentity(Topic.CASEFILE, "completed", 531, T);
    assertNotEquals(base.key(), new EventIdentity(Topic.SIGNER, "completed", 531, T).key());
    assertNotEquals(base.key(), new EventIdentity(Topic.CASEFILE, "rejected", 531, T).key());
    assertNotEquals(base.key(), new EventIdentity(Topic.CASEFILE, "completed", 532, T).key());
    assertNotEquals(
        base.key(), new EventIdentity(Topic.CASEFILE, "completed", 531, T.plusNanos(1000)).key());
  }

  @Test
  void longestKeyFitsTwoHundredCharacters() {
    String key =
        new EventIdentity(
                Topic.CASEFILE,
                "a".repeat(EventTypes.MAX_LENGTH),
                Long.MAX_VALUE,
                Instant.parse("9999-12-31T23:59:59.999999Z"))
            .key();
    assertTrue(key.length() <= EventIdentity.MAX_KEY_LENGTH, key);
  }

  @Test
  void refusesInvalidParts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new EventIdentity(Topic.CASEFILE, "sign.casefile.completed", 531, T));
    assertThrows(
        IllegalArgumentException.class, () -> new EventIdentity(Topic.CASEFILE, "completed", 0, T));
    assertThrows(
        IllegalArgumentException.class, () -> new EventIdentity(Topic.CASEFILE, "a|b", 1, T));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new EventIdentity(
                Topic.CASEFILE, "completed", 1, Instant.parse("+10000-01-01T00:00:00Z")));
    assertThrows(NullPointerException.class, () -> new EventIdentity(null, "completed", 531, T));
    assertThrows(
        NullPointerException.class,
        () -> new EventIdentity(Topic.CASEFILE, "completed", 531, null));
  }

  @Test
  void penneoEventIdentityUsesItsSubject() {
    PenneoEvent signer =
        PenneoEvent.ofSigner("signed", 7001, 531L, T, 4, null, JsonValue.EMPTY_JSON_OBJECT);
    assertEquals("signer|signed|7001|2025-02-19T13:01:55.517791Z", signer.identity().key());
    PenneoEvent casefile =
        PenneoEvent.ofCaseFile("completed", 531, T, 5, "Lease", JsonValue.EMPTY_JSON_OBJECT);
    assertEquals(new EventIdentity(Topic.CASEFILE, "completed", 531, T), casefile.identity());
  }

  @Test
  void penneoEventKeepsItsInvariants() {
    JsonValue p = JsonValue.EMPTY_JSON_OBJECT;
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenneoEvent(
                Topic.CASEFILE, "completed", 531, 532L, null, T, 5, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenneoEvent(
                Topic.CASEFILE, "completed", 531, 531L, 7L, T, 5, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenneoEvent(
                Topic.SIGNER, "signed", 7001, 531L, 7002L, T, 4, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenneoEvent(Topic.SIGNER, "signed", 7001, 0L, 7001L, T, 4, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new PenneoEvent(Topic.WEBHOOK, "test", 1, null, null, T, null, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PenneoEvent.ofCaseFile("completed", 531, T, -1, null, p.asJsonObject()));
    assertThrows(
        IllegalArgumentException.class,
        () -> PenneoEvent.ofCaseFile("completed", 531, T, 5, "x".repeat(1001), p.asJsonObject()));
    assertThrows(
        NullPointerException.class,
        () -> PenneoEvent.ofCaseFile("completed", 531, T, 5, null, null));
    assertEquals(
        T,
        PenneoEvent.ofCaseFile("completed", 531, T.plusNanos(1), null, null, p.asJsonObject())
            .eventTime());
  }
}
