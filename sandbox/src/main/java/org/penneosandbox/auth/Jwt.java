package org.penneosandbox.auth;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HS256 JWTs for {@code x-auth-token}: {@code sub} is the API key, {@code exp} the expiry. The key
 * is the sandbox's own (persisted), so tokens survive a restart like Penneo's would.
 */
public final class Jwt {

  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64D = Base64.getUrlDecoder();

  private final byte[] key;

  public Jwt(byte[] key) {
    this.key = key.clone();
  }

  public String issue(String subject, Instant issuedAt, Instant expiresAt) {
    String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    String claims =
        Json.createObjectBuilder()
            .add("sub", subject)
            .add("iat", issuedAt.getEpochSecond())
            .add("exp", expiresAt.getEpochSecond())
            .add("iss", "penneo-sandbox")
            .build()
            .toString();
    String signingInput =
        B64.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + B64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return signingInput + "." + B64.encodeToString(hmac(signingInput));
  }

  /** The subject of a valid, unexpired token. */
  public String verify(String token, Instant now) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new AuthenticationFailed("x-auth-token is not a JWT");
    }
    byte[] signature;
    JsonObject claims;
    try {
      JsonObject header = parse(new String(B64D.decode(parts[0]), StandardCharsets.UTF_8));
      if (!"HS256".equals(header.getString("alg", ""))) {
        throw new AuthenticationFailed("JWT algorithm must be HS256");
      }
      signature = B64D.decode(parts[2]);
      claims = parse(new String(B64D.decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | jakarta.json.JsonException | ClassCastException e) {
      throw new AuthenticationFailed("JWT is malformed");
    }
    if (!MessageDigest.isEqual(hmac(parts[0] + "." + parts[1]), signature)) {
      throw new AuthenticationFailed("JWT signature is wrong");
    }
    if (!claims.containsKey("exp") || !claims.containsKey("sub")) {
      throw new AuthenticationFailed("JWT lacks sub or exp");
    }
    if (!now.isBefore(Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()))) {
      throw new AuthenticationFailed("JWT has expired");
    }
    return claims.getString("sub");
  }

  private static JsonObject parse(String json) {
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    }
  }

  private byte[] hmac(String input) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
    }
  }
}
