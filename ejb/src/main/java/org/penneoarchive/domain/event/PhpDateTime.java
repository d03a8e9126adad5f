package org.penneoarchive.domain.event;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads PHP's {@code DateTime} JSON form, in which Penneo sends every {@code eventTime}: {@code
 * {"date":"2025-02-19 13:01:55.517791","timezone_type":3,"timezone":"UTC"}}.
 *
 * <p>Event identity is "eventTime to the microsecond", so the time must be read exactly as PHP
 * meant it, for each of PHP's three kinds of time zone:
 *
 * <ul>
 *   <li>{@code timezone_type} 1, a UTC offset: {@code +02:00}, {@code -0530}, {@code +02}.
 *   <li>{@code timezone_type} 2, an abbreviation: PHP gives each abbreviation one fixed offset (the
 *       first entry of timelib's abbreviation table), whatever the date; {@code CEST} is always
 *       +02:00, even in January. Only well-known, unambiguous abbreviations are accepted; any other
 *       is refused rather than guessed.
 *   <li>{@code timezone_type} 3, a zone id such as {@code Europe/Copenhagen}: the wall-clock time
 *       is resolved in that zone as PHP 8.1+ does. In an autumn overlap (02:30 happens twice) the
 *       earlier offset wins, i.e. the first occurrence (summer time); in a spring gap (02:30 does
 *       not exist) the time is moved forward by the length of the gap (02:30 becomes 03:30 summer
 *       time). PHP's JSON form cannot tell the two occurrences of an overlap apart, so neither can
 *       this.
 * </ul>
 *
 * <p>The date must be {@code yyyy-MM-dd HH:mm:ss} with 0 to 6 fraction digits; microseconds are
 * kept exactly. Anything else throws {@link InvalidEventTimeException} with a reason.
 */
public final class PhpDateTime {

  /** Longest {@code date} or {@code timezone} string looked at; PHP's are far shorter. */
  private static final int MAX_TEXT = 64;

  private static final Pattern DATE =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?");

  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

  private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{2})(?::?(\\d{2}))?");

  /**
   * PHP's fixed offset, in seconds, for the abbreviations accepted with {@code timezone_type} 2
   * (from timelib's abbreviation table, first entry of each).
   */
  private static final Map<String, Integer> ABBREVIATIONS =
      Map.ofEntries(
          Map.entry("UTC", 0),
          Map.entry("GMT", 0),
          Map.entry("Z", 0),
          Map.entry("WET", 0),
          Map.entry("WEST", 3600),
          Map.entry("BST", 3600),
          Map.entry("CET", 3600),
          Map.entry("CEST", 7200),
          Map.entry("EET", 7200),
          Map.entry("EEST", 10800),
          Map.entry("MSK", 10800),
          Map.entry("EST", -18000),
          Map.entry("EDT", -14400),
          Map.entry("CST", -21600),
          Map.entry("CDT", -18000),
          Map.entry("MST", -25200),
          Map.entry("MDT", -21600),
          Map.entry("PST", -28800),
          Map.entry("PDT", -25200),
          Map.entry("AKST", -32400),
          Map.entry("AKDT", -28800),
          Map.entry("HST", -36000),
          Map.entry("JST", 32400),
          Map.entry("HKT", 28800),
          Map.entry("NZST", 43200),
          Map.entry("NZDT", 46800));

  private PhpDateTime() {}

  /**
   * Reads a PHP {@code DateTime} JSON object: {@code date}, {@code timezone_type} (a number, or a
   * numeric string) and {@code timezone}.
   */
  public static Instant parse(JsonObject eventTime) {
    if (eventTime == null) {
      throw new InvalidEventTimeException("eventTime is missing.");
    }
    String date = requiredString(eventTime, "date");
    int type = timezoneType(eventTime.get("timezone_type"));
    String timezone = requiredString(eventTime, "timezone");
    return parse(date, type, timezone);
  }

  /** Reads the three parts of a PHP {@code DateTime} JSON value. */
  public static Instant parse(String date, int timezoneType, String timezone) {
    LocalDateTime local = localDateTime(date);
    if (timezone == null || timezone.isEmpty()) {
      throw new InvalidEventTimeException("eventTime.timezone is missing or empty.");
    }
    if (timezone.length() > MAX_TEXT) {
      throw new InvalidEventTimeException(
          "eventTime.timezone is longer than " + MAX_TEXT + " characters.");
    }
    Instant instant =
        switch (timezoneType) {
          case 1 -> local.toInstant(offset(timezone));
          case 2 -> local.toInstant(abbreviation(timezone));
          case 3 -> ZonedDateTime.ofLocal(local, zone(timezone), null).toInstant();
          default ->
              throw new InvalidEventTimeException(
                  "eventTime.timezone_type must be 1, 2 or 3, not " + timezoneType + ".");
        };
    if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
      throw new InvalidEventTimeException(
          "eventTime " + instant + " lies outside the years 0001 to 9999 (UTC).");
    }
    return instant;
  }

  private static String requiredString(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidEventTimeException("eventTime." + name + " is missing.");
    }
    if (!(v instanceof JsonString s)) {
      throw new InvalidEventTimeException("eventTime." + name + " is not a string.");
    }
    return s.getString();
  }

  private static int timezoneType(JsonValue v) {
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      throw new InvalidEventTimeException("eventTime.timezone_type is missing.");
    }
    if (v instanceof JsonNumber n && n.isIntegral() && n.toString().length() <= 2) {
      return n.intValue();
    }
    if (v instanceof JsonString s && s.getString().matches("\\d{1,2}")) {
      return Integer.parseInt(s.getString());
    }
    throw new InvalidEventTimeException(
        "eventTime.timezone_type must be 1, 2 or 3, not " + abbreviate(v.toString()) + ".");
  }

  private static LocalDateTime localDateTime(String date) {
    if (date == null || date.isEmpty()) {
      throw new InvalidEventTimeException("eventTime.date is missing or empty.");
    }
    if (date.length() > MAX_TEXT) {
      throw new InvalidEventTimeException(
          "eventTime.date is longer than " + MAX_TEXT + " characters.");
    }
    Matcher m = DATE.matcher(date);
    if (!m.matches()) {
      throw new InvalidEventTimeException(
          "eventTime.date \""
              + date
              + "\" is not in PHP's form yyyy-MM-dd HH:mm:ss with 0 to 6 fraction digits.");
    }
    String fraction = m.group(7) == null ? "" : m.group(7);
    int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000").substring(0, 6));
    try {
      return LocalDateTime.of(
          Integer.parseInt(m.group(1)),
          Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)),
          Integer.parseInt(m.group(5)),
          Integer.parseInt(m.group(6)),
          nanos * 1000);
    } catch (DateTimeException e) {
      throw new InvalidEventTimeException(
          "eventTime.date \"" + date + "\" is not a valid date and time: " + e.getMessage(), e);
    }
  }

  private static ZoneOffset offset(String timezone) {
    Matcher m = OFFSET.matcher(timezone);
    if (!m.matches()) {
      throw new InvalidEventTimeException(
          "eventTime.timezone \""
              + timezone
              + "\" is not a UTC offset such as +02:00, -0530 or +02 (timezone_type 1).");
    }
    int hours = Integer.parseInt(m.group(2));
    int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (minutes > 59) {
      throw new InvalidEventTimeException(
          "eventTime.timezone \"" + timezone + "\" has more than 59 minutes.");
    }
    int sign = m.group(1).equals("-") ? -1 : 1;
    try {
      return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    } catch (DateTimeException e) {
      throw new InvalidEventTimeException(
          "eventTime.timezone \"" + timezone + "\" is outside -18:00 to +18:00.", e);
    }
  }

  private static ZoneOffset abbreviation(String timezone) {
    Integer seconds = ABBREVIATIONS.get(timezone.toUpperCase(Locale.ROOT));
    if (seconds == null) {
      throw new InvalidEventTimeException(
          "eventTime.timezone \""
              + timezone
              + "\" is not a known time zone abbreviation (timezone_type 2).");
    }
    return ZoneOffset.ofTotalSeconds(seconds);
  }

  private static ZoneId zone(String timezone) {
    String id = ZoneIds.BY_LOWER_CASE.get(timezone.toLowerCase(Locale.ROOT));
    if (id == null) {
      throw new InvalidEventTimeException(
          "eventTime.timezone \"" + timezone + "\" is not a known time zone id (timezone_type 3).");
    }
    return ZoneId.of(id);
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "…";
  }

  /**
   * Region ids known to the JDK, by lower-case name: PHP accepts zone ids in any case and writes
   * them canonically; offsets-as-ids ("+02:00", "GMT+2") are not type-3 zones and are refused.
   */
  private static final class ZoneIds {
    static final Map<String, String> BY_LOWER_CASE =
        ZoneId.getAvailableZoneIds().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    id -> id.toLowerCase(Locale.ROOT), id -> id, (a, b) -> a));
  }
}
