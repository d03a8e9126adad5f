package org.penneoarchive.infrastructure.penneo;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Penneo's legacy WS-Security UsernameToken scheme.
 *
 * <p>Each request carries {@code Authorization: WSSE profile="UsernameToken"} and {@code X-WSSE:
 * UsernameToken Username="key", PasswordDigest="d", Nonce="n", Created="c"} with {@code d =
 * base64(SHA-1(nonce bytes + c + secret))}, {@code n} the base64 of 16 fresh random bytes (24
 * characters, within Penneo's 64) and {@code c} the UTC time to the second. A fresh nonce per
 * attempt matters: Penneo refuses a nonce it has seen, so a retry must never repeat one.
 */
public final class WsseAuthenticator implements PenneoAuthenticator {

  static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private static final int NONCE_BYTES = 16;

  private final Map<Identity, Credentials> credentials;
  private final SecureRandom random;
  private final InstantSource clock;

  /** WSSE with a system clock and a {@link SecureRandom} nonce. */
  public WsseAuthenticator(Credentials subscriber, Credentials archiveUser) {
    this(subscriber, archiveUser, new SecureRandom(), InstantSource.system());
  }

  WsseAuthenticator(
      Credentials subscriber, Credentials archiveUser, SecureRandom random, InstantSource clock) {
    Map<Identity, Credentials> m = new EnumMap<>(Identity.class);
    m.put(Identity.SUBSCRIBER, Objects.requireNonNull(subscriber, "subscriber"));
    m.put(Identity.ARCHIVE, Objects.requireNonNull(archiveUser, "archiveUser"));
    this.credentials = m;
    this.random = Objects.requireNonNull(random, "random");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void authenticate(HttpRequest.Builder request, Identity who) {
    Credentials c = credentials.get(Objects.requireNonNull(who, "who"));
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    String created = CREATED.format(clock.instant().truncatedTo(ChronoUnit.SECONDS));
    String digest = digest(nonce, created, c.secret());
    request.header("Authorization", "WSSE profile=\"UsernameToken\"");
    request.header(
        "X-WSSE",
        "UsernameToken Username=\""
            + c.key()
            + "\", PasswordDigest=\""
            + digest
            + "\", Nonce=\""
            + Base64.getEncoder().encodeToString(nonce)
            + "\", Created=\""
            + created
            + "\"");
  }

  /**
   * {@code base64(SHA-1(nonce + text + secret))}, the digest shared by WSSE and the OAuth {@code
   * api_keys} grant (text and secret as UTF-8).
   */
  static String digest(byte[] nonce, String text, String secret) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(nonce);
      sha1.update(text.getBytes(StandardCharsets.UTF_8));
      sha1.update(secret.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this Java runtime", e);
    }
  }
}
