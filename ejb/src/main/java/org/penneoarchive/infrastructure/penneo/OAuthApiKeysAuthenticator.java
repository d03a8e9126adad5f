package org.penneoarchive.infrastructure.penneo;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpRequest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.penneoarchive.domain.Jsonp;

/**
 * Penneo's OAuth 2.0 {@code api_keys} grant: the API key and a digest of its secret are exchanged
 * at the token endpoint for a bearer token, which is cached per identity.
 *
 * <p>The token request is {@code POST {oauthUrl}} with the JSON {@code {client_id, client_secret,
 * grant_type:"api_keys", key, nonce, created_at, digest}}, computed as Penneo's Postman collection
 * does: {@code nonce} is the base64 of 20 random bytes, {@code created_at} the UTC time as {@code
 * yyyy-MM-ddTHH:mm:ss.SSSZ} (JavaScript's {@code toISOString}), {@code digest = base64(SHA-1(nonce
 * bytes + created_at + apiSecret))}. The answer {@code {access_token, expires_in}} gives a token
 * that lives about ten minutes.
 *
 * <p>A token is renewed once 80 % of its life has passed, so a call never starts with a token about
 * to expire. Renewal takes a per-identity lock, so concurrent callers wait for one request instead
 * of each asking for its own; if the renewal fails while the old token is still valid, the old one
 * is used. A {@code 401} drops the token that was refused (unless another thread has already
 * replaced it), and the client tries once more with a new one.
 */
public final class OAuthApiKeysAuthenticator implements PenneoAuthenticator {

  static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Penneo's documented token life, assumed when the answer leaves {@code expires_in} out. */
  static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);

  private static final int NONCE_BYTES = 20;
  private static final double REFRESH_AT = 0.8;
  private static final long MAX_TOKEN_JSON = 64 * 1024;

  private record Token(String value, Instant refreshAt, Instant expiresAt) {}

  private static final class Slot {
    final ReentrantLock lock = new ReentrantLock();
    volatile Token token;
  }

  private final URI tokenUrl;
  private final String clientId;
  private final String clientSecret;
  private final Map<Identity, Credentials> credentials;
  private final Map<Identity, Slot> slots;
  private final PenneoTransport transport;
  private final SecureRandom random;
  private final InstantSource clock;

  OAuthApiKeysAuthenticator(
      PenneoClientConfig config,
      PenneoTransport transport,
      SecureRandom random,
      InstantSource clock) {
    this.tokenUrl = Objects.requireNonNull(config.oauthUrl(), "oauthUrl");
    this.clientId = config.oauthClientId();
    this.clientSecret = config.oauthClientSecret();
    Map<Identity, Credentials> c = new EnumMap<>(Identity.class);
    c.put(Identity.SUBSCRIBER, config.subscriber());
    c.put(Identity.ARCHIVE, config.archiveUser());
    this.credentials = c;
    Map<Identity, Slot> s = new EnumMap<>(Identity.class);
    for (Identity i : Identity.values()) {
      s.put(i, new Slot());
    }
    this.slots = s;
    this.transport = Objects.requireNonNull(transport, "transport");
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void authenticate(HttpRequest.Builder request, Identity who) {
    request.header("Authorization", "Bearer " + token(who).value());
  }

  @Override
  public boolean onUnauthorized(Identity who, HttpRequest rejected) {
    Slot slot = slots.get(who);
    Optional<String> sent = rejected.headers().firstValue("Authorization");
    slot.lock.lock();
    try {
      Token t = slot.token;
      if (t != null && sent.isPresent() && sent.get().equals("Bearer " + t.value())) {
        slot.token = null;
      }
      return true;
    } finally {
      slot.lock.unlock();
    }
  }

  private Token token(Identity who) {
    Slot slot = slots.get(Objects.requireNonNull(who, "who"));
    Token t = slot.token;
    if (t != null && clock.instant().isBefore(t.refreshAt())) {
      return t;
    }
    slot.lock.lock();
    try {
      t = slot.token;
      Instant now = clock.instant();
      if (t != null && now.isBefore(t.refreshAt())) {
        return t;
      }
      try {
        Token fresh = fetch(who);
        slot.token = fresh;
        return fresh;
      } catch (PenneoApiException e) {
        if (t != null && clock.instant().isBefore(t.expiresAt())) {
          PenneoTransport.LOG.log(
              Level.WARNING,
              "Penneo OAuth token renewal for {0} failed; using the current token until it"
                  + " expires: {1}",
              who,
              e.getMessage());
          return t;
        }
        throw e;
      }
    } finally {
      slot.lock.unlock();
    }
  }

  private Token fetch(Identity who) {
    Credentials c = credentials.get(who);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String createdAt = CREATED_AT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    String body =
        Jsonp.PROVIDER
            .createObjectBuilder()
            .add("client_id", clientId)
            .add("client_secret", clientSecret)
            .add("grant_type", "api_keys")
            .add("key", c.key())
            .add("nonce", Base64.getEncoder().encodeToString(nonce))
            .add("created_at", createdAt)
            .add("digest", WsseAuthenticator.digest(nonce, createdAt, c.secret()))
            .build()
            .toString();
    PenneoCall call = new PenneoCall("oauthToken", "identity", who.name());
    PenneoTransport.Request request =
        PenneoTransport.Request.of("POST", tokenUrl, MAX_TOKEN_JSON)
            .withJsonBody(body)
            .safeToRepeat(true);
    PenneoTransport.LOG.log(Level.DEBUG, "Penneo {0}", call.describe());
    Instant asked = clock.instant();
    return transport.execute(
        call,
        null,
        who,
        request,
        response -> {
          if (response.status() != 200) {
            throw transport.unexpected(call, response, request);
          }
          JsonStructure json = transport.readJson(call, response, MAX_TOKEN_JSON);
          return parse(call, json, asked);
        });
  }

  private Token parse(PenneoCall call, JsonStructure json, Instant asked) {
    if (!(json instanceof JsonObject o)) {
      throw invalid(call, "is not a JSON object");
    }
    JsonValue tokenValue = o.get("access_token");
    if (!(tokenValue instanceof JsonString ts) || ts.getString().isBlank()) {
      throw invalid(call, "has no access_token");
    }
    String token = ts.getString();
    if (token.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e)) {
      throw invalid(call, "has an access_token that cannot be sent in a header");
    }
    transport.masker().add(token);
    Duration life = DEFAULT_LIFETIME;
    JsonValue expires = o.get("expires_in");
    if (expires instanceof JsonNumber n) {
      life = Duration.ofSeconds(n.longValue());
    } else if (expires instanceof JsonString s && s.getString().trim().matches("\\d{1,9}")) {
      life = Duration.ofSeconds(Long.parseLong(s.getString().trim()));
    } else if (expires != null && expires.getValueType() != JsonValue.ValueType.NULL) {
      throw invalid(call, "has an expires_in that is not a number of seconds");
    }
    if (life.isNegative() || life.isZero()) {
      throw invalid(call, "has an expires_in that is not positive");
    }
    Instant refreshAt = asked.plusMillis((long) (life.toMillis() * REFRESH_AT));
    return new Token(token, refreshAt, asked.plus(life));
  }

  private static PenneoApiException invalid(PenneoCall call, String what) {
    return new PenneoApiException(
        PenneoApiException.Kind.PERMANENT, call, "got an answer that " + what, 200, null, null);
  }

  @Override
  public String toString() {
    return "OAuthApiKeysAuthenticator[tokenUrl=" + tokenUrl + ", clientId=" + clientId + "]";
  }
}
