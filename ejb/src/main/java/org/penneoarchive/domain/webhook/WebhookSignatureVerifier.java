package org.penneoarchive.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place for the current webhook service's signature scheme.
 *
 * <p>Penneo sends {@code x-event-signature} but has not published its format; the reading used here
 * (API-FACTS.md) is {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}, where the HMAC is keyed with the
 * subscription's secret (its UTF-8 bytes) over the bytes of {@code t + "." + raw body}. Spaces
 * around entries, several {@code v1} entries and unknown other keys are tolerated. The comparison
 * is constant-time; a timestamp further than the tolerance from now is stale, which stops replays;
 * any of several secrets may match, for the overlap of a secret rotation. {@code
 * fixtures/webhook-signatures/} pins the scheme with signatures made by OpenSSL.
 */
public final class WebhookSignatureVerifier {

  /** Longest header read; a real one is under 100 characters. */
  public static final int MAX_HEADER_LENGTH = 1024;

  /** Most {@code v1} entries tried. */
  public static final int MAX_SIGNATURES = 8;

  /** Largest tolerance accepted: one day. */
  public static final Duration MAX_TOLERANCE = Duration.ofDays(1);

  private static final String ALGORITHM = "HmacSHA256";
  private static final int HEX_LENGTH = 64;

  private final Duration tolerance;
  private final Clock clock;

  /**
   * @param tolerance accepted clock skew between Penneo and us ({@code penneo.signature.tolerance},
   *     default 300 s); 0 to 1 day
   * @param clock the clock "now" is read from
   */
  public WebhookSignatureVerifier(Duration tolerance, Clock clock) {
    Objects.requireNonNull(tolerance, "tolerance");
    if (tolerance.isNegative() || tolerance.compareTo(MAX_TOLERANCE) > 0) {
      throw new IllegalArgumentException(
          "The signature tolerance must lie between 0 and 1 day, not " + tolerance + ".");
    }
    this.tolerance = tolerance;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Checks a call.
   *
   * @param signatureHeader the {@code x-event-signature} header, or {@code null}
   * @param rawBody the body exactly as received
   * @param secrets the subscription's secrets, current first; any may match
   */
  public Verification verify(String signatureHeader, byte[] rawBody, List<byte[]> secrets) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return Verification.refused(Verification.Outcome.MISSING, "no signature header");
    }
    if (signatureHeader.length() > MAX_HEADER_LENGTH) {
      return Verification.refused(
          Verification.Outcome.MALFORMED,
          "signature header longer than " + MAX_HEADER_LENGTH + " characters");
    }
    Long t = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String entry : signatureHeader.split(",", -1)) {
      String part = entry.strip();
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return Verification.refused(
            Verification.Outcome.MALFORMED, "signature header entry without key=value");
      }
      String key = part.substring(0, eq).strip();
      String value = part.substring(eq + 1).strip();
      if (key.equals("t")) {
        if (t != null) {
          return Verification.refused(
              Verification.Outcome.MALFORMED, "signature header has more than one t");
        }
        if (!value.matches("\\d{1,12}")) {
          return Verification.refused(
              Verification.Outcome.MALFORMED, "signature timestamp t is not Unix seconds");
        }
        t = Long.parseLong(value);
      } else if (key.equals("v1")) {
        if (value.length() != HEX_LENGTH || !value.matches("[0-9a-fA-F]+")) {
          return Verification.refused(
              Verification.Outcome.MALFORMED, "v1 is not 64 hexadecimal digits");
        }
        if (signatures.size() == MAX_SIGNATURES) {
          return Verification.refused(
              Verification.Outcome.MALFORMED,
              "signature header has more than " + MAX_SIGNATURES + " v1 entries");
        }
        signatures.add(HexFormat.of().parseHex(value));
      }
    }
    if (t == null) {
      return Verification.refused(Verification.Outcome.MALFORMED, "signature header has no t");
    }
    if (signatures.isEmpty()) {
      return Verification.refused(Verification.Outcome.MALFORMED, "signature header has no v1");
    }
    long skew = Math.abs(clock.instant().getEpochSecond() - t);
    if (skew > tolerance.getSeconds()) {
      return Verification.refused(
          Verification.Outcome.STALE,
          "signature timestamp is " + skew + " s from now, more than " + tolerance.getSeconds());
    }
    if (secrets == null || secrets.isEmpty()) {
      return Verification.refused(
          Verification.Outcome.MISMATCH, "no secret is configured for this subscription");
    }
    for (int i = 0; i < secrets.size(); i++) {
      byte[] secret = secrets.get(i);
      if (secret == null || secret.length == 0) {
        continue; // an unset secret matches nothing
      }
      byte[] expected = hmac(secret, t, rawBody);
      for (byte[] given : signatures) {
        if (MessageDigest.isEqual(expected, given)) {
          return Verification.valid(i);
        }
      }
    }
    return Verification.refused(
        Verification.Outcome.MISMATCH, "no v1 signature matches the subscription's secret");
  }

  /**
   * The header value Penneo would send for this body: {@code t=<t>,v1=<hex>}. Used by the sandbox,
   * tests and documentation.
   */
  public static String sign(byte[] secret, long t, byte[] body) {
    if (t < 0) {
      throw new IllegalArgumentException("A signature timestamp cannot be negative: " + t + ".");
    }
    return "t=" + t + ",v1=" + HexFormat.of().formatHex(hmac(secret, t, body));
  }

  private static byte[] hmac(byte[] secret, long t, byte[] body) {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(body, "body");
    if (secret.length == 0) {
      throw new IllegalArgumentException("A webhook secret cannot be empty.");
    }
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JDK.", e);
    }
  }
}
