package org.penneoarchive.domain.signer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignerStatesTest {

  private static final Instant T0 = Instant.parse("2025-05-01T08:00:00.000001Z");

  private static SignerEvent e(String type, int minutes) {
    return new SignerEvent(type, T0.plusSeconds(60L * minutes));
  }

  @Test
  void noEventsMeansPending() {
    assertEquals(SignerState.PENDING, SignerStates.latest(List.of()));
    assertEquals(
        SignerState.PENDING,
        SignerStates.latest(List.of(e("test", 1), e("transientBounce", 2), e("unknownType", 3))));
  }

  @Test
  void theLatestEventDecidesWhateverTheArrivalOrder() {
    List<SignerEvent> events =
        new ArrayList<>(
            List.of(
                e("requestActivated", 0),
                e("requestSent", 1),
                e("requestOpened", 2),
                e("reminderSent", 3),
                e("opened", 4),
                e("signed", 5),
                e("finalized", 6),
                e("transientBounce", 7),
                e("test", 8)));
    Random random = new Random(42);
    for (int i = 0; i < 200; i++) {
      Collections.shuffle(events, random);
      assertEquals(SignerState.FINALIZED, SignerStates.latest(events), events::toString);
    }
  }

  @Test
  void aNewSigningRoundStartsOver() {
    List<SignerEvent> rounds =
        List.of(
            e("requestSent", 0),
            e("opened", 1),
            e("signed", 2),
            e("requestActivated", 10),
            e("requestSent", 11));
    assertEquals(SignerState.REQUEST_SENT, SignerStates.latest(rounds));
  }

  @Test
  void aTieIsBrokenByTheFixedPrecedence() {
    assertEquals(
        SignerState.SIGNED,
        SignerStates.latest(List.of(e("signed", 1), e("opened", 1), e("requestSent", 1))));
    assertEquals(SignerState.SIGNED, SignerStates.latest(List.of(e("opened", 1), e("signed", 1))));
    assertEquals(
        SignerState.DELETED,
        SignerStates.latest(List.of(e("deleted", 1), e("finalized", 1), e("rejected", 1))));
    assertEquals(
        SignerState.REQUEST_OPENED,
        SignerStates.latest(List.of(e("undeliverable", 1), e("requestOpened", 1))));
  }

  @ParameterizedTest
  @CsvSource({
    "requestActivated, REQUEST_ACTIVATED",
    "requestSent, REQUEST_SENT",
    "reminderSent, REMINDER_SENT",
    "requestOpened, REQUEST_OPENED",
    "undeliverable, UNDELIVERABLE",
    "opened, OPENED",
    "rejected, REJECTED",
    "signed, SIGNED",
    "signedWithImageUploadAndNAP, SIGNED",
    "finalized, FINALIZED",
    "deleted, DELETED"
  })
  void mapsEachStateBearingType(String type, SignerState state) {
    assertEquals(Optional.of(state), SignerStates.stateFor(type));
    assertEquals(state, SignerStates.latest(List.of(e(type, 0))));
  }

  @ParameterizedTest
  @ValueSource(strings = {"test", "transientBounce", "completed", "Signed", ""})
  void ignoresTypesThatSayNothingAboutProgress(String type) {
    assertEquals(Optional.empty(), SignerStates.stateFor(type));
  }

  @Test
  void refusesIncompleteEvents() {
    assertThrows(NullPointerException.class, () -> new SignerEvent(null, T0));
    assertThrows(NullPointerException.class, () -> new SignerEvent("signed", null));
    assertThrows(NullPointerException.class, () -> SignerStates.latest(null));
  }
}
