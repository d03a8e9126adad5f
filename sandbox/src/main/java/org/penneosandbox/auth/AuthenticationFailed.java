package org.penneosandbox.auth;

/** Credentials were missing, malformed, stale, reused or wrong: the caller gets 401. */
public class AuthenticationFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AuthenticationFailed(String message) {
    super(message);
  }
}
