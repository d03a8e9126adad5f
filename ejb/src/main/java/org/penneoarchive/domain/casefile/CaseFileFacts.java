package org.penneoarchive.domain.casefile;

import java.time.Instant;
import java.util.Objects;

/**
 * Everything the case-file state depends on, gathered so that the order of arrival cannot matter:
 * the earliest {@code eventTime} seen of each casefile outcome event ({@code null} = never seen),
 * whether Penneo's API confirmed the completion (status 5), and the archive outcome.
 *
 * <p>Each wither merges like a set union: outcome times keep the earliest, confirmation never
 * reverts, the archive outcome only moves forward. Applying the same facts in any order therefore
 * yields equal values, and {@link CaseFileStateMachine#stateOf} equal states.
 */
public record CaseFileFacts(
    Instant completedAt,
    boolean completionConfirmed,
    Instant rejectedAt,
    Instant expiredAt,
    Instant failedAt,
    ArchiveStatus archiveStatus) {

  private static final CaseFileFacts NONE =
      new CaseFileFacts(null, false, null, null, null, ArchiveStatus.NONE);

  public CaseFileFacts {
    Objects.requireNonNull(archiveStatus, "archiveStatus");
  }

  /** No events seen: a new case file. */
  public static CaseFileFacts none() {
    return NONE;
  }

  /**
   * Whether a casefile event type is an outcome recorded here: {@code completed}, {@code rejected},
   * {@code expired}, {@code failed}.
   */
  public static boolean isOutcome(String eventType) {
    return eventType != null
        && switch (eventType) {
          case "completed", "rejected", "expired", "failed" -> true;
          default -> false;
        };
  }

  /**
   * These facts with a casefile event applied: for an outcome type, its time is kept if it is the
   * earliest of that type seen; any other type (e.g. {@code test}, or one the product does not
   * know) changes nothing, as CONTRACT.md says ("recorded in the timeline, state unchanged").
   */
  public CaseFileFacts withOutcome(String eventType, Instant eventTime) {
    Objects.requireNonNull(eventTime, "eventTime");
    if (!isOutcome(eventType)) {
      return this;
    }
    return switch (eventType) {
      case "completed" ->
          new CaseFileFacts(
              earliest(completedAt, eventTime),
              completionConfirmed,
              rejectedAt,
              expiredAt,
              failedAt,
              archiveStatus);
      case "rejected" ->
          new CaseFileFacts(
              completedAt,
              completionConfirmed,
              earliest(rejectedAt, eventTime),
              expiredAt,
              failedAt,
              archiveStatus);
      case "expired" ->
          new CaseFileFacts(
              completedAt,
              completionConfirmed,
              rejectedAt,
              earliest(expiredAt, eventTime),
              failedAt,
              archiveStatus);
      default ->
          new CaseFileFacts(
              completedAt,
              completionConfirmed,
              rejectedAt,
              expiredAt,
              earliest(failedAt, eventTime),
              archiveStatus);
    };
  }

  /** These facts with Penneo's API having confirmed the completion (status 5). */
  public CaseFileFacts withCompletionConfirmed() {
    return new CaseFileFacts(completedAt, true, rejectedAt, expiredAt, failedAt, archiveStatus);
  }

  /** These facts with an archive outcome recorded; the outcome only moves forward. */
  public CaseFileFacts withArchiveStatus(ArchiveStatus status) {
    Objects.requireNonNull(status, "status");
    return new CaseFileFacts(
        completedAt,
        completionConfirmed,
        rejectedAt,
        expiredAt,
        failedAt,
        archiveStatus.max(status));
  }

  private static Instant earliest(Instant seen, Instant candidate) {
    return seen == null || candidate.isBefore(seen) ? candidate : seen;
  }
}
