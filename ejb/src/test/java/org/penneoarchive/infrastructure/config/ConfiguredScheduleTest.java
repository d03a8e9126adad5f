package org.penneoarchive.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

class ConfiguredScheduleTest {

  @Test
  void readsTheDefaultsOfTheConfiguration() {
    ScheduleExpression sweep = ConfiguredSchedule.parse("minute=*/15;hour=*");
    assertEquals("*/15", sweep.getMinute());
    assertEquals("*", sweep.getHour());
    assertEquals("0", sweep.getSecond());
    ScheduleExpression audit = ConfiguredSchedule.parse("minute=0;hour=2");
    assertEquals("0", audit.getMinute());
    assertEquals("2", audit.getHour());
    assertEquals("*", audit.getDayOfMonth());
  }

  @Test
  void readsEveryAttributeIgnoringCaseAndBlanks() {
    ScheduleExpression s =
        ConfiguredSchedule.parse(
            " second=30 ; minute=5;hour=1-3;dayOfMonth=Last;month=Jan;DAYOFWEEK=Mon;year=2030;"
                + "timezone=Europe/Copenhagen;");
    assertEquals("30", s.getSecond());
    assertEquals("5", s.getMinute());
    assertEquals("1-3", s.getHour());
    assertEquals("Last", s.getDayOfMonth());
    assertEquals("Jan", s.getMonth());
    assertEquals("Mon", s.getDayOfWeek());
    assertEquals("2030", s.getYear());
    assertEquals("Europe/Copenhagen", s.getTimezone());
  }

  @Test
  void refusesWhatIsNotASchedule() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse("minutes=5"))
            .getMessage()
            .contains("'minutes'"));
    assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse("minute"));
    assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse("minute="));
    assertThrows(IllegalArgumentException.class, () -> ConfiguredSchedule.parse(" "));
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
