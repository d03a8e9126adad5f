package org.penneosandbox.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.penneosandbox.config.Account;
import org.penneosandbox.config.SandboxConfig;

class AuthenticatorTest {

  static final Instant NOW = Instant.parse("2025-02-19T13:01:55Z");
  final Authenticator auth =
      new Authenticator(
          new SandboxConfig(new Properties()), "k".repeat(32).getBytes(StandardCharsets.UTF_8));

  static Map<String, String> wsse(String key, String secret, String nonceText, String created) {
    String nonce = Base64.getEncoder().encodeToString(nonceText.getBytes(StandardCharsets.UTF_8));
    String digest = WsseDigest.compute(nonceText.getBytes(StandardCharsets.UTF_8), created, secret);
    Map<String, String> h = new HashMap<>();
    h.put("Authorization", "WSSE profile=\"UsernameToken\"");
    h.put(
        "X-WSSE",
        "UsernameToken Username=\""
            + key
            + "\", PasswordDigest=\""
            + digest
            + "\", Nonce=\""
            + nonce
            + "\", Created=\""
            + created
            + "\"");
    return h;
  }

  Account call(Map<String, String> headers, Instant now) {
    return auth.authenticate(headers::get, now);
  }

  @Test
  void digestMatchesAnIndependentComputation() {
    // base64(SHA1("abc" + "2025-02-19T13:01:55Z" + "secret")), computed with
    // printf 'abc2025-02-19T13:01:55Zsecret' | openssl sha1 -binary | base64
    assertEquals(
        "i5zCpx2GNM7sOsECqA5KSzEDB7Q=",
        WsseDigest.compute(
            "abc".getBytes(StandardCharsets.UTF_8), "2025-02-19T13:01:55Z", "secret"));
  }

  @Test
  void wsseWithTheRightSecretIsAccepted() {
    Account a = call(wsse("super-key", "super-secret", "n1", "2025-02-19T13:01:00Z"), NOW);
    assertEquals("super", a.name());
    assertEquals(true, a.superUser());
  }

  @Test
  void wsseIsRefusedForAWrongSecretAReusedNonceOrAStaleTime() {
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("super-key", "wrong", "n2", "2025-02-19T13:01:00Z"), NOW));
    call(wsse("user-key", "user-secret", "n3", "2025-02-19T13:01:00Z"), NOW);
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("user-key", "user-secret", "n3", "2025-02-19T13:01:00Z"), NOW));
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("user-key", "user-secret", "n4", "2025-02-19T12:50:00Z"), NOW));
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("nobody", "user-secret", "n5", "2025-02-19T13:01:00Z"), NOW));
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("user-key", "user-secret", "x".repeat(60), "2025-02-19T13:01:00Z"), NOW));
  }

  @Test
  void aWrongDigestDoesNotUseUpTheNonce() {
    assertThrows(
        AuthenticationFailed.class,
        () -> call(wsse("user-key", "forged", "n6", "2025-02-19T13:01:00Z"), NOW));
    assertEquals(
        "user", call(wsse("user-key", "user-secret", "n6", "2025-02-19T13:01:00Z"), NOW).name());
  }

  static JsonObject grant(
      String clientSecret, String key, String secret, String nonceText, String created) {
    byte[] nonce = nonceText.getBytes(StandardCharsets.UTF_8);
    return Json.createObjectBuilder()
        .add("client_id", "sandbox-client")
        .add("client_secret", clientSecret)
        .add("grant_type", "api_keys")
        .add("key", key)
        .add("nonce", Base64.getEncoder().encodeToString(nonce))
        .add("created_at", created)
        .add("digest", WsseDigest.compute(nonce, created, secret))
        .build();
  }

  @Test
  void apiKeysGrantIssuesABearerTokenThatExpires() {
    Authenticator.IssuedToken t =
        auth.grantApiKeys(
            grant(
                "sandbox-client-secret",
                "user-key",
                "user-secret",
                "g1",
                "2025-02-19T13:01:55.123Z"),
            NOW);
    assertEquals(600, t.expiresIn());
    assertEquals("user", call(Map.of("Authorization", "Bearer " + t.token()), NOW).name());
    assertEquals("user", call(Map.of("x-auth-token", t.token()), NOW).name());
    assertThrows(
        AuthenticationFailed.class,
        () -> call(Map.of("Authorization", "Bearer " + t.token()), NOW.plusSeconds(600)));
    assertThrows(
        AuthenticationFailed.class, () -> call(Map.of("Authorization", "Bearer nonsense"), NOW));
  }

  @Test
  void apiKeysGrantRefusesAWrongClientOrDigest() {
    assertThrows(
        AuthenticationFailed.class,
        () ->
            auth.grantApiKeys(
                grant("wrong", "user-key", "user-secret", "g2", "2025-02-19T13:01:55.123Z"), NOW));
    assertThrows(
        AuthenticationFailed.class,
        () ->
            auth.grantApiKeys(
                grant(
                    "sandbox-client-secret", "user-key", "wrong", "g3", "2025-02-19T13:01:55.123Z"),
                NOW));
  }

  @Test
  void jwtIsAcceptedUntilItExpiresAndRefusedWhenTampered() {
    Account superUser = new SandboxConfig(new Properties()).accountByKey("super-key").orElseThrow();
    String jwt = auth.issueJwt(superUser, NOW, Duration.ofMinutes(5));
    assertEquals("super", call(Map.of("x-auth-token", jwt), NOW).name());
    assertThrows(
        AuthenticationFailed.class, () -> call(Map.of("x-auth-token", jwt), NOW.plusSeconds(301)));
    String tampered = jwt.substring(0, jwt.length() - 2) + (jwt.endsWith("A") ? "BB" : "AA");
    assertThrows(AuthenticationFailed.class, () -> call(Map.of("x-auth-token", tampered), NOW));
  }

  @Test
  void noCredentialsIsRefused() {
    assertThrows(AuthenticationFailed.class, () -> call(Map.of(), NOW));
  }
}
