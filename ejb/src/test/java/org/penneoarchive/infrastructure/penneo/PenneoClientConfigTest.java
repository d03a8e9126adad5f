package org.penneoarchive.infrastructure.penneo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class PenneoClientConfigTest {

  private static PenneoClientConfig.Builder valid(AuthMode mode) {
    return PenneoClientConfig.builder()
        .apiUrl(URI.create("https://app.penneo.com/api/v3"))
        .legacyWebhookUrl(URI.create("https://app.penneo.com/api/v1/webhook/subscriptions"))
        .webhookUrl(URI.create("https://app.penneo.com/webhook/api/v1/subscriptions"))
        .oauthUrl(URI.create("https://login.penneo.com/oauth/token"))
        .mode(mode)
        .subscriber(new Credentials("user-key", "user-secret"))
        .archiveUser(new Credentials("super-key", "super-secret"))
        .oauthClient("client", "client-secret-value")
        .jwtToken("jwt.token.value");
  }

  private static String refusal(AuthMode mode, UnaryOperator<PenneoClientConfig.Builder> change) {
    return assertThrows(IllegalArgumentException.class, () -> change.apply(valid(mode)).build())
        .getMessage();
  }

  @Test
  void acceptsEachModeWithItsCredentials() {
    for (AuthMode mode : AuthMode.values()) {
      PenneoClientConfig c = valid(mode).build();
      assertEquals(mode, c.mode());
      assertEquals(PenneoClientConfig.DEFAULT_READ_TIMEOUT, c.readTimeout());
      assertEquals(5, c.retry().maxAttempts());
      assertEquals(4L * 1024 * 1024, c.limits().maxJsonBytes());
    }
  }

  @Test
  void refusesUrlsThatAreNotAbsoluteHttp() {
    assertEquals(
        "penneo.api.url must be an absolute http or https URL, but was '/api/v3'",
        refusal(AuthMode.WSSE, b -> b.apiUrl(URI.create("/api/v3"))));
    assertTrue(
        refusal(AuthMode.WSSE, b -> b.webhookUrl(URI.create("ftp://penneo.com/x")))
            .startsWith("penneo.webhook.url must be an absolute http or https URL"));
    assertEquals(
        "penneo.legacy-webhook.url is required",
        refusal(AuthMode.WSSE, b -> b.legacyWebhookUrl(null)));
    assertTrue(
        refusal(AuthMode.WSSE, b -> b.apiUrl(URI.create("https://u:p@app.penneo.com/api/v3")))
            .contains("must not carry credentials"));
    assertTrue(
        refusal(AuthMode.WSSE, b -> b.apiUrl(URI.create("https://app.penneo.com/api/v3?x=1")))
            .contains("must not have a query"));
  }

  @Test
  void refusesMissingCredentialsForTheMode() {
    assertEquals(
        "penneo.api.key and penneo.api.secret are required for penneo.auth=wsse",
        refusal(AuthMode.WSSE, b -> b.subscriber(null)));
    assertTrue(
        refusal(AuthMode.OAUTH, b -> b.archiveUser(null))
            .startsWith("penneo.archive-user.key and penneo.archive-user.secret are required"));
    assertEquals(
        "penneo.oauth.client-id is required for penneo.auth=oauth",
        refusal(AuthMode.OAUTH, b -> b.oauthClient(" ", "s")));
    assertEquals("penneo.oauth.url is required", refusal(AuthMode.OAUTH, b -> b.oauthUrl(null)));
    assertEquals(
        "penneo.jwt.token is required for penneo.auth=jwt",
        refusal(AuthMode.JWT, b -> b.jwtToken("")));
    assertEquals(
        "penneo.auth is required (wsse, oauth or jwt)", refusal(AuthMode.WSSE, b -> b.mode(null)));
    // JWT needs no API keys.
    valid(AuthMode.JWT).subscriber(null).archiveUser(null).oauthUrl(null).build();
  }

  @Test
  void refusesNonPositiveTimeouts() {
    assertTrue(
        refusal(AuthMode.WSSE, b -> b.readTimeout(Duration.ZERO))
            .startsWith("The Penneo read timeout must be a positive duration"));
  }

  @Test
  void neverShowsSecrets() {
    PenneoClientConfig c = valid(AuthMode.OAUTH).build();
    String text = c.toString();
    for (String secret :
        new String[] {"user-secret", "super-secret", "client-secret-value", "jwt.token.value"}) {
      assertFalse(text.contains(secret), secret + " shown in " + text);
    }
    assertTrue(text.contains("user-key"));
    assertEquals("Credentials[key=k, secret=***]", new Credentials("k", "s3cr3t").toString());
    String error =
        assertThrows(IllegalArgumentException.class, () -> new Credentials("k", "")).getMessage();
    assertEquals("The Penneo API secret for key 'k' is required but was empty", error);
  }

  @Test
  void readsTheAuthModeFromConfiguration() {
    assertEquals(AuthMode.OAUTH, AuthMode.parse(" OAuth "));
    assertEquals(
        "penneo.auth must be one of wsse, oauth or jwt, but was 'basic'",
        assertThrows(IllegalArgumentException.class, () -> AuthMode.parse("basic")).getMessage());
  }
}
