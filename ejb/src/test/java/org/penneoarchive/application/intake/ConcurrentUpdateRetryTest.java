package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentUpdateRetryTest {

  private static RuntimeException wrapped(Throwable cause) {
    // as the container hands a failed commit to the message-driven bean
    return new EJBTransactionRolledbackException("rolled back", new PersistenceException(cause));
  }

  @Test
  void lostRacesAreRecognisedThroughTheContainersWrapping() {
    assertTrue(ConcurrentUpdateRetry.isLostRace(wrapped(new OptimisticLockException("v"))));
    assertTrue(
        ConcurrentUpdateRetry.isLostRace(wrapped(new SQLException("duplicate key", "23505"))));
    assertTrue(
        ConcurrentUpdateRetry.isLostRace(wrapped(new SQLException("concurrent update", "90131"))));
    assertTrue(ConcurrentUpdateRetry.isLostRace(wrapped(new SQLException("serialize", "40001"))));
  }

  @Test
  void otherFailuresAreNotRaces() {
    assertFalse(ConcurrentUpdateRetry.isLostRace(new IllegalArgumentException("bad envelope")));
    assertFalse(
        ConcurrentUpdateRetry.isLostRace(wrapped(new SQLException("no such table", "42S02"))));
    assertFalse(ConcurrentUpdateRetry.isLostRace(wrapped(new SQLException("no state"))));
    RuntimeException loop =
        new RuntimeException("a cause that is itself") {
          @Override
          public synchronized Throwable getCause() {
            return this;
          }
        };
    assertFalse(ConcurrentUpdateRetry.isLostRace(loop));
  }

  @Test
  void aLostRaceIsRetriedInPlaceAndThenSucceeds() {
    AtomicInteger runs = new AtomicInteger();
    List<Integer> told = new ArrayList<>();
    ConcurrentUpdateRetry.run(
        () -> {
          if (runs.incrementAndGet() < 3) {
            throw wrapped(new OptimisticLockException("lost"));
          }
        },
        (next, e) -> told.add(next));
    assertEquals(3, runs.get());
    assertEquals(List.of(2, 3), told);
  }

  @Test
  void aRaceLostEveryTimeAndAnyOtherFailureGoToTheBroker() {
    AtomicInteger runs = new AtomicInteger();
    RuntimeException race = wrapped(new OptimisticLockException("lost"));
    RuntimeException thrown =
        assertThrows(
            RuntimeException.class,
            () ->
                ConcurrentUpdateRetry.run(
                    () -> {
                      runs.incrementAndGet();
                      throw race;
                    },
                    (next, e) -> {}));
    assertSame(race, thrown);
    assertEquals(ConcurrentUpdateRetry.ATTEMPTS, runs.get());

    AtomicInteger once = new AtomicInteger();
    IllegalStateException other = new IllegalStateException("not a race");
    assertSame(
        other,
        assertThrows(
            IllegalStateException.class,
            () ->
                ConcurrentUpdateRetry.run(
                    () -> {
                      once.incrementAndGet();
                      throw other;
                    },
                    (next, e) -> {})));
    assertEquals(1, once.get(), "not retried");
  }
}
