package org.penneoarchive.application.intake;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.Instant;
import org.penneoarchive.domain.Jsonp;

/**
 * An accepted webhook call on its way from the receiver to processing: versioned JSON in a JMS text
 * message (never a serialized Java object), so that a message written by one version of the product
 * is read by the next.
 *
 * @param intakeId unique per accepted call; the delivery row's key, so a redelivered message is
 *     stored once
 * @param body the raw body as received (UTF-8, BOM removed), at most 64 KiB
 * @param queryToken a confirmation token that came as a query parameter, if any
 */
public record NotificationEnvelope(
    String intakeId,
    long subscriptionId,
    Instant receivedAt,
    String contentType,
    String xEventType,
    String xEventId,
    String body,
    String queryToken) {

  static final int VERSION = 1;

  public String toJson() {
    JsonObjectBuilder b =
        Jsonp.createObjectBuilder()
            .add("v", VERSION)
            .add("intakeId", intakeId)
            .add("subscriptionId", subscriptionId)
            .add("receivedAt", receivedAt.toString())
            .add("body", body);
    addIfPresent(b, "contentType", contentType);
    addIfPresent(b, "xEventType", xEventType);
    addIfPresent(b, "xEventId", xEventId);
    addIfPresent(b, "queryToken", queryToken);
    return b.build().toString();
  }

  public static NotificationEnvelope fromJson(String json) {
    JsonObject o;
    try (var reader = Jsonp.createReader(new StringReader(json))) {
      o = reader.readObject();
    }
    int v = o.getInt("v", -1);
    if (v != VERSION) {
      throw new IllegalArgumentException("Unsupported notification envelope version " + v);
    }
    return new NotificationEnvelope(
        o.getString("intakeId"),
        o.getJsonNumber("subscriptionId").longValueExact(),
        Instant.parse(o.getString("receivedAt")),
        o.getString("contentType", null),
        o.getString("xEventType", null),
        o.getString("xEventId", null),
        o.getString("body"),
        o.getString("queryToken", null));
  }

  private static void addIfPresent(JsonObjectBuilder b, String name, String value) {
    if (value != null) {
      b.add(name, value);
    }
  }
}
