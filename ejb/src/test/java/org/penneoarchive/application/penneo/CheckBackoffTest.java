package org.penneoarchive.application.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckBackoffTest {

  static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");

  @Test
  void startsAtTenSecondsAndDoubles() {
    assertEquals(NOW.plusSeconds(10), CheckBackoff.next(NOW, 0));
    assertEquals(NOW.plusSeconds(20), CheckBackoff.next(NOW, 1));
    assertEquals(NOW.plusSeconds(40), CheckBackoff.next(NOW, 2));
  }

  @Test
  void neverWaitsLongerThanHalfAnHourAndNeverGivesUp() {
    assertEquals(NOW.plus(Duration.ofMinutes(30)), CheckBackoff.next(NOW, 8));
    assertEquals(NOW.plus(Duration.ofMinutes(30)), CheckBackoff.next(NOW, 1000));
    assertEquals(NOW.plusSeconds(10), CheckBackoff.next(NOW, -3));
  }
}
