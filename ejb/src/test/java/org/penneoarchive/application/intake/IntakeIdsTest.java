package org.penneoarchive.application.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class IntakeIdsTest {

  @Test
  void idsAreVersion4UuidsInTheirCanonicalForm() {
    for (int i = 0; i < 1000; i++) {
      String id = IntakeIds.next();
      UUID u = UUID.fromString(id);
      assertEquals(4, u.version(), id);
      assertEquals(2, u.variant(), id);
      assertEquals(u.toString(), id);
    }
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
