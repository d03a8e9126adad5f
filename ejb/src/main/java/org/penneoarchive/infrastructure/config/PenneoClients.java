package org.penneoarchive.infrastructure.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.penneoarchive.infrastructure.penneo.AuthMode;
import org.penneoarchive.infrastructure.penneo.Credentials;
import org.penneoarchive.infrastructure.penneo.PenneoClient;
import org.penneoarchive.infrastructure.penneo.PenneoClientConfig;
import org.penneoarchive.infrastructure.penneo.RetryPolicy;

/**
 * The one Penneo client of the application, built from MicroProfile Config ({@code penneo.*}) on
 * first use, so that the product starts (and receives webhooks) even before Penneo credentials are
 * configured; a call then fails with a message naming the missing key. Secrets are never logged.
 */
@ApplicationScoped
public class PenneoClients {

  private static final Logger LOG = Logger.getLogger(PenneoClients.class.getName());

  private volatile PenneoClient client;

  /** The shared client; throws {@link PenneoNotConfiguredException} when configuration is bad. */
  public PenneoClient client() {
    PenneoClient c = client;
    if (c == null) {
      synchronized (this) {
        c = client;
        if (c == null) {
          c = new PenneoClient(config(ConfigProvider.getConfig()));
          client = c;
        }
      }
    }
    return c;
  }

  /** The configured REST base, e.g. {@code https://app.penneo.com/api/v3}. */
  public URI apiUrl() {
    return URI.create(ConfigProvider.getConfig().getValue("penneo.api.url", String.class));
  }

  static PenneoClientConfig config(Config config) {
    try {
      AuthMode mode = AuthMode.parse(config.getValue("penneo.auth", String.class));
      PenneoClientConfig.Builder b =
          PenneoClientConfig.builder()
              .apiUrl(uri(config, "penneo.api.url"))
              .legacyWebhookUrl(uri(config, "penneo.legacy-webhook.url"))
              .webhookUrl(uri(config, "penneo.webhook.url"))
              .mode(mode)
              .connectTimeout(
                  Duration.ofSeconds(
                      config.getOptionalValue("penneo.connect-timeout", Long.class).orElse(10L)))
              .readTimeout(
                  Duration.ofSeconds(
                      config.getOptionalValue("penneo.read-timeout", Long.class).orElse(30L)))
              .retry(RetryPolicy.defaults());
      config
          .getOptionalValue("penneo.oauth.url", String.class)
          .map(URI::create)
          .ifPresent(b::oauthUrl);
      credentials(config, "penneo.api.key", "penneo.api.secret").ifPresent(b::subscriber);
      credentials(config, "penneo.archive-user.key", "penneo.archive-user.secret")
          .ifPresent(b::archiveUser);
      var clientId = config.getOptionalValue("penneo.oauth.client-id", String.class);
      var clientSecret = config.getOptionalValue("penneo.oauth.client-secret", String.class);
      if (clientId.isPresent() && clientSecret.isPresent()) {
        b.oauthClient(clientId.get(), clientSecret.get());
      }
      config.getOptionalValue("penneo.jwt.token", String.class).ifPresent(b::jwtToken);
      PenneoClientConfig built = b.build();
      LOG.info(() -> "Penneo client for " + built.apiUrl() + " with " + mode + " authentication");
      return built;
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      throw new PenneoNotConfiguredException(e.getMessage());
    }
  }

  private static URI uri(Config config, String key) {
    return URI.create(config.getValue(key, String.class));
  }

  private static java.util.Optional<Credentials> credentials(
      Config config, String keyName, String secretName) {
    var key = config.getOptionalValue(keyName, String.class);
    var secret = config.getOptionalValue(secretName, String.class);
    return key.isPresent() && secret.isPresent()
        ? java.util.Optional.of(new Credentials(key.get(), secret.get()))
        : java.util.Optional.empty();
  }
}
