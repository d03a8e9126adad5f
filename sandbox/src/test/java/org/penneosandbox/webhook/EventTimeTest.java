package org.penneosandbox.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventTimeTest {

  static final Instant SUMMER = Instant.parse("2025-06-19T13:01:55.517791Z");
  static final Instant WINTER = Instant.parse("2025-02-19T13:01:55.517791Z");

  @Test
  void utcIsZoneIdType3() {
    JsonObject t = EventTime.render(WINTER, EventTime.Style.UTC);
    assertEquals("2025-02-19 13:01:55.517791", t.getString("date"));
    assertEquals(3, t.getInt("timezone_type"));
    assertEquals("UTC", t.getString("timezone"));
  }

  @Test
  void offsetIsType1WithLocalTime() {
    JsonObject t = EventTime.render(SUMMER, EventTime.Style.OFFSET);
    assertEquals("2025-06-19 15:01:55.517791", t.getString("date"));
    assertEquals(1, t.getInt("timezone_type"));
    assertEquals("+02:00", t.getString("timezone"));
  }

  @Test
  void abbreviationIsType2AndFollowsDaylightSaving() {
    assertEquals(
        "CEST", EventTime.render(SUMMER, EventTime.Style.ABBREVIATION).getString("timezone"));
    JsonObject winter = EventTime.render(WINTER, EventTime.Style.ABBREVIATION);
    assertEquals("CET", winter.getString("timezone"));
    assertEquals(2, winter.getInt("timezone_type"));
    assertEquals("2025-02-19 14:01:55.517791", winter.getString("date"));
  }

  @Test
  void zoneIdIsType3Copenhagen() {
    JsonObject t = EventTime.render(WINTER, EventTime.Style.ZONE_ID);
    assertEquals("Europe/Copenhagen", t.getString("timezone"));
    assertEquals("2025-02-19 14:01:55.517791", t.getString("date"));
  }
}
