package org.penneosandbox.webhook;

import static org.penneosandbox.json.JsonBodies.bool;
import static org.penneosandbox.json.JsonBodies.fraction;
import static org.penneosandbox.json.JsonBodies.longValue;
import static org.penneosandbox.json.JsonBodies.optArray;
import static org.penneosandbox.json.JsonBodies.optString;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.penneosandbox.json.ApiException;

/**
 * How notifications are delivered; replaced as a whole by {@code PUT control/delivery} (omitted
 * fields take their defaults).
 *
 * @param repeat each notification is sent this many times (same body and x-event-id)
 * @param shuffle deliveries of one batch go out in random order
 * @param delayMs wait before each send
 * @param drop fraction of notifications never sent (logged as "dropped")
 * @param maxAttempts attempts per notification before giving up (1 = no retries)
 * @param retryDelaysMs wait before retry n (the last value repeats)
 * @param contentType none, text/plain, form, json, or rotate (through those four)
 * @param timezone eventTime rendering: rotate, utc, offset, abbreviation, zone (or 1, 2, 3)
 * @param confirmation legacy token shape: rotate or FORMAT:NAME with FORMAT json, form or query and
 *     NAME token, confirmationToken or sns ({@code Type}+{@code Token})
 * @param payload auto (full for super users and owners, thin otherwise), thin, or full
 * @param timeoutMs HTTP timeout of one attempt
 */
public record DeliverySettings(
    int repeat,
    boolean shuffle,
    long delayMs,
    double drop,
    int maxAttempts,
    List<Long> retryDelaysMs,
    String contentType,
    String timezone,
    String confirmation,
    String payload,
    long timeoutMs) {

  static final Set<String> CONTENT_TYPES = Set.of("none", "text/plain", "form", "json", "rotate");
  static final Set<String> TIMEZONES =
      Set.of("rotate", "utc", "offset", "abbreviation", "zone", "1", "2", "3");
  static final Set<String> PAYLOADS = Set.of("auto", "thin", "full");

  public DeliverySettings {
    retryDelaysMs = List.copyOf(retryDelaysMs);
  }

  public static DeliverySettings defaults() {
    return new DeliverySettings(
        1,
        false,
        0,
        0.0,
        4,
        List.of(1000L, 5000L, 15000L),
        "rotate",
        "rotate",
        "rotate",
        "auto",
        10_000);
  }

  public static DeliverySettings fromJson(JsonObject o) {
    DeliverySettings d = defaults();
    List<Long> delays = d.retryDelaysMs();
    var arr = optArray(o, "retryDelaysMs", 20);
    if (arr.isPresent()) {
      delays = new ArrayList<>();
      for (JsonValue v : arr.get()) {
        if (!(v instanceof JsonNumber n)
            || !n.isIntegral()
            || n.longValue() < 0
            || n.longValue() > 3_600_000) {
          throw ApiException.badRequest("'retryDelaysMs' must hold integers from 0 to 3600000");
        }
        delays.add(n.longValue());
      }
      if (delays.isEmpty()) {
        throw ApiException.badRequest("'retryDelaysMs' must not be empty");
      }
    }
    String contentType = oneOf(o, "contentType", CONTENT_TYPES, d.contentType());
    String timezone = oneOf(o, "timezone", TIMEZONES, d.timezone());
    String confirmation = optString(o, "confirmation").orElse(d.confirmation());
    if (!"rotate".equals(confirmation)) {
      ConfirmationShape.parse(confirmation);
    }
    String payload = oneOf(o, "payload", PAYLOADS, d.payload());
    return new DeliverySettings(
        (int) longValue(o, "repeat", 1, 10, d.repeat()),
        bool(o, "shuffle", d.shuffle()),
        longValue(o, "delayMs", 0, 60_000, d.delayMs()),
        fraction(o, "drop", d.drop()),
        (int) longValue(o, "maxAttempts", 1, 20, d.maxAttempts()),
        delays,
        contentType,
        timezone,
        confirmation,
        payload,
        longValue(o, "timeoutMs", 100, 120_000, d.timeoutMs()));
  }

  private static String oneOf(JsonObject o, String name, Set<String> allowed, String dflt) {
    JsonValue v = o.get(name);
    String s;
    if (v == null || v == JsonValue.NULL) {
      s = dflt;
    } else if (v instanceof JsonNumber n) {
      s = n.toString();
    } else if (v instanceof JsonString str) {
      s = str.getString();
    } else {
      throw ApiException.badRequest("'" + name + "' must be a string");
    }
    if (!allowed.contains(s)) {
      throw ApiException.badRequest("'" + name + "' must be one of " + allowed);
    }
    return s;
  }

  public long retryDelay(int failedAttempt) {
    return retryDelaysMs.get(Math.min(failedAttempt - 1, retryDelaysMs.size() - 1));
  }

  public JsonObject toJson() {
    JsonArrayBuilder delays = Json.createArrayBuilder();
    retryDelaysMs.forEach(delays::add);
    return Json.createObjectBuilder()
        .add("repeat", repeat)
        .add("shuffle", shuffle)
        .add("delayMs", delayMs)
        .add("drop", drop)
        .add("maxAttempts", maxAttempts)
        .add("retryDelaysMs", delays)
        .add("contentType", contentType)
        .add("timezone", timezone)
        .add("confirmation", confirmation)
        .add("payload", payload)
        .add("timeoutMs", timeoutMs)
        .build();
  }
}
