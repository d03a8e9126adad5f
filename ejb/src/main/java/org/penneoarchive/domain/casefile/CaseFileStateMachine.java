package org.penneoarchive.domain.casefile;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one place for CONTRACT.md's case-file transition table.
 *
 * <p>The state is a function of the facts, not a running tally of arrivals, so that it depends only
 * on the <em>set</em> of events, never on their order:
 *
 * <ol>
 *   <li>A completion confirmed by the API ({@code completed} seen and status 5 read back) holds
 *       against any other outcome; after it, the archive outcome decides {@code ARCHIVED} or {@code
 *       ARCHIVE_FAILED}. An archive outcome without a confirmed completion is ignored.
 *   <li>Otherwise, among {@code rejected}, {@code expired} and {@code failed} the one with the
 *       earliest {@code eventTime} holds. On an exact tie the fixed precedence REJECTED, EXPIRED,
 *       FAILED decides (a person's act before a timer before an error).
 *   <li>Otherwise {@code ACTIVE}, also for a {@code completed} that the API has not confirmed.
 * </ol>
 *
 * <p>{@link #isTransitionAllowed} encodes the table itself, for guards and for tests; every change
 * {@link #stateOf} can make when one fact is added is an allowed transition.
 */
public final class CaseFileStateMachine {

  /** The competing outcomes; on an exact tie of eventTime the first listed holds. */
  private static final List<CaseFileState> OUTCOMES_BY_PRECEDENCE =
      List.of(CaseFileState.REJECTED, CaseFileState.EXPIRED, CaseFileState.FAILED);

  /**
   * Allowed changes, besides staying in the same state. "(new)" in the table is {@code ACTIVE}: a
   * new case file starts there. The rows from an outcome to {@code COMPLETED} follow from "an
   * API-confirmed COMPLETED holds against any other outcome".
   */
  private static final Map<CaseFileState, Set<CaseFileState>> ALLOWED =
      Map.of(
          CaseFileState.ACTIVE,
          EnumSet.of(
              CaseFileState.COMPLETED,
              CaseFileState.REJECTED,
              CaseFileState.EXPIRED,
              CaseFileState.FAILED),
          CaseFileState.REJECTED,
          EnumSet.of(CaseFileState.EXPIRED, CaseFileState.FAILED, CaseFileState.COMPLETED),
          CaseFileState.EXPIRED,
          EnumSet.of(CaseFileState.REJECTED, CaseFileState.FAILED, CaseFileState.COMPLETED),
          CaseFileState.FAILED,
          EnumSet.of(CaseFileState.REJECTED, CaseFileState.EXPIRED, CaseFileState.COMPLETED),
          CaseFileState.COMPLETED,
          EnumSet.of(CaseFileState.ARCHIVED, CaseFileState.ARCHIVE_FAILED),
          CaseFileState.ARCHIVE_FAILED,
          EnumSet.of(CaseFileState.ARCHIVED),
          CaseFileState.ARCHIVED,
          EnumSet.noneOf(CaseFileState.class));

  private CaseFileStateMachine() {}

  /** The state these facts put a case file in (see the class comment for the rules). */
  public static CaseFileState stateOf(CaseFileFacts f) {
    Objects.requireNonNull(f, "facts");
    if (f.completionConfirmed() && f.completedAt() != null) {
      return switch (f.archiveStatus()) {
        case ARCHIVED -> CaseFileState.ARCHIVED;
        case FAILED -> CaseFileState.ARCHIVE_FAILED;
        case NONE -> CaseFileState.COMPLETED;
      };
    }
    CaseFileState state = CaseFileState.ACTIVE;
    Instant earliest = null;
    for (CaseFileState outcome : OUTCOMES_BY_PRECEDENCE) {
      Instant at = timeOf(f, outcome);
      if (at != null && (earliest == null || at.isBefore(earliest))) {
        earliest = at;
        state = outcome;
      }
    }
    return state;
  }

  private static Instant timeOf(CaseFileFacts f, CaseFileState outcome) {
    return switch (outcome) {
      case REJECTED -> f.rejectedAt();
      case EXPIRED -> f.expiredAt();
      default -> f.failedAt();
    };
  }

  /**
   * Whether the table allows a case file in {@code from} to move to {@code to}. Staying in the same
   * state is always allowed: an event that changes nothing is recorded in the timeline.
   */
  public static boolean isTransitionAllowed(CaseFileState from, CaseFileState to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    return from == to || ALLOWED.get(from).contains(to);
  }

  /** Whether the archive job may take a case file in this state: COMPLETED or ARCHIVE_FAILED. */
  public static boolean isArchivable(CaseFileState state) {
    return state == CaseFileState.COMPLETED || state == CaseFileState.ARCHIVE_FAILED;
  }

  /** Whether this state is one of the competing outcomes REJECTED, EXPIRED, FAILED. */
  public static boolean isOutcome(CaseFileState state) {
    return OUTCOMES_BY_PRECEDENCE.contains(state);
  }
}
