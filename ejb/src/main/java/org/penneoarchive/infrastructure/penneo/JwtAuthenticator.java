package org.penneoarchive.infrastructure.penneo;

import java.net.http.HttpRequest;
import java.util.Objects;

/**
 * Penneo's JWT scheme: the token, issued outside the product ({@code penneo.jwt.token}; the sandbox
 * issues one from its control API), sent as {@code x-auth-token}.
 *
 * <p>Configuration holds one token, so both identities use it; the product cannot renew it, so a
 * {@code 401} is final.
 */
public final class JwtAuthenticator implements PenneoAuthenticator {

  private final String token;

  public JwtAuthenticator(String token) {
    this.token = Objects.requireNonNull(token, "token");
  }

  @Override
  public void authenticate(HttpRequest.Builder request, Identity who) {
    request.header("x-auth-token", token);
  }

  @Override
  public String toString() {
    return "JwtAuthenticator[token=***]";
  }
}
