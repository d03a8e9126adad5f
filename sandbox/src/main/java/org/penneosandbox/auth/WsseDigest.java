package org.penneosandbox.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The digest shared by WSSE and the OAuth {@code api_keys} grant: {@code base64(SHA1(nonce bytes +
 * created + secret))}, where the nonce travels base64-encoded.
 */
public final class WsseDigest {

  private WsseDigest() {}

  public static String compute(byte[] nonce, String created, String secret) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(nonce);
      sha1.update(created.getBytes(StandardCharsets.UTF_8));
      sha1.update(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 missing from the JDK", e);
    }
  }

  /** Constant-time comparison, so that a wrong digest does not leak how much of it was right. */
  public static boolean matches(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
  }

  public static byte[] decodeNonce(String base64Nonce) {
    try {
      return Base64.getDecoder().decode(base64Nonce);
    } catch (IllegalArgumentException e) {
      throw new AuthenticationFailed("nonce is not base64");
    }
  }

  /** WSSE sends {@code 2025-02-19T13:01:55Z}; the OAuth grant sends milliseconds too. */
  public static Instant parseCreated(String created) {
    try {
      return Instant.parse(created);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(created).toInstant();
      } catch (DateTimeParseException e2) {
        throw new AuthenticationFailed("created time is not ISO-8601: " + created);
      }
    }
  }
}
