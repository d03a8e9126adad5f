package org.penneosandbox.auth;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.penneosandbox.config.Account;
import org.penneosandbox.config.SandboxConfig;

/**
 * Decides who is calling, the way Penneo does: WSSE ({@code Authorization: WSSE
 * profile="UsernameToken"} + {@code X-WSSE}), {@code Authorization: Bearer <access token>}, or
 * {@code x-auth-token} holding an access token (the send API's way) or a JWT. Also runs the OAuth
 * {@code api_keys} grant that issues the access tokens.
 */
public final class Authenticator {

  /** Penneo limits the WSSE nonce to 64 characters. */
  static final int MAX_NONCE_LENGTH = 64;

  private static final int MAX_TOKENS = 100_000;

  private final SandboxConfig config;
  private final Jwt jwt;
  private final NonceRegistry nonces = new NonceRegistry();
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile Duration tokenTtl;
  private volatile Duration tolerance;

  public record IssuedToken(String token, Account account, Instant expiresAt, long expiresIn) {}

  public Authenticator(SandboxConfig config, byte[] jwtKey) {
    this.config = config;
    this.jwt = new Jwt(jwtKey);
    this.tokenTtl = Duration.ofSeconds(config.defaultTokenTtlSeconds());
    this.tolerance = Duration.ofSeconds(config.defaultWsseToleranceSeconds());
  }

  public void setTokenTtl(Duration ttl) {
    this.tokenTtl = ttl;
  }

  public Duration tokenTtl() {
    return tokenTtl;
  }

  public void setTolerance(Duration tolerance) {
    this.tolerance = tolerance;
  }

  public Duration tolerance() {
    return tolerance;
  }

  /** Forget tokens and nonces (control reset). JWTs stay valid: they carry their own expiry. */
  public void reset() {
    tokens.clear();
    nonces.clear();
  }

  /**
   * The account behind a request's credentials.
   *
   * @param headers request header by (case-insensitive) name, null when absent
   */
  public Account authenticate(UnaryOperator<String> headers, Instant now) {
    String authorization = headers.apply("Authorization");
    String wsse = headers.apply("X-WSSE");
    if (wsse != null) {
      if (authorization == null || !authorization.trim().regionMatches(true, 0, "WSSE", 0, 4)) {
        throw new AuthenticationFailed(
            "X-WSSE needs Authorization: WSSE profile=\"UsernameToken\"");
      }
      return verifyWsse(WsseHeader.parse(wsse), now);
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return accessToken(authorization.substring(7).trim(), now);
    }
    String xAuthToken = headers.apply("x-auth-token");
    if (xAuthToken != null && !xAuthToken.isBlank()) {
      String token = xAuthToken.trim();
      if (token.chars().filter(c -> c == '.').count() == 2) {
        String key = jwt.verify(token, now);
        return config
            .accountByKey(key)
            .orElseThrow(() -> new AuthenticationFailed("JWT names an unknown API key"));
      }
      return accessToken(token, now);
    }
    throw new AuthenticationFailed("no credentials (WSSE, Bearer token or x-auth-token)");
  }

  Account verifyWsse(WsseHeader h, Instant now) {
    checkNonceAndTime(h.nonce(), h.created(), now);
    Account account =
        config
            .accountByKey(h.username())
            .orElseThrow(() -> new AuthenticationFailed("unknown API key"));
    String expected =
        WsseDigest.compute(WsseDigest.decodeNonce(h.nonce()), h.created(), account.secret());
    if (!WsseDigest.matches(expected, h.passwordDigest())) {
      throw new AuthenticationFailed("WSSE digest is wrong");
    }
    rememberNonce("wsse:" + h.nonce(), now);
    return account;
  }

  /**
   * The OAuth 2.0 {@code api_keys} grant: client id and secret, then an API key proven with the
   * WSSE digest of {@code nonce}, {@code created_at} and the API secret.
   */
  public IssuedToken grantApiKeys(JsonObject body, Instant now) {
    String grantType = body.getString("grant_type", "");
    if (!"api_keys".equals(grantType)) {
      throw new IllegalArgumentException("unsupported_grant_type: only api_keys is served");
    }
    String clientId = body.getString("client_id", "");
    String clientSecret = body.getString("client_secret", "");
    if (!WsseDigest.matches(config.oauthClientId(), clientId)
        || !WsseDigest.matches(config.oauthClientSecret(), clientSecret)) {
      throw new AuthenticationFailed("invalid_client");
    }
    String key = body.getString("key", "");
    String nonce = body.getString("nonce", "");
    String createdAt = body.getString("created_at", "");
    String digest = body.getString("digest", "");
    if (key.isEmpty() || nonce.isEmpty() || createdAt.isEmpty() || digest.isEmpty()) {
      throw new AuthenticationFailed("invalid_grant: key, nonce, created_at and digest required");
    }
    checkNonceAndTime(nonce, createdAt, now);
    Account account =
        config.accountByKey(key).orElseThrow(() -> new AuthenticationFailed("invalid_grant"));
    String expected =
        WsseDigest.compute(WsseDigest.decodeNonce(nonce), createdAt, account.secret());
    if (!WsseDigest.matches(expected, digest)) {
      throw new AuthenticationFailed("invalid_grant: digest is wrong");
    }
    rememberNonce("oauth:" + nonce, now);
    if (tokens.size() > MAX_TOKENS) {
      tokens.values().removeIf(t -> !now.isBefore(t.expiresAt()));
    }
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Duration ttl = tokenTtl;
    IssuedToken issued = new IssuedToken(token, account, now.plus(ttl), ttl.toSeconds());
    tokens.put(token, issued);
    return issued;
  }

  public String issueJwt(Account account, Instant now, Duration ttl) {
    return jwt.issue(account.key(), now, now.plus(ttl));
  }

  private Account accessToken(String token, Instant now) {
    IssuedToken issued = tokens.get(token);
    if (issued == null) {
      throw new AuthenticationFailed("unknown access token");
    }
    if (!now.isBefore(issued.expiresAt())) {
      tokens.remove(token);
      throw new AuthenticationFailed("access token has expired");
    }
    return issued.account();
  }

  private void checkNonceAndTime(String nonce, String created, Instant now) {
    if (nonce.length() > MAX_NONCE_LENGTH) {
      throw new AuthenticationFailed("nonce longer than " + MAX_NONCE_LENGTH + " characters");
    }
    Instant at = WsseDigest.parseCreated(created);
    if (Duration.between(at, now).abs().compareTo(tolerance) > 0) {
      throw new AuthenticationFailed("created time " + created + " outside the tolerance");
    }
  }

  private void rememberNonce(String nonce, Instant now) {
    // Only a verified request uses up its nonce: a forged one must not block the real one.
    if (!nonces.firstUse(nonce, now.plus(tolerance).plus(tolerance), now)) {
      throw new AuthenticationFailed("nonce already used");
    }
  }
}
