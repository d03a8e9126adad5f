package org.penneoarchive.domain.signer;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * Derives a signer's current state from all of its events.
 *
 * <p>Penneo repeats signer events across signing rounds and promises no order, so the caller keeps
 * every event and this derives the state from the set: the event with the latest {@code eventTime}
 * decides, ties broken by {@link SignerState}'s order. Types that say nothing about progress
 * ({@code test}, {@code transientBounce} — a temporary bounce that Penneo retries — and types the
 * product does not know) are ignored.
 */
public final class SignerStates {

  private static final Comparator<Candidate> LATEST =
      Comparator.comparing((Candidate c) -> c.event().eventTime()).thenComparing(Candidate::state);

  private record Candidate(SignerEvent event, SignerState state) {}

  private SignerStates() {}

  /** The state a signer is in after these events; {@code PENDING} if none bears a state. */
  public static SignerState latest(Collection<SignerEvent> events) {
    Objects.requireNonNull(events, "events");
    return events.stream()
        .flatMap(e -> stateFor(e.eventType()).map(s -> new Candidate(e, s)).stream())
        .max(LATEST)
        .map(Candidate::state)
        .orElse(SignerState.PENDING);
  }

  /** The state one signer event type leads to, if it bears one. */
  public static Optional<SignerState> stateFor(String eventType) {
    if (eventType == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        switch (eventType) {
          case "requestActivated" -> SignerState.REQUEST_ACTIVATED;
          case "requestSent" -> SignerState.REQUEST_SENT;
          case "reminderSent" -> SignerState.REMINDER_SENT;
          case "undeliverable" -> SignerState.UNDELIVERABLE;
          case "requestOpened" -> SignerState.REQUEST_OPENED;
          case "opened" -> SignerState.OPENED;
          case "rejected" -> SignerState.REJECTED;
          case "signed", "signedWithImageUploadAndNAP" -> SignerState.SIGNED;
          case "finalized" -> SignerState.FINALIZED;
          case "deleted" -> SignerState.DELETED;
          default -> null;
        });
  }
}
