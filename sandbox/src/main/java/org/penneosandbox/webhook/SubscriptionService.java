package org.penneosandbox.webhook;

import static org.penneosandbox.json.JsonBodies.bool;
import static org.penneosandbox.json.JsonBodies.optArray;
import static org.penneosandbox.json.JsonBodies.string;
import static org.penneosandbox.json.JsonBodies.strings;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.penneosandbox.config.Account;
import org.penneosandbox.config.SandboxConfig;
import org.penneosandbox.ids.IdSequence;
import org.penneosandbox.json.ApiException;

/**
 * The subscriptions of both webhook services, owned by the account that made them, and the fan-out
 * of one event to every matching subscription of both (so a subscriber of both sees it twice).
 */
public final class SubscriptionService {

  private static final Logger LOG = Logger.getLogger(SubscriptionService.class.getName());

  public static final Set<String> LEGACY_TOPICS = Set.of("casefile", "signer");

  public static final Set<String> CURRENT_EVENT_TYPES =
      Set.of(
          "sign.casefile.completed",
          "sign.casefile.expired",
          "sign.casefile.failed",
          "sign.casefile.rejected",
          "sign.signer.requestSent",
          "sign.signer.requestOpened",
          "sign.signer.opened",
          "sign.signer.signed",
          "sign.signer.rejected",
          "sign.signer.reminderSent",
          "sign.signer.undeliverable",
          "sign.signer.requestActivated",
          "sign.signer.finalized",
          "sign.signer.deleted",
          "sign.signer.signedWithImageUploadAndNAP",
          "sign.signer.transientBounce",
          "webhook.subscription.test");

  public static final String TEST_EVENT = "webhook.subscription.test";
  private static final int MAX_ENDPOINT = 2048;
  private static final int MAX_PER_ACCOUNT_LEGACY = 1000;

  private final SandboxConfig config;
  private final IdSequence ids;
  private final WebhookDispatcher dispatcher;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, LegacySubscription> legacy = new LinkedHashMap<>();
  private final Map<String, CurrentSubscription> current = new LinkedHashMap<>();
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private volatile int maxActive;

  public SubscriptionService(SandboxConfig config, IdSequence ids, WebhookDispatcher dispatcher) {
    this.config = config;
    this.ids = ids;
    this.dispatcher = dispatcher;
    this.maxActive = config.defaultMaxActiveSubscriptions();
  }

  public int maxActive() {
    return maxActive;
  }

  public void maxActive(int n) {
    this.maxActive = n;
  }

  /** Called after a legacy subscription is confirmed or a current one created or changed. */
  public void onChange(Runnable listener) {
    listeners.add(listener);
  }

  public synchronized void reset() {
    legacy.clear();
    current.clear();
    maxActive = config.defaultMaxActiveSubscriptions();
  }

  // ---- legacy topic service ----

  public LegacySubscription createLegacy(Account account, JsonObject body) {
    String topic = string(body, "topic", 32);
    if (!LEGACY_TOPICS.contains(topic)) {
      throw ApiException.badRequest("topic must be one of " + LEGACY_TOPICS);
    }
    URI endpoint = endpoint(body);
    LegacySubscription s;
    synchronized (this) {
      if (legacy.values().stream().filter(l -> l.userId() == account.userId()).count()
          >= MAX_PER_ACCOUNT_LEGACY) {
        throw ApiException.badRequest("too many legacy subscriptions");
      }
      s =
          new LegacySubscription(
              ids.next(),
              account.userId(),
              account.customerId(),
              topic,
              endpoint.toString(),
              Instant.now(),
              randomToken());
      legacy.put(s.id(), s);
    }
    LOG.info("legacy subscription " + s.id() + " (" + topic + ") created for " + endpoint);
    dispatcher.send(List.of(confirmation(s, endpoint)), 1, false, 0.0);
    return s;
  }

  private Delivery confirmation(LegacySubscription s, URI endpoint) {
    ConfirmationShape shape = dispatcher.nextConfirmationShape();
    Map<String, String> fields = new LinkedHashMap<>();
    switch (shape.name()) {
      case "token" -> fields.put("token", s.token());
      case "confirmationToken" -> fields.put("confirmationToken", s.token());
      default -> {
        fields.put("Type", "SubscriptionConfirmation");
        fields.put("Token", s.token());
      }
    }
    URI uri = endpoint;
    byte[] body;
    String contentType;
    switch (shape.format()) {
      case "json" -> {
        JsonObjectBuilder b = Json.createObjectBuilder();
        fields.forEach(b::add);
        body = b.build().toString().getBytes(StandardCharsets.UTF_8);
        contentType = dispatcher.nextContentType();
      }
      case "form" -> {
        body = formEncode(fields).getBytes(StandardCharsets.UTF_8);
        contentType = "application/x-www-form-urlencoded";
      }
      default -> {
        String q = formEncode(fields);
        uri = URI.create(endpoint + (endpoint.getRawQuery() == null ? "?" : "&") + q);
        body = new byte[0];
        contentType = null;
      }
    }
    return new Delivery(
        "legacy",
        Long.toString(s.id()),
        uri,
        "confirmation(" + shape + ")",
        "confirm-" + s.id(),
        null,
        body,
        contentType,
        Map.of(),
        null);
  }

  private static String formEncode(Map<String, String> fields) {
    List<String> parts = new ArrayList<>();
    fields.forEach(
        (k, v) ->
            parts.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return String.join("&", parts);
  }

  public LegacySubscription confirmLegacy(Account account, long id, JsonObject body) {
    LegacySubscription s = legacy(account, id);
    String token = string(body, "token", 256);
    if (!token.equals(s.token())) {
      throw ApiException.badRequest("wrong confirmation token for subscription " + id);
    }
    s.confirm();
    LOG.info("legacy subscription " + id + " confirmed");
    listeners.forEach(Runnable::run);
    return s;
  }

  public void testLegacy(Account account, long id) {
    LegacySubscription s = legacy(account, id);
    if (!s.confirmed()) {
      throw ApiException.badRequest("subscription " + id + " is not confirmed");
    }
    Instant now = Instant.now();
    LifecycleEvent test =
        new LifecycleEvent(
            UUID.randomUUID().toString(),
            s.topic(),
            "test",
            now,
            dispatcher.nextTimeStyle(),
            0,
            account.userId(),
            JsonObject.EMPTY_JSON_OBJECT,
            JsonObject.EMPTY_JSON_OBJECT);
    dispatcher.send(List.of(legacyNotification(s, test, null)), 1, false, 0.0);
  }

  public synchronized List<LegacySubscription> listLegacy(Account account) {
    return legacy.values().stream().filter(s -> s.userId() == account.userId()).toList();
  }

  public synchronized LegacySubscription legacy(Account account, long id) {
    LegacySubscription s = legacy.get(id);
    if (s == null || s.userId() != account.userId()) {
      throw ApiException.notFound("subscription " + id + " not found");
    }
    return s;
  }

  public synchronized void deleteLegacy(Account account, long id) {
    legacy(account, id);
    legacy.remove(id);
    LOG.info("legacy subscription " + id + " deleted");
  }

  // ---- current service ----

  public CurrentSubscription createCurrent(Account account, JsonObject body) {
    CurrentSubscription.Config c = currentConfig(body, true);
    CurrentSubscription s;
    synchronized (this) {
      checkEndpointAndLimit(account, c, null);
      s =
          new CurrentSubscription(
              UUID.randomUUID().toString(),
              account.userId(),
              account.customerId(),
              UUID.randomUUID().toString(),
              c);
      current.put(s.id(), s);
    }
    LOG.info("subscription " + s.id() + " created for " + c.endpoint() + ": " + c.eventTypes());
    listeners.forEach(Runnable::run);
    return s;
  }

  /** PUT replaces the whole object: an omitted eventTypes is empty, an omitted isActive false. */
  public CurrentSubscription replaceCurrent(Account account, String id, JsonObject body) {
    CurrentSubscription.Config c = currentConfig(body, false);
    CurrentSubscription s;
    synchronized (this) {
      s = current(account, id);
      checkEndpointAndLimit(account, c, s);
      s.config(c);
    }
    LOG.info("subscription " + id + " replaced: " + c);
    listeners.forEach(Runnable::run);
    return s;
  }

  private void checkEndpointAndLimit(
      Account account, CurrentSubscription.Config c, CurrentSubscription self) {
    for (CurrentSubscription other : current.values()) {
      if (other != self
          && other.userId() == account.userId()
          && other.config().endpoint().equals(c.endpoint())) {
        throw ApiException.conflict("a subscription to " + c.endpoint() + " already exists");
      }
    }
    long active =
        current.values().stream()
            .filter(o -> o != self && o.userId() == account.userId() && o.config().active())
            .count();
    if (c.active() && active >= maxActive) {
      throw ApiException.badRequest("limit of " + maxActive + " active subscriptions reached");
    }
  }

  private CurrentSubscription.Config currentConfig(JsonObject body, boolean creating) {
    String endpoint = endpoint(body).toString();
    List<String> types =
        optArray(body, "eventTypes", 64).map(a -> strings(a, "eventTypes", 128)).orElse(List.of());
    for (String t : types) {
      if (!CURRENT_EVENT_TYPES.contains(t)) {
        throw ApiException.badRequest("unknown event type " + t);
      }
    }
    if (creating && types.isEmpty()) {
      throw ApiException.badRequest("'eventTypes' must name at least one event type");
    }
    boolean active = bool(body, "isActive", creating);
    return new CurrentSubscription.Config(
        endpoint, new ArrayList<>(new LinkedHashSet<>(types)), active);
  }

  public synchronized CurrentSubscription current(Account account, String id) {
    CurrentSubscription s = current.get(id);
    if (s == null || s.userId() != account.userId()) {
      throw ApiException.notFound("subscription " + id + " not found");
    }
    return s;
  }

  public synchronized List<CurrentSubscription> listCurrent(Account account) {
    return current.values().stream().filter(s -> s.userId() == account.userId()).toList();
  }

  public synchronized void deleteCurrent(Account account, String id) {
    current(account, id);
    current.remove(id);
    LOG.info("subscription " + id + " deleted");
  }

  /** Fires webhook.subscription.test to every active subscription of the account that wants it. */
  public void testCurrent(Account account) {
    LifecycleEvent test =
        new LifecycleEvent(
            UUID.randomUUID().toString(),
            "webhook",
            TEST_EVENT,
            Instant.now(),
            dispatcher.nextTimeStyle(),
            0,
            account.userId(),
            JsonObject.EMPTY_JSON_OBJECT,
            JsonObject.EMPTY_JSON_OBJECT);
    List<Delivery> batch = new ArrayList<>();
    for (CurrentSubscription s : listCurrent(account)) {
      if (s.wants(TEST_EVENT)) {
        batch.add(currentNotification(s, test, null));
      }
    }
    dispatcher.send(batch, 1, false, 0.0);
  }

  // ---- fan-out ----

  /** Both services' deliveries of lifecycle events, sent as one batch. */
  public void publish(List<LifecycleEvent> events, int repeat, boolean shuffle, double drop) {
    List<Delivery> batch = new ArrayList<>();
    List<LegacySubscription> legacySubs;
    List<CurrentSubscription> currentSubs;
    synchronized (this) {
      legacySubs = List.copyOf(legacy.values());
      currentSubs = List.copyOf(current.values());
    }
    for (LifecycleEvent e : events) {
      for (LegacySubscription s : legacySubs) {
        if (s.confirmed() && s.topic().equals(e.topic())) {
          batch.add(legacyNotification(s, e, e.caseFileId()));
        }
      }
      for (CurrentSubscription s : currentSubs) {
        if (s.wants(e.currentEventType())) {
          batch.add(currentNotification(s, e, e.caseFileId()));
        }
      }
    }
    dispatcher.send(batch, repeat, shuffle, drop);
  }

  public synchronized boolean hasConfirmedLegacyAndActiveCurrent() {
    return legacy.values().stream().anyMatch(LegacySubscription::confirmed)
        && current.values().stream().anyMatch(s -> s.config().active());
  }

  public synchronized List<LegacySubscription> allLegacy() {
    return List.copyOf(legacy.values());
  }

  public synchronized List<CurrentSubscription> allCurrent() {
    return List.copyOf(current.values());
  }

  private Delivery legacyNotification(LegacySubscription s, LifecycleEvent e, Long caseFileId) {
    byte[] body = body(e, e.eventType(), payloadFor(s.userId(), e));
    return new Delivery(
        "legacy",
        Long.toString(s.id()),
        URI.create(s.endpoint()),
        e.eventType(),
        e.eventId(),
        caseFileId,
        body,
        dispatcher.nextContentType(),
        Map.of(),
        null);
  }

  private Delivery currentNotification(CurrentSubscription s, LifecycleEvent e, Long caseFileId) {
    String type = e.currentEventType();
    byte[] body = body(e, type, payloadFor(s.userId(), e));
    return new Delivery(
        "current",
        s.id(),
        URI.create(s.config().endpoint()),
        type,
        e.eventId(),
        caseFileId,
        body,
        dispatcher.nextContentType(),
        Map.of("x-event-type", type, "x-event-id", e.eventId()),
        s.secret());
  }

  private JsonObject payloadFor(long subscriberUserId, LifecycleEvent e) {
    boolean full =
        switch (dispatcher.settings().payload()) {
          case "full" -> true;
          case "thin" -> false;
          default ->
              e.ownerUserId() == subscriberUserId
                  || config.accountByUserId(subscriberUserId).map(Account::superUser).orElse(false);
        };
    return full ? e.fullPayload() : e.thinPayload();
  }

  static byte[] body(LifecycleEvent e, String eventType, JsonObject payload) {
    return Json.createObjectBuilder()
        .add("topic", e.topic())
        .add("eventType", eventType)
        .add("eventTime", EventTime.render(e.time(), e.timeStyle()))
        .add("payload", payload)
        .build()
        .toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  private static URI endpoint(JsonObject body) {
    String text = string(body, "endpoint", MAX_ENDPOINT);
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw ApiException.badRequest("endpoint must be an absolute http(s) URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw ApiException.badRequest("endpoint is not a URL: " + e.getMessage());
    }
  }

  private String randomToken() {
    byte[] b = new byte[24];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
