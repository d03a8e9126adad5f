package org.penneosandbox.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Instant;
import org.penneosandbox.Sandbox;
import org.penneosandbox.config.Account;

/**
 * Asks the authenticator who is calling and keeps the account as a request property (which a
 * servlet container mirrors as a request attribute, read by {@link Caller}). Refusals become 401
 * through {@link ErrorMappers}.
 */
@Provider
@Authenticated
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {

  static final String ACCOUNT = "org.penneosandbox.account";

  @Inject Sandbox sandbox;

  @Override
  public void filter(ContainerRequestContext request) {
    Account account = sandbox.authenticator().authenticate(request::getHeaderString, Instant.now());
    request.setProperty(ACCOUNT, account);
  }
}
