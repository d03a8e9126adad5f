package org.penneosandbox.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.penneosandbox.json.ApiException;

class LifecyclePlanTest {

  static List<String> describe(List<Step> steps) {
    return steps.stream().map(Step::describe).toList();
  }

  @Test
  void completedWithTwoRoundsRepeatsSignerEventsThenFinalizes() {
    List<String> steps = describe(LifecyclePlan.plan(List.of(11L, 12L), "completed", 2));
    assertEquals("activated", steps.get(0));
    assertEquals(
        4,
        steps.stream()
            .filter(s -> s.equals("signer 11 signed") || s.equals("signer 12 signed"))
            .count());
    assertEquals(
        List.of(
            "all signed (status 4)",
            "casefile completed",
            "signer 11 finalized",
            "signer 12 finalized"),
        steps.subList(steps.size() - 4, steps.size()));
    assertEquals(true, steps.contains("round 2"));
  }

  @Test
  void rejectedEndsAfterTheFirstSignerRejects() {
    assertEquals(
        List.of(
            "activated",
            "signer 11 requestSent",
            "signer 11 requestOpened",
            "signer 11 opened",
            "signer 11 rejected",
            "casefile rejected"),
        describe(LifecyclePlan.plan(List.of(11L, 12L), "rejected", 1)));
  }

  @Test
  void expiredSendsRemindersAndOneBounce() {
    assertEquals(
        List.of(
            "activated",
            "signer 11 requestSent",
            "signer 12 requestSent",
            "signer 11 reminderSent",
            "signer 12 undeliverable",
            "casefile expired"),
        describe(LifecyclePlan.plan(List.of(11L, 12L), "expired", 1)));
  }

  @Test
  void unknownEndIsRefused() {
    assertThrows(ApiException.class, () -> LifecyclePlan.plan(List.of(1L), "archived", 1));
  }
}
