package org.penneosandbox.ids;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdSequenceTest {

  @TempDir Path dir;

  @Test
  void idsNeverRepeatAcrossRestarts() {
    Path file = dir.resolve("ids");
    Set<Long> seen = new HashSet<>();
    long last = 0;
    for (int restart = 0; restart < 3; restart++) {
      IdSequence ids = new IdSequence(file);
      for (int i = 0; i < 150; i++) {
        long id = ids.next();
        assertTrue(seen.add(id), "id " + id + " repeated after restart " + restart);
        assertTrue(id > last, "ids increase");
        last = id;
      }
    }
  }
}
