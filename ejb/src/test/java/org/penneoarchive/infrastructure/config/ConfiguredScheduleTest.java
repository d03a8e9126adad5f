package org.penneoarchive.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConfiguredScheduleTest {

  @Test
  void parsesTheDocumentedForm() {
    var e = ConfiguredSchedule.parse("minute=*/15;hour=*");
    assertEquals("0", e.getSecond());
    assertEquals("*/15", e.getMinute());
    assertEquals("*", e.getHour());
    assertEquals("*", e.getDayOfWeek());
  }

  @Test
  void readsEveryFieldCaseInsensitively() {
    var e =
        ConfiguredSchedule.parse(
            " second=30 ; minute=0; hour=2; dayOfWeek=Mon; dayOfMonth=1; month=Jan; year=2027 ");
    assertEquals("30", e.getSecond());
    assertEquals("2", e.getHour());
    assertEquals("Mon", e.getDayOfWeek());
    assertEquals("1", e.getDayOfMonth());
    assertEquals("Jan", e.getMonth());
    assertEquals("2027", e.getYear());
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse("every hour"));
    var e =
        assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse("minutes=5"));
    assertTrue(e.getMessage().contains("minutes"));
  }

  @Test
  void comparesSchedules() {
    assertTrue(
        ConfiguredSchedule.same(
            ConfiguredSchedule.parse("minute=0;hour=*"),
            ConfiguredSchedule.parse("hour=*;minute=0")));
    assertTrue(
        !ConfiguredSchedule.same(
            ConfiguredSchedule.parse("minute=0;hour=*"),
            ConfiguredSchedule.parse("minute=5;hour=*")));
  }
}
