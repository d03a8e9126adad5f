package org.penneosandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import org.penneosandbox.config.Account;

/** The authenticated account of the current request. */
final class Caller {
  private Caller() {}

  static Account of(HttpServletRequest request) {
    Object account = request.getAttribute(AuthenticationFilter.ACCOUNT);
    if (!(account instanceof Account a)) {
      throw new IllegalStateException("resource is not @Authenticated");
    }
    return a;
  }
}
