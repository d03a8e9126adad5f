package org.penneoarchive.application.subscription;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Endpoint keys: 256 random bits, URL-safe base64 without padding (43 characters of {@code
 * [A-Za-z0-9_-]}). A key is the only thing that routes an anonymous webhook call to a subscription,
 * so it must be unguessable; calls with a malformed key are refused before any database lookup.
 */
public final class EndpointKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  private EndpointKeys() {}

  public static String newKey() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isWellFormed(String key) {
    return key != null && WELL_FORMED.matcher(key).matches();
  }
}
