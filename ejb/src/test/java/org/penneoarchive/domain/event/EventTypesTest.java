package org.penneoarchive.domain.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypesTest {

  private static final List<String> CASEFILE =
      List.of("completed", "expired", "rejected", "failed");
  private static final List<String> SIGNER =
      List.of(
          "requestActivated",
          "requestSent",
          "reminderSent",
          "requestOpened",
          "undeliverable",
          "opened",
          "rejected",
          "signed",
          "finalized",
          "deleted",
          "signedWithImageUploadAndNAP",
          "transientBounce");

  @ParameterizedTest
  @CsvSource({
    "sign.casefile.completed, CASEFILE, completed",
    "sign.casefile.expired, CASEFILE, expired",
    "sign.signer.signed, SIGNER, signed",
    "sign.signer.signedWithImageUploadAndNAP, SIGNER, signedWithImageUploadAndNAP",
    "webhook.subscription.test, WEBHOOK, test",
    "sign.casefile.reopened, CASEFILE, reopened"
  })
  void mapsCurrentNamesToTopicAndLegacyName(String current, Topic topic, String legacy) {
    assertEquals(
        Optional.of(new EventTypes.Normalised(topic, legacy)), EventTypes.fromCurrent(current));
    assertEquals(
        Optional.of(new EventTypes.Normalised(topic, legacy)), EventTypes.normalise(null, current));
    assertEquals(current, EventTypes.currentName(topic, legacy));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sign.document.signed",
        "casefile.completed",
        "sign.casefile.",
        "sign.casefile.a.b",
        "sign.casefile.9lives",
        "completed",
        ""
      })
  void refusesWhatIsNotACurrentNameOfAKnownFamily(String name) {
    assertEquals(Optional.empty(), EventTypes.fromCurrent(name));
  }

  @Test
  void refusesOverlongNames() {
    assertEquals(Optional.empty(), EventTypes.fromCurrent("sign.casefile." + "a".repeat(60)));
    assertFalse(EventTypes.isShortName("a".repeat(65)));
    assertTrue(EventTypes.isShortName("a".repeat(64)));
  }

  @Test
  void keepsLegacyNamesUnchangedInTheirTopic() {
    assertEquals(
        Optional.of(new EventTypes.Normalised(Topic.CASEFILE, "completed")),
        EventTypes.normalise(Topic.CASEFILE, "completed"));
    assertEquals(
        Optional.of(new EventTypes.Normalised(Topic.SIGNER, "someFutureType")),
        EventTypes.normalise(Topic.SIGNER, "someFutureType"));
  }

  @Test
  void cannotNormaliseALegacyNameWithoutTopicOrACurrentNameOfAnotherTopic() {
    assertEquals(Optional.empty(), EventTypes.normalise(null, "completed"));
    assertEquals(Optional.empty(), EventTypes.normalise(Topic.SIGNER, "sign.casefile.completed"));
    assertEquals(Optional.empty(), EventTypes.normalise(Topic.CASEFILE, "not a name"));
    assertEquals(Optional.empty(), EventTypes.normalise(Topic.CASEFILE, null));
  }

  @Test
  void knowsEveryDocumentedTypeAndNoOther() {
    CASEFILE.forEach(t -> assertTrue(EventTypes.isKnown(Topic.CASEFILE, t), t));
    SIGNER.forEach(t -> assertTrue(EventTypes.isKnown(Topic.SIGNER, t), t));
    assertTrue(EventTypes.isKnown(Topic.WEBHOOK, "test"));
    assertTrue(EventTypes.isKnown(Topic.CASEFILE, "test"));
    assertFalse(EventTypes.isKnown(Topic.CASEFILE, "signed"));
    assertFalse(EventTypes.isKnown(Topic.SIGNER, "completed"));
    assertFalse(EventTypes.isKnown(Topic.CASEFILE, "Completed"));
    assertFalse(EventTypes.isKnown(Topic.CASEFILE, "reopened"));
    assertFalse(EventTypes.isKnown(null, "completed"));
    assertEquals(CASEFILE.size() + 1, EventTypes.known(Topic.CASEFILE).size());
    assertEquals(SIGNER.size() + 1, EventTypes.known(Topic.SIGNER).size());
    assertEquals(Set.of("test"), EventTypes.known(Topic.WEBHOOK));
  }

  @Test
  void listsEveryCurrentNameOnce() {
    List<String> all = EventTypes.allCurrentNames();
    assertEquals(CASEFILE.size() + SIGNER.size() + 1, all.size());
    assertEquals(all.size(), Set.copyOf(all).size());
    assertTrue(all.contains("sign.casefile.completed"));
    assertTrue(all.contains("sign.signer.transientBounce"));
    assertTrue(all.contains("webhook.subscription.test"));
    assertFalse(all.contains("sign.casefile.test"));
  }

  @Test
  void refusesToBuildACurrentNameFromSomethingElse() {
    assertThrows(
        IllegalArgumentException.class,
        () -> EventTypes.currentName(Topic.CASEFILE, "sign.casefile.completed"));
    assertThrows(NullPointerException.class, () -> EventTypes.currentName(null, "completed"));
  }

  @Test
  void mapsWireNamesOfTopics() {
    for (Topic t : Topic.values()) {
      assertEquals(Optional.of(t), Topic.fromWireName(t.wireName()));
    }
    assertEquals("casefile", Topic.CASEFILE.wireName());
    assertEquals("signer", Topic.SIGNER.wireName());
    assertEquals("webhook", Topic.WEBHOOK.wireName());
    assertEquals(Optional.empty(), Topic.fromWireName("CASEFILE"));
    assertEquals(Optional.empty(), Topic.fromWireName(null));
  }
}
