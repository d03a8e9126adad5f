package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lenient reading of Penneo's JSON, in one place.
 *
 * <p>Penneo's services disagree on types: ids and statuses arrive as numbers or as numeric strings,
 * times as Unix seconds (number or string) or as ISO-8601 text, flags as booleans or 0/1. Every
 * record of this package reads its fields through these methods, so a new variant is accepted
 * everywhere at once. Unknown fields are ignored; a required field that is missing or unreadable is
 * a {@link PenneoApiException.Kind#PERMANENT} error naming the call.
 */
final class PenneoJson {

  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final DateTimeFormatter SPACED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS][.SSS]");

  private PenneoJson() {}

  /** A whole number from a JSON number or a numeric string; empty when absent or unreadable. */
  static Optional<Long> optionalLong(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v instanceof JsonNumber n) {
      if (n.isIntegral()) {
        try {
          return Optional.of(n.longValueExact());
        } catch (ArithmeticException e) {
          return Optional.empty();
        }
      }
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      String t = s.getString().trim();
      if (INTEGER.matcher(t).matches()) {
        return Optional.of(Long.parseLong(t));
      }
    }
    return Optional.empty();
  }

  static Long longOrNull(JsonObject o, String field) {
    return optionalLong(o, field).orElse(null);
  }

  static Integer intOrNull(JsonObject o, String field) {
    Optional<Long> v = optionalLong(o, field);
    if (v.isPresent() && v.get() >= Integer.MIN_VALUE && v.get() <= Integer.MAX_VALUE) {
      return v.get().intValue();
    }
    return null;
  }

  /** A whole number that must be there. */
  static long requiredLong(PenneoCall call, JsonObject o, String field) {
    return optionalLong(o, field)
        .orElseThrow(() -> invalid(call, "has no readable '" + field + "'"));
  }

  /** A status code that must be there and fit an int. */
  static int requiredInt(PenneoCall call, JsonObject o, String field) {
    Integer v = intOrNull(o, field);
    if (v == null) {
      throw invalid(call, "has no readable '" + field + "'");
    }
    return v;
  }

  /** Text from a string, or a number's digits; {@code null} when absent, null or structured. */
  static String stringOrNull(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v instanceof JsonString s) {
      return s.getString();
    }
    if (v instanceof JsonNumber n) {
      return n.toString();
    }
    return null;
  }

  /** A flag from a boolean, {@code "true"}/{@code "false"} or 0/1; {@code null} when absent. */
  static Boolean booleanOrNull(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null) {
      return null;
    }
    if (v == JsonValue.TRUE) {
      return Boolean.TRUE;
    }
    if (v == JsonValue.FALSE) {
      return Boolean.FALSE;
    }
    String t = v instanceof JsonString s ? s.getString().trim() : v.toString();
    switch (t) {
      case "true":
      case "1":
        return Boolean.TRUE;
      case "false":
      case "0":
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /**
   * A point in time from Unix seconds (number or numeric string), ISO-8601 with an offset, or
   * {@code yyyy-MM-dd HH:mm:ss} read as UTC; {@code null} when absent or in another form (PHP's
   * DateTime object is left to the raw JSON).
   */
  static Instant instantOrNull(JsonObject o, String field) {
    Optional<Long> seconds = optionalLong(o, field);
    if (seconds.isPresent()) {
      try {
        return Instant.ofEpochSecond(seconds.get());
      } catch (DateTimeException e) {
        return null;
      }
    }
    JsonValue v = o.get(field);
    if (!(v instanceof JsonString s)) {
      return null;
    }
    String t = s.getString().trim();
    try {
      return OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      // Try the next form.
    }
    try {
      return LocalDateTime.parse(t, SPACED).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** An absolute URL; {@code null} when absent; an error when present but not a URL. */
  static URI uriOrNull(PenneoCall call, JsonObject o, String field) {
    String s = stringOrNull(o, field);
    if (s == null) {
      return null;
    }
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw invalid(call, "has an unreadable '" + field + "'");
    }
  }

  /** A list of strings; empty when absent; an error when not an array of strings. */
  static List<String> stringList(PenneoCall call, JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray a)) {
      throw invalid(call, "has a '" + field + "' that is not a list");
    }
    List<String> out = new ArrayList<>(a.size());
    for (JsonValue e : a) {
      if (!(e instanceof JsonString s)) {
        throw invalid(call, "has a '" + field + "' that holds something other than text");
      }
      out.add(s.getString());
    }
    return List.copyOf(out);
  }

  /** A nested object, or {@code null}. */
  static JsonObject objectOrNull(JsonObject o, String field) {
    JsonValue v = o.get(field);
    return v instanceof JsonObject n ? n : null;
  }

  /** The body as one object. */
  static JsonObject object(PenneoCall call, JsonStructure body) {
    if (body instanceof JsonObject o) {
      return o;
    }
    throw invalid(call, "is not a JSON object");
  }

  /**
   * The items of a list answer: a bare array, or an object holding {@code items} (or {@code data}).
   */
  static JsonArray items(PenneoCall call, JsonStructure body) {
    if (body instanceof JsonArray a) {
      return a;
    }
    if (body instanceof JsonObject o) {
      for (String field : List.of("items", "data")) {
        JsonValue v = o.get(field);
        if (v instanceof JsonArray a) {
          return a;
        }
      }
    }
    throw invalid(call, "is neither a list nor an object with 'items'");
  }

  /** An item of a list that must be an object. */
  static JsonObject itemObject(PenneoCall call, JsonValue item) {
    if (item instanceof JsonObject o) {
      return o;
    }
    throw invalid(call, "lists an item that is not a JSON object");
  }

  static PenneoApiException invalid(PenneoCall call, String what) {
    return new PenneoApiException(
        PenneoApiException.Kind.PERMANENT, call, "got an answer that " + what, null, null, null);
  }
}
