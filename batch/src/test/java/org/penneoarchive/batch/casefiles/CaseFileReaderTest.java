package org.penneoarchive.batch.casefiles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseFileReaderTest {

  @Test
  void parsesTheGivenCaseFilesOnceEachInOrder() {
    assertEquals(List.of(7L, 3L, 9L), CaseFileReader.parse(" 7,3, 9,,3 "));
    assertEquals(List.of(), CaseFileReader.parse(" , "));
  }

  @Test
  void refusesAnythingButIds() {
    assertThrows(IllegalArgumentException.class, () -> CaseFileReader.parse("7,x"));
    assertThrows(IllegalArgumentException.class, () -> CaseFileReader.parse("-1"));
    StringBuilder many = new StringBuilder();
    for (int i = 0; i <= CaseFileReader.MAX_GIVEN; i++) {
      many.append(i).append(',');
    }
    assertThrows(IllegalArgumentException.class, () -> CaseFileReader.parse(many.toString()));
  }

  @Test
  void checkpointsCompareByValueAndSurviveSerialization() throws Exception {
    List<Long> ids = new ArrayList<>(List.of(1L, 2L, 3L));
    ArchiveCheckpoint a = new ArchiveCheckpoint(ids, 2);
    ids.add(4L);
    assertEquals(new ArchiveCheckpoint(List.of(1L, 2L, 3L), 2), a);
    assertNotEquals(new ArchiveCheckpoint(List.of(1L, 2L, 3L), 1), a);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(a);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(a, in.readObject());
    }
    assertThrows(IllegalArgumentException.class, () -> new ArchiveCheckpoint(List.of(1L), 2));
  }
}
