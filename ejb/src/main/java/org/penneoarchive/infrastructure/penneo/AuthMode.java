package org.penneoarchive.infrastructure.penneo;

import java.util.Locale;

/**
 * How the client authenticates at Penneo, chosen by {@code penneo.auth}.
 *
 * <p>Penneo serves the same API under three schemes; the product must work with any of them because
 * customers and the sandbox differ in what they issue.
 */
public enum AuthMode {
  /** Legacy WS-Security UsernameToken digest with the API key and secret, fresh per request. */
  WSSE,
  /** OAuth 2.0 {@code api_keys} grant: API key digest exchanged for a short-lived bearer token. */
  OAUTH,
  /** A JSON Web Token sent as {@code x-auth-token}, issued outside the product. */
  JWT;

  /**
   * Reads the configuration value ({@code wsse}, {@code oauth} or {@code jwt}, any case).
   *
   * @throws IllegalArgumentException naming the accepted values when {@code value} is none of them
   */
  public static AuthMode parse(String value) {
    if (value != null) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "wsse":
          return WSSE;
        case "oauth":
          return OAUTH;
        case "jwt":
          return JWT;
        default:
          break;
      }
    }
    throw new IllegalArgumentException(
        "penneo.auth must be one of wsse, oauth or jwt, but was '" + value + "'");
  }
}
