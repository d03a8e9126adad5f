package org.penneosandbox.webhook;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * PHP's DateTime as JSON, the way Penneo writes {@code eventTime}: {@code {"date":"2025-02-19
 * 13:01:55.517791","timezone_type":3,"timezone":"UTC"}}, the date being local time in that zone.
 * timezone_type 1 is a UTC offset, 2 an abbreviation, 3 a zone id.
 */
public final class EventTime {

  /** The renderings the sandbox rotates through; the instant is the same in each. */
  public enum Style {
    UTC(3),
    OFFSET(1),
    ABBREVIATION(2),
    ZONE_ID(3);

    private final int timezoneType;

    Style(int timezoneType) {
      this.timezoneType = timezoneType;
    }

    public int timezoneType() {
      return timezoneType;
    }
  }

  /** Penneo is Danish: local renderings use Copenhagen time (CET/CEST, +01:00/+02:00). */
  static final ZoneId COPENHAGEN = ZoneId.of("Europe/Copenhagen");

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

  private EventTime() {}

  public static JsonObject render(Instant instant, Style style) {
    Instant t = instant.truncatedTo(ChronoUnit.MICROS);
    ZoneId zone = style == Style.UTC ? ZoneOffset.UTC : COPENHAGEN;
    ZonedDateTime local = t.atZone(zone);
    String timezone =
        switch (style) {
          case UTC -> "UTC";
          case ZONE_ID -> COPENHAGEN.getId();
          case OFFSET -> local.getOffset().getId();
          case ABBREVIATION -> COPENHAGEN.getRules().isDaylightSavings(t) ? "CEST" : "CET";
        };
    return Json.createObjectBuilder()
        .add("date", DATE.format(local))
        .add("timezone_type", style.timezoneType())
        .add("timezone", timezone)
        .build();
  }
}
