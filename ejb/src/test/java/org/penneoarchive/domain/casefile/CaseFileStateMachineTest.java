package org.penneoarchive.domain.casefile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.penneoarchive.domain.casefile.CaseFileState.ACTIVE;
import static org.penneoarchive.domain.casefile.CaseFileState.ARCHIVED;
import static org.penneoarchive.domain.casefile.CaseFileState.ARCHIVE_FAILED;
import static org.penneoarchive.domain.casefile.CaseFileState.COMPLETED;
import static org.penneoarchive.domain.casefile.CaseFileState.EXPIRED;
import static org.penneoarchive.domain.casefile.CaseFileState.FAILED;
import static org.penneoarchive.domain.casefile.CaseFileState.REJECTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class CaseFileStateMachineTest {

  private static final Instant T0 = Instant.parse("2025-05-01T08:00:00.000001Z");

  private static Instant t(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  /** One fact, with a label for failure messages and its place in the real causal order. */
  private record Fact(String label, UnaryOperator<CaseFileFacts> apply, int causalRank) {
    @Override
    public String toString() {
      return label;
    }
  }

  private static Fact outcome(String type, int minutes) {
    return new Fact(type + "@" + minutes, f -> f.withOutcome(type, t(minutes)), 0);
  }

  private static final Fact CONFIRM =
      new Fact("confirmed", CaseFileFacts::withCompletionConfirmed, 1);

  private static Fact archive(ArchiveStatus status) {
    return new Fact("archive " + status, f -> f.withArchiveStatus(status), status.ordinal() + 1);
  }

  // ---- the table, every (from, to) pair ----

  private static final Set<List<CaseFileState>> TABLE =
      Set.of(
          List.of(ACTIVE, ACTIVE),
          List.of(ACTIVE, COMPLETED),
          List.of(ACTIVE, REJECTED),
          List.of(ACTIVE, EXPIRED),
          List.of(ACTIVE, FAILED),
          List.of(REJECTED, REJECTED),
          List.of(REJECTED, EXPIRED),
          List.of(REJECTED, FAILED),
          List.of(EXPIRED, REJECTED),
          List.of(EXPIRED, EXPIRED),
          List.of(EXPIRED, FAILED),
          List.of(FAILED, REJECTED),
          List.of(FAILED, EXPIRED),
          List.of(FAILED, FAILED),
          // "an API-confirmed COMPLETED holds against any other outcome"
          List.of(REJECTED, COMPLETED),
          List.of(EXPIRED, COMPLETED),
          List.of(FAILED, COMPLETED),
          List.of(COMPLETED, COMPLETED),
          List.of(COMPLETED, ARCHIVED),
          List.of(COMPLETED, ARCHIVE_FAILED),
          List.of(ARCHIVE_FAILED, ARCHIVE_FAILED),
          List.of(ARCHIVE_FAILED, ARCHIVED),
          List.of(ARCHIVED, ARCHIVED));

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (CaseFileState from : CaseFileState.values()) {
      for (CaseFileState to : CaseFileState.values()) {
        pairs.add(Arguments.of(from, to, TABLE.contains(List.of(from, to))));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void encodesTheTransitionTable(CaseFileState from, CaseFileState to, boolean allowed) {
    assertEquals(allowed, CaseFileStateMachine.isTransitionAllowed(from, to));
  }

  @Test
  void hasNoTransitionForNull() {
    assertThrows(
        NullPointerException.class, () -> CaseFileStateMachine.isTransitionAllowed(null, ACTIVE));
    assertThrows(
        NullPointerException.class, () -> CaseFileStateMachine.isTransitionAllowed(ACTIVE, null));
  }

  @ParameterizedTest
  @EnumSource(CaseFileState.class)
  void onlyCompletedAndArchiveFailedAreArchivable(CaseFileState state) {
    assertEquals(
        state == COMPLETED || state == ARCHIVE_FAILED, CaseFileStateMachine.isArchivable(state));
  }

  // ---- single rules ----

  @Test
  void aNewCaseFileIsActive() {
    assertEquals(ACTIVE, CaseFileStateMachine.stateOf(CaseFileFacts.none()));
  }

  @Test
  void completedNeedsTheApisConfirmation() {
    CaseFileFacts completed = CaseFileFacts.none().withOutcome("completed", t(0));
    assertEquals(ACTIVE, CaseFileStateMachine.stateOf(completed));
    assertEquals(COMPLETED, CaseFileStateMachine.stateOf(completed.withCompletionConfirmed()));
    assertEquals(
        ACTIVE, CaseFileStateMachine.stateOf(CaseFileFacts.none().withCompletionConfirmed()));
  }

  @Test
  void theEarliestOfRejectedExpiredFailedHolds() {
    CaseFileFacts f =
        CaseFileFacts.none()
            .withOutcome("failed", t(3))
            .withOutcome("expired", t(2))
            .withOutcome("rejected", t(5));
    assertEquals(EXPIRED, CaseFileStateMachine.stateOf(f));
    assertEquals(FAILED, CaseFileStateMachine.stateOf(f.withOutcome("failed", t(1))));
  }

  @Test
  void anExactTieFollowsTheFixedPrecedence() {
    CaseFileFacts tie =
        CaseFileFacts.none().withOutcome("failed", t(1)).withOutcome("expired", t(1));
    assertEquals(EXPIRED, CaseFileStateMachine.stateOf(tie));
    assertEquals(REJECTED, CaseFileStateMachine.stateOf(tie.withOutcome("rejected", t(1))));
  }

  @Test
  void aConfirmedCompletionHoldsAgainstAnEarlierRejection() {
    CaseFileFacts f =
        CaseFileFacts.none()
            .withOutcome("rejected", t(0))
            .withOutcome("completed", t(9))
            .withCompletionConfirmed();
    assertEquals(COMPLETED, CaseFileStateMachine.stateOf(f));
  }

  @Test
  void archiveOutcomesCountOnlyAfterAConfirmedCompletion() {
    CaseFileFacts archivedButUnconfirmed =
        CaseFileFacts.none()
            .withOutcome("completed", t(0))
            .withArchiveStatus(ArchiveStatus.ARCHIVED);
    assertEquals(ACTIVE, CaseFileStateMachine.stateOf(archivedButUnconfirmed));
    CaseFileFacts confirmed = archivedButUnconfirmed.withCompletionConfirmed();
    assertEquals(ARCHIVED, CaseFileStateMachine.stateOf(confirmed));
    CaseFileFacts failedOnce =
        CaseFileFacts.none()
            .withOutcome("completed", t(0))
            .withCompletionConfirmed()
            .withArchiveStatus(ArchiveStatus.FAILED);
    assertEquals(ARCHIVE_FAILED, CaseFileStateMachine.stateOf(failedOnce));
    assertEquals(
        ARCHIVED,
        CaseFileStateMachine.stateOf(failedOnce.withArchiveStatus(ArchiveStatus.ARCHIVED)));
  }

  @Test
  void anArchivedCaseFileStaysArchived() {
    CaseFileFacts archived =
        CaseFileFacts.none()
            .withOutcome("completed", t(0))
            .withCompletionConfirmed()
            .withArchiveStatus(ArchiveStatus.ARCHIVED);
    CaseFileFacts later =
        archived
            .withArchiveStatus(ArchiveStatus.FAILED)
            .withArchiveStatus(ArchiveStatus.NONE)
            .withOutcome("rejected", t(-5))
            .withOutcome("failed", t(-6));
    assertEquals(ARCHIVED, CaseFileStateMachine.stateOf(later));
  }

  @Test
  void factsKeepTheEarliestTimeOfEachOutcome() {
    CaseFileFacts f =
        CaseFileFacts.none()
            .withOutcome("completed", t(5))
            .withOutcome("completed", t(2))
            .withOutcome("completed", t(7));
    assertEquals(t(2), f.completedAt());
  }

  @Test
  void otherEventTypesChangeNoFact() {
    CaseFileFacts f = CaseFileFacts.none().withOutcome("rejected", t(1));
    assertSame(f, f.withOutcome("test", t(0)));
    assertSame(f, f.withOutcome("reopened", t(0)));
    assertSame(f, f.withOutcome("signed", t(0)));
    assertSame(f, f.withOutcome(null, t(0)));
    assertThrows(NullPointerException.class, () -> f.withOutcome("completed", null));
    assertThrows(NullPointerException.class, () -> f.withArchiveStatus(null));
    assertTrue(CaseFileFacts.isOutcome("expired"));
    assertFalse(CaseFileFacts.isOutcome("test"));
  }

  // ---- order independence: every permutation of a set of events ----

  static Stream<Arguments> eventSets() {
    return Stream.of(
        Arguments.of(
            List.of(
                outcome("completed", 0),
                outcome("failed", 1),
                outcome("rejected", 2),
                outcome("expired", 3),
                outcome("failed", 4)),
            FAILED),
        Arguments.of(
            List.of(
                outcome("completed", 10),
                outcome("rejected", 5),
                outcome("expired", 3),
                outcome("failed", 4),
                CONFIRM,
                archive(ArchiveStatus.FAILED),
                archive(ArchiveStatus.ARCHIVED)),
            ARCHIVED),
        Arguments.of(
            List.of(
                outcome("completed", 10),
                outcome("rejected", 5),
                outcome("expired", 3),
                outcome("failed", 4),
                CONFIRM,
                archive(ArchiveStatus.FAILED)),
            ARCHIVE_FAILED),
        Arguments.of(
            List.of(outcome("completed", 1), outcome("rejected", 5), outcome("failed", 4), CONFIRM),
            COMPLETED),
        Arguments.of(
            List.of(
                outcome("completed", 1),
                outcome("rejected", 5),
                outcome("expired", 3),
                outcome("failed", 4),
                archive(ArchiveStatus.ARCHIVED)),
            EXPIRED),
        Arguments.of(
            List.of(
                outcome("rejected", 5),
                outcome("expired", 6),
                outcome("failed", 7),
                outcome("rejected", 8),
                outcome("expired", 2),
                outcome("failed", 2)),
            EXPIRED),
        Arguments.of(
            List.of(
                outcome("completed", 1),
                outcome("completed", 2),
                outcome("test", 0),
                outcome("reopened", 0)),
            ACTIVE),
        Arguments.of(
            List.of(
                outcome("failed", 9),
                outcome("rejected", 9),
                outcome("expired", 9),
                outcome("completed", 9)),
            REJECTED));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("eventSets")
  void theStateDependsOnlyOnTheSetOfEvents(List<Fact> facts, CaseFileState expected) {
    int[] count = {0};
    permute(
        new ArrayList<>(facts),
        0,
        order -> {
          count[0]++;
          CaseFileFacts f = CaseFileFacts.none();
          for (Fact fact : order) {
            f = fact.apply().apply(f);
          }
          assertEquals(expected, CaseFileStateMachine.stateOf(f), order::toString);
        });
    assertEquals(factorial(facts.size()), count[0]);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("eventSets")
  void everyStepOfACausalOrderIsAnAllowedTransition(List<Fact> facts, CaseFileState ignored) {
    permute(
        new ArrayList<>(facts),
        0,
        order -> {
          for (int i = 1; i < order.size(); i++) {
            if (order.get(i).causalRank() < order.get(i - 1).causalRank()) {
              return; // the archive job never runs before the API check, nor the check before an
              // event
            }
          }
          CaseFileFacts f = CaseFileFacts.none();
          CaseFileState state = CaseFileStateMachine.stateOf(f);
          for (Fact fact : order) {
            f = fact.apply().apply(f);
            CaseFileState next = CaseFileStateMachine.stateOf(f);
            assertTrue(
                CaseFileStateMachine.isTransitionAllowed(state, next),
                () -> order + ": " + fact + " moved a case file not allowed by the table");
            state = next;
          }
        });
  }

  @Test
  void everyReachableStateIsCovered() {
    Set<CaseFileState> seen = EnumSet.noneOf(CaseFileState.class);
    eventSets().forEach(a -> seen.add((CaseFileState) a.get()[1]));
    assertEquals(EnumSet.allOf(CaseFileState.class), seen);
  }

  private interface OrderCheck {
    void check(List<Fact> order);
  }

  private static void permute(List<Fact> facts, int k, OrderCheck check) {
    if (k == facts.size()) {
      check.check(List.copyOf(facts));
      return;
    }
    for (int i = k; i < facts.size(); i++) {
      java.util.Collections.swap(facts, k, i);
      permute(facts, k + 1, check);
      java.util.Collections.swap(facts, k, i);
    }
  }

  private static int factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }
}
