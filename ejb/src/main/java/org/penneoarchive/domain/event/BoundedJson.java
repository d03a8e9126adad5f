package org.penneoarchive.domain.event;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import org.penneoarchive.domain.Jsonp;

/**
 * Reads a webhook body that anyone on the internet may have sent: a JSON object no deeper than a
 * given nesting depth, or a small {@code application/x-www-form-urlencoded} form.
 *
 * <p>Depth is checked with the streaming {@link JsonParser} before any tree is built, so that a
 * hostile body of nested brackets costs one linear scan and no deep recursion. A leading byte order
 * mark is ignored (Penneo's Content-Type is unreliable and so may be its encoding). Every refusal
 * is an {@link InvalidJsonException} whose message is the reason recorded: {@code "not JSON: …"},
 * {@code "not a JSON object"}, {@code "nested deeper than 64"}.
 */
public final class BoundedJson {

  /** Most fields read from a form body; more is refused, not cut. */
  public static final int MAX_FORM_FIELDS = 100;

  private static final char BOM = '\uFEFF';

  private BoundedJson() {}

  /**
   * Parses {@code text} as one JSON object nested at most {@code maxDepth} levels (the object
   * itself is level 1).
   *
   * @throws InvalidJsonException if the text is not JSON, not an object, or nested too deeply
   */
  public static JsonObject parseObject(String text, int maxDepth) {
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be at least 1, not " + maxDepth + ".");
    }
    String json = withoutBom(text);
    if (json.isBlank()) {
      throw new InvalidJsonException("not JSON: the body is empty");
    }
    checkShapeAndDepth(json, maxDepth);
    try (JsonReader reader = Jsonp.createReader(new StringReader(json))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw new InvalidJsonException("not JSON: " + e.getMessage(), e);
    }
  }

  private static void checkShapeAndDepth(String json, int maxDepth) {
    try (JsonParser parser = Jsonp.createParser(new StringReader(json))) {
      if (!parser.hasNext()) {
        throw new InvalidJsonException("not JSON: the body is empty");
      }
      if (parser.next() != JsonParser.Event.START_OBJECT) {
        throw new InvalidJsonException("not a JSON object");
      }
      int depth = 1;
      while (parser.hasNext()) {
        switch (parser.next()) {
          case START_OBJECT, START_ARRAY -> {
            depth++;
            if (depth > maxDepth) {
              throw new InvalidJsonException("nested deeper than " + maxDepth);
            }
          }
          case END_OBJECT, END_ARRAY -> depth--;
          default -> {
            // values and keys do not change the depth
          }
        }
      }
    } catch (JsonException | IllegalStateException | NoSuchElementException e) {
      throw new InvalidJsonException("not JSON: " + e.getMessage(), e);
    }
  }

  /**
   * Parses an {@code application/x-www-form-urlencoded} body (UTF-8) into its fields, in order.
   * When a name repeats, the first value is kept. Names without a value map to {@code ""}.
   *
   * @throws InvalidJsonException if the body has more than {@value #MAX_FORM_FIELDS} fields or a
   *     malformed percent-escape
   */
  public static Map<String, String> parseForm(String text) {
    String form = text == null ? "" : withoutBom(text).strip();
    Map<String, String> fields = new LinkedHashMap<>();
    if (form.isEmpty()) {
      return Map.of();
    }
    int count = 0;
    int start = 0;
    while (start <= form.length()) {
      int end = form.indexOf('&', start);
      if (end < 0) {
        end = form.length();
      }
      if (end > start) {
        count++;
        if (count > MAX_FORM_FIELDS) {
          throw new InvalidJsonException("not a form: more than " + MAX_FORM_FIELDS + " fields");
        }
        String pair = form.substring(start, end);
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        if (!name.isEmpty()) {
          fields.putIfAbsent(name, value);
        }
      }
      start = end + 1;
    }
    return Collections.unmodifiableMap(fields);
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidJsonException("not a form: " + e.getMessage(), e);
    }
  }

  private static String withoutBom(String text) {
    if (text == null) {
      throw new InvalidJsonException("not JSON: there is no body");
    }
    return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
  }
}
