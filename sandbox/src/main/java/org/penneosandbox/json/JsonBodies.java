package org.penneosandbox.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads JSON request bodies with a size bound and typed field access that fails with a 400 naming
 * the field, so every endpoint validates the same way.
 */
public final class JsonBodies {

  /** Bodies of the JSON endpoints are small; anything bigger is a mistake or an attack. */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  private JsonBodies() {}

  public static byte[] readBounded(InputStream in, int maxBytes) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (out.size() + n > maxBytes) {
          throw new ApiException(413, "request body larger than " + maxBytes + " bytes");
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body as a JSON object; an empty body is an empty object (for POST endpoints with none). */
  public static JsonObject readObject(InputStream in) {
    return parseObject(new String(readBounded(in, MAX_JSON_BYTES), StandardCharsets.UTF_8));
  }

  public static JsonObject parseObject(String text) {
    if (text.isBlank()) {
      return JsonValue.EMPTY_JSON_OBJECT;
    }
    try (JsonReader reader = Json.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw ApiException.badRequest("body must be a JSON object");
      }
      return value.asJsonObject();
    } catch (JsonParsingException e) {
      throw ApiException.badRequest("body is not valid JSON: " + e.getMessage());
    } catch (jakarta.json.JsonException e) {
      throw ApiException.badRequest("body is not valid JSON");
    }
  }

  public static Optional<String> optString(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (v instanceof JsonString s) {
      return Optional.of(s.getString());
    }
    throw ApiException.badRequest("'" + name + "' must be a string");
  }

  public static String string(JsonObject o, String name, int maxLength) {
    String s =
        optString(o, name).orElseThrow(() -> ApiException.badRequest("'" + name + "' is required"));
    if (s.isBlank()) {
      throw ApiException.badRequest("'" + name + "' must not be empty");
    }
    if (s.length() > maxLength) {
      throw ApiException.badRequest("'" + name + "' longer than " + maxLength + " characters");
    }
    return s;
  }

  public static Optional<Long> optLong(JsonObject o, String name, long min, long max) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
      throw ApiException.badRequest("'" + name + "' must be an integer");
    }
    long value;
    try {
      value = n.longValueExact();
    } catch (ArithmeticException e) {
      throw ApiException.badRequest("'" + name + "' out of range");
    }
    if (value < min || value > max) {
      throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
    }
    return Optional.of(value);
  }

  public static long longValue(JsonObject o, String name, long min, long max, long dflt) {
    return optLong(o, name, min, max).orElse(dflt);
  }

  public static double fraction(JsonObject o, String name, double dflt) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return dflt;
    }
    if (!(v instanceof JsonNumber n)) {
      throw ApiException.badRequest("'" + name + "' must be a number");
    }
    double d = n.doubleValue();
    if (!(d >= 0.0 && d <= 1.0)) {
      throw ApiException.badRequest("'" + name + "' must be between 0.0 and 1.0");
    }
    return d;
  }

  public static boolean bool(JsonObject o, String name, boolean dflt) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return dflt;
    }
    if (v == JsonValue.TRUE) {
      return true;
    }
    if (v == JsonValue.FALSE) {
      return false;
    }
    throw ApiException.badRequest("'" + name + "' must be true or false");
  }

  public static Optional<JsonObject> optObject(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (v.getValueType() != JsonValue.ValueType.OBJECT) {
      throw ApiException.badRequest("'" + name + "' must be an object");
    }
    return Optional.of(v.asJsonObject());
  }

  public static Optional<JsonArray> optArray(JsonObject o, String name, int maxItems) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return Optional.empty();
    }
    if (v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw ApiException.badRequest("'" + name + "' must be an array");
    }
    JsonArray a = v.asJsonArray();
    if (a.size() > maxItems) {
      throw ApiException.badRequest("'" + name + "' has more than " + maxItems + " items");
    }
    return Optional.of(a);
  }

  public static List<String> strings(JsonArray a, String name, int maxLength) {
    List<String> out = new ArrayList<>();
    for (JsonValue v : a) {
      if (!(v instanceof JsonString s) || s.getString().isBlank()) {
        throw ApiException.badRequest("'" + name + "' must hold non-empty strings");
      }
      if (s.getString().length() > maxLength) {
        throw ApiException.badRequest("an item of '" + name + "' is too long");
      }
      out.add(s.getString());
    }
    return out;
  }
}
