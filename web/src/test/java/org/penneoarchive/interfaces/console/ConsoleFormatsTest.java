package org.penneoarchive.interfaces.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConsoleFormatsTest {

  @Test
  void durationsReadAsPeopleSayThem() {
    ConsoleFormats fmt = new ConsoleFormats();
    assertEquals("", fmt.duration(null));
    assertEquals("0 s", fmt.duration(400L));
    assertEquals("59 s", fmt.duration(59_999L));
    assertEquals("3 min 07 s", fmt.duration(187_000L));
    assertEquals("2 h 05 min", fmt.duration((2 * 3600 + 5 * 60 + 40) * 1000L));
  }
}
