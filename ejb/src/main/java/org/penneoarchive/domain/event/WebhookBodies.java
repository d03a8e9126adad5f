package org.penneoarchive.domain.event;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a webhook body means (see {@link WebhookBody}), for both Penneo services.
 *
 * <p>Penneo's bodies vary: legacy {@code {"topic":"casefile","eventType":"completed",…}}, current
 * {@code {"eventType":"sign.casefile.completed",…}} with or without a topic, or no {@code
 * eventType} at all with the type in the {@code x-event-type} header; ids and statuses come as JSON
 * numbers or numeric strings; confirmation tokens arrive in three shapes. All of that is resolved
 * here, once. A body that is not a notification becomes {@link WebhookBody.NotUnderstood} with a
 * precise reason, never an exception: the receiver accepts it and records it.
 */
public final class WebhookBodies {

  /** Longest confirmation token accepted. */
  public static final int MAX_TOKEN_LENGTH = 512;

  private static final int MAX_HEADER_LENGTH = 200;
  private static final int MAX_SHOWN = 40;

  private WebhookBodies() {}

  /**
   * Classifies a JSON body.
   *
   * @param body the parsed body (see {@link BoundedJson#parseObject})
   * @param xEventTypeHeader the {@code x-event-type} header, or {@code null}; used only when the
   *     body has no {@code eventType}
   */
  public static WebhookBody classify(JsonObject body, String xEventTypeHeader) {
    if (body == null) {
      return new WebhookBody.NotUnderstood("there is no JSON object");
    }
    Optional<WebhookBody> token = token(body);
    if (token.isPresent()) {
      return token.get();
    }
    try {
      return notification(body, xEventTypeHeader);
    } catch (NotUnderstoodException e) {
      return new WebhookBody.NotUnderstood(e.getMessage());
    }
  }

  /**
   * The confirmation token among form fields or query parameters: {@code token}, {@code
   * confirmationToken}, or {@code Token} with {@code Type=SubscriptionConfirmation}. Empty when
   * there is none or it is not 1–512 printable characters.
   */
  public static Optional<String> confirmationToken(Map<String, String> formOrQueryParams) {
    if (formOrQueryParams == null) {
      return Optional.empty();
    }
    for (String name : new String[] {"token", "confirmationToken"}) {
      String value = formOrQueryParams.get(name);
      if (value != null) {
        return validToken(value);
      }
    }
    if ("SubscriptionConfirmation".equals(formOrQueryParams.get("Type"))
        && formOrQueryParams.get("Token") != null) {
      return validToken(formOrQueryParams.get("Token"));
    }
    return Optional.empty();
  }

  /** Whether {@code token} is 1–512 printable ASCII characters without spaces. */
  public static boolean isValidToken(String token) {
    if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    return token.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private static Optional<String> validToken(String raw) {
    String token = raw.strip();
    return isValidToken(token) ? Optional.of(token) : Optional.empty();
  }

  private static Optional<WebhookBody> token(JsonObject body) {
    String name = null;
    if (body.containsKey("token")) {
      name = "token";
    } else if (body.containsKey("confirmationToken")) {
      name = "confirmationToken";
    } else if (body.containsKey("Token")
        && isString(body.get("Type"), "SubscriptionConfirmation")) {
      name = "Token";
    }
    if (name == null) {
      return Optional.empty();
    }
    JsonValue v = body.get(name);
    if (v instanceof JsonString s) {
      String token = s.getString().strip();
      if (isValidToken(token)) {
        return Optional.of(new WebhookBody.ConfirmationToken(token));
      }
    }
    return Optional.of(
        new WebhookBody.NotUnderstood(
            "the confirmation token in \""
                + name
                + "\" is not a string of 1 to "
                + MAX_TOKEN_LENGTH
                + " printable characters"));
  }

  private static WebhookBody notification(JsonObject body, String header) {
    Topic bodyTopic = topic(body);
    String rawType = optionalString(body, "eventType");
    String headerType = header == null ? null : header.strip();
    if (headerType != null && (headerType.isEmpty() || headerType.length() > MAX_HEADER_LENGTH)) {
      headerType = null;
    }
    String type = rawType != null ? rawType : headerType;
    if (type == null) {
      throw new NotUnderstoodException(
          "there is no eventType in the body and no x-event-type header");
    }
    Topic topic = bodyTopic;
    if (topic == null && !EventTypes.isCurrentName(type) && headerType != null) {
      // a legacy short name without a topic: the header's family may tell the topic
      topic = EventTypes.fromCurrent(headerType).map(EventTypes.Normalised::topic).orElse(null);
    }
    EventTypes.Normalised normalised = normalise(topic, type);
    Instant eventTime = eventTime(body, normalised.eventType().equals(EventTypes.TEST));
    if (normalised.eventType().equals(EventTypes.TEST)) {
      return new WebhookBody.TestNotification(normalised.topic(), eventTime);
    }
    if (normalised.topic() == Topic.WEBHOOK) {
      throw new NotUnderstoodException(
          "webhook-service event \"" + shown(type) + "\" is not one the product acts on");
    }
    JsonObject payload = payload(body);
    long id = positiveId(payload, "id");
    Integer status = status(payload);
    String title = title(payload);
    try {
      if (normalised.topic() == Topic.CASEFILE) {
        return new WebhookBody.Notification(
            PenneoEvent.ofCaseFile(normalised.eventType(), id, eventTime, status, title, payload));
      }
      Long caseFileId =
          payload.containsKey("caseFileId") && !isNull(payload.get("caseFileId"))
              ? positiveId(payload, "caseFileId")
              : null;
      return new WebhookBody.Notification(
          PenneoEvent.ofSigner(
              normalised.eventType(), id, caseFileId, eventTime, status, title, payload));
    } catch (IllegalArgumentException e) {
      throw new NotUnderstoodException(e.getMessage());
    }
  }

  private static Topic topic(JsonObject body) {
    String name = optionalString(body, "topic");
    if (name == null) {
      return null;
    }
    return Topic.fromWireName(name)
        .orElseThrow(() -> new NotUnderstoodException("unknown topic \"" + shown(name) + "\""));
  }

  private static EventTypes.Normalised normalise(Topic topic, String type) {
    Optional<EventTypes.Normalised> n = EventTypes.normalise(topic, type);
    if (n.isPresent()) {
      return n.get();
    }
    if (EventTypes.isCurrentName(type)) {
      Optional<EventTypes.Normalised> current = EventTypes.fromCurrent(type);
      if (current.isPresent()) {
        throw new NotUnderstoodException(
            "topic " + topic.wireName() + " does not match event type \"" + shown(type) + "\"");
      }
      throw new NotUnderstoodException("unknown event type \"" + shown(type) + "\"");
    }
    if (!EventTypes.isShortName(type)) {
      throw new NotUnderstoodException("malformed event type \"" + shown(type) + "\"");
    }
    throw new NotUnderstoodException(
        "event type \"" + shown(type) + "\" needs a topic, and the body has none");
  }

  private static Instant eventTime(JsonObject body, boolean optional) {
    JsonValue v = body.get("eventTime");
    if (v == null || isNull(v)) {
      if (optional) {
        return null;
      }
      throw new NotUnderstoodException("eventTime is missing");
    }
    if (!(v instanceof JsonObject o)) {
      throw new NotUnderstoodException("eventTime is not a PHP DateTime object");
    }
    try {
      return PhpDateTime.parse(o);
    } catch (InvalidEventTimeException e) {
      throw new NotUnderstoodException(e.getMessage());
    }
  }

  private static JsonObject payload(JsonObject body) {
    JsonValue v = body.get("payload");
    if (v == null || isNull(v)) {
      throw new NotUnderstoodException("payload is missing");
    }
    if (!(v instanceof JsonObject o)) {
      throw new NotUnderstoodException("payload is not a JSON object");
    }
    return o;
  }

  private static long positiveId(JsonObject payload, String name) {
    JsonValue v = payload.get(name);
    if (v == null || isNull(v)) {
      throw new NotUnderstoodException("payload." + name + " is missing");
    }
    Long id = wholeNumber(v);
    if (id == null || id <= 0) {
      throw new NotUnderstoodException(
          "payload."
              + name
              + " must be a positive whole number (JSON number or numeric string), not "
              + shown(v.toString()));
    }
    return id;
  }

  private static Integer status(JsonObject payload) {
    JsonValue v = payload.get("status");
    if (v == null || isNull(v)) {
      return null;
    }
    Long status = wholeNumber(v);
    if (status == null || status < 0 || status > Integer.MAX_VALUE) {
      throw new NotUnderstoodException(
          "payload.status must be a whole number from 0 (JSON number or numeric string), not "
              + shown(v.toString()));
    }
    return status.intValue();
  }

  private static String title(JsonObject payload) {
    if (!(payload.get("title") instanceof JsonString s)) {
      return null;
    }
    String title = s.getString().strip();
    if (title.isEmpty()) {
      return null;
    }
    if (title.length() > PenneoEvent.MAX_TITLE_LENGTH) {
      int end = PenneoEvent.MAX_TITLE_LENGTH;
      if (Character.isHighSurrogate(title.charAt(end - 1))) {
        end--;
      }
      title = title.substring(0, end);
    }
    return title;
  }

  /**
   * A JSON number or numeric string that is a whole number fitting in a {@code long}, else {@code
   * null}.
   */
  static Long wholeNumber(JsonValue v) {
    if (v instanceof JsonNumber n) {
      BigDecimal d = n.bigDecimalValue();
      if (Math.abs(d.scale()) > 64) {
        return null;
      }
      try {
        return d.longValueExact();
      } catch (ArithmeticException e) {
        return null;
      }
    }
    if (v instanceof JsonString s) {
      String text = s.getString();
      if (text.isEmpty()
          || text.length() > 19
          || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static String optionalString(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || isNull(v)) {
      return null;
    }
    if (!(v instanceof JsonString s)) {
      throw new NotUnderstoodException(name + " is not a string");
    }
    return s.getString();
  }

  private static boolean isString(JsonValue v, String expected) {
    return v instanceof JsonString s && s.getString().equals(expected);
  }

  private static boolean isNull(JsonValue v) {
    return v.getValueType() == JsonValue.ValueType.NULL;
  }

  private static String shown(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
  }

  /** Internal control flow: carries the reason out of nested checks; never leaves this class. */
  private static final class NotUnderstoodException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotUnderstoodException(String reason) {
      super(reason, null, false, false);
    }
  }
}
