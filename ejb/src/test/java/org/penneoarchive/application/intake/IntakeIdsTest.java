package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntakeIdsTest {

  @Test
  void idsAreVersion7UuidsInTheirCanonicalForm() {
    for (int i = 0; i < 1000; i++) {
      String id = IntakeIds.next();
      UUID u = UUID.fromString(id);
      assertEquals(7, u.version(), id);
      assertEquals(2, u.variant(), id);
      assertEquals(u.toString(), id);
    }
  }

  @Test
  void idsStartWithTheirMillisecondAndSortByIt() {
    long t = 1_780_000_000_123L;
    String id = IntakeIds.next(t);
    assertEquals(t, UUID.fromString(id).getMostSignificantBits() >>> 16, id);
    List<String> taken = new ArrayList<>();
    for (long ms = t; ms < t + 50; ms++) {
      taken.add(IntakeIds.next(ms));
    }
    List<String> sorted = new ArrayList<>(taken);
    Collections.sort(sorted);
    assertEquals(taken, sorted, "ids of later milliseconds sort after earlier ones, as text");
  }

  @Test
  void idsOfOneMillisecondDifferInTheirRandomBits() {
    Set<String> same = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      same.add(IntakeIds.next(1_780_000_000_000L));
    }
    assertEquals(10_000, same.size());
  }

  @Test
  void idsDoNotRepeatAcrossThreads() {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 8)
        .parallel()
        .forEach(
            t -> {
              Set<String> mine = new HashSet<>();
              for (int i = 0; i < 20_000; i++) {
                mine.add(IntakeIds.next());
              }
              seen.addAll(mine);
            });
    assertEquals(160_000, seen.size());
  }
}
