package org.penneoarchive.infrastructure.penneo;

import java.net.http.HttpRequest;

/**
 * Adds Penneo credentials to a request, as one of the identities.
 *
 * <p>One interface for the three schemes Penneo accepts ({@link WsseAuthenticator}, {@link
 * OAuthApiKeysAuthenticator}, {@link JwtAuthenticator}), so that the client and its retries do not
 * care which one the configuration chose. It is called for every attempt, so a scheme that needs a
 * fresh nonce per request gets one. Implementations are thread-safe and never log a secret.
 */
public interface PenneoAuthenticator {

  /**
   * Adds the headers that authenticate {@code who} to the request.
   *
   * @throws PenneoApiException when credentials cannot be obtained (e.g. the OAuth server refuses)
   */
  void authenticate(HttpRequest.Builder request, Identity who);

  /**
   * Told that Penneo answered {@code 401} to a request built with {@link #authenticate}.
   *
   * @param rejected the request Penneo refused, to see which credential it carried
   * @return whether a new attempt may succeed (a cached token was dropped); the client then tries
   *     once more
   */
  default boolean onUnauthorized(Identity who, HttpRequest rejected) {
    return false;
  }
}
