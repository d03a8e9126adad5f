package org.penneoarchive.infrastructure.penneo;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the {@link PenneoClient} needs to know about the Penneo it talks to, validated once.
 *
 * <p>Built by the CDI producer from the {@code penneo.*} keys of MicroProfile Config (see
 * CONTRACT.md). The URLs are also the only hosts the client will ever call: a URL that comes from
 * anywhere else (a {@code Link} header, a notification body) is followed only if its scheme, host
 * and port are those of one of these.
 *
 * <p>{@link #toString()} hides the OAuth client secret and the JWT; {@link Credentials} hide their
 * own secrets.
 *
 * @param apiUrl REST base, e.g. {@code https://app.penneo.com/api/v3} ({@code penneo.api.url})
 * @param legacyWebhookUrl legacy subscriptions, e.g. {@code …/api/v1/webhook/subscriptions}
 * @param webhookUrl current subscriptions, e.g. {@code …/webhook/api/v1/subscriptions}
 * @param oauthUrl the OAuth token endpoint itself, e.g. {@code
 *     https://login.penneo.com/oauth/token}; required for {@link AuthMode#OAUTH} only
 * @param mode the authentication scheme ({@code penneo.auth})
 * @param subscriber API keys of the subscribing user; required for WSSE and OAuth
 * @param archiveUser API keys of the super API user; required for WSSE and OAuth
 * @param oauthClientId OAuth client id; required for OAuth
 * @param oauthClientSecret OAuth client secret; required for OAuth
 * @param jwtToken the token sent as {@code x-auth-token} for both identities; required for JWT
 * @param connectTimeout the longest wait to open a connection
 * @param readTimeout the longest wait for the response headers, and the longest silence while a
 *     body is being read
 * @param retry when and how calls are retried
 * @param limits bounds on what Penneo may send back
 */
public record PenneoClientConfig(
    URI apiUrl,
    URI legacyWebhookUrl,
    URI webhookUrl,
    URI oauthUrl,
    AuthMode mode,
    Credentials subscriber,
    Credentials archiveUser,
    String oauthClientId,
    String oauthClientSecret,
    String jwtToken,
    Duration connectTimeout,
    Duration readTimeout,
    RetryPolicy retry,
    Limits limits) {

  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Bounds on Penneo's answers, so that a faulty or hostile server cannot exhaust memory, disk or
   * time.
   *
   * @param maxJsonBytes largest JSON answer read (default 4 MiB)
   * @param maxDocumentBytes largest PDF streamed (default 2 GiB, as {@code
   *     archive.max-document-bytes})
   * @param maxPages most pages one listing follows (default 10 000)
   * @param pageSize {@code per_page} asked for in case-file searches (default 100)
   */
  public record Limits(long maxJsonBytes, long maxDocumentBytes, int maxPages, int pageSize) {

    public static final long DEFAULT_MAX_JSON_BYTES = 4L * 1024 * 1024;
    public static final long DEFAULT_MAX_DOCUMENT_BYTES = 2L * 1024 * 1024 * 1024;
    public static final int DEFAULT_MAX_PAGES = 10_000;
    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Checks that every bound is positive. */
    public Limits {
      if (maxJsonBytes < 1024 || maxJsonBytes > Integer.MAX_VALUE - 16) {
        throw new IllegalArgumentException(
            "The JSON size limit must be between 1 KiB and 2 GiB, but was " + maxJsonBytes);
      }
      if (maxDocumentBytes < 1) {
        throw new IllegalArgumentException(
            "The document size limit must be positive, but was " + maxDocumentBytes);
      }
      if (maxPages < 1) {
        throw new IllegalArgumentException("The page limit must be positive, but was " + maxPages);
      }
      if (pageSize < 1 || pageSize > 1000) {
        throw new IllegalArgumentException(
            "The page size must be between 1 and 1000, but was " + pageSize);
      }
    }

    /** The defaults given above. */
    public static Limits defaults() {
      return new Limits(
          DEFAULT_MAX_JSON_BYTES, DEFAULT_MAX_DOCUMENT_BYTES, DEFAULT_MAX_PAGES, DEFAULT_PAGE_SIZE);
    }
  }

  /**
   * Validates the whole configuration.
   *
   * @throws IllegalArgumentException naming the first setting that is missing or malformed (the
   *     message never holds a secret)
   */
  public PenneoClientConfig {
    if (mode == null) {
      throw new IllegalArgumentException("penneo.auth is required (wsse, oauth or jwt)");
    }
    requireHttpUrl(apiUrl, "penneo.api.url");
    requireHttpUrl(legacyWebhookUrl, "penneo.legacy-webhook.url");
    requireHttpUrl(webhookUrl, "penneo.webhook.url");
    if (oauthUrl != null || mode == AuthMode.OAUTH) {
      requireHttpUrl(oauthUrl, "penneo.oauth.url");
    }
    switch (mode) {
      case WSSE:
      case OAUTH:
        if (subscriber == null) {
          throw new IllegalArgumentException(
              "penneo.api.key and penneo.api.secret are required for penneo.auth="
                  + mode.name().toLowerCase(Locale.ROOT));
        }
        if (archiveUser == null) {
          throw new IllegalArgumentException(
              "penneo.archive-user.key and penneo.archive-user.secret are required for"
                  + " penneo.auth="
                  + mode.name().toLowerCase(Locale.ROOT));
        }
        if (mode == AuthMode.OAUTH) {
          if (oauthClientId == null || oauthClientId.isBlank()) {
            throw new IllegalArgumentException(
                "penneo.oauth.client-id is required for penneo.auth=oauth");
          }
          if (oauthClientSecret == null || oauthClientSecret.isEmpty()) {
            throw new IllegalArgumentException(
                "penneo.oauth.client-secret is required for penneo.auth=oauth");
          }
        }
        break;
      case JWT:
        if (jwtToken == null || jwtToken.isBlank()) {
          throw new IllegalArgumentException("penneo.jwt.token is required for penneo.auth=jwt");
        }
        if (jwtToken.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
          throw new IllegalArgumentException(
              "penneo.jwt.token must be printable ASCII without spaces");
        }
        break;
      default:
        throw new IllegalStateException("Unknown auth mode " + mode);
    }
    requirePositive(connectTimeout, "The Penneo connect timeout");
    requirePositive(readTimeout, "The Penneo read timeout");
    Objects.requireNonNull(retry, "The Penneo retry policy is required");
    Objects.requireNonNull(limits, "The Penneo response limits are required");
  }

  private static void requireHttpUrl(URI url, String key) {
    if (url == null) {
      throw new IllegalArgumentException(key + " is required");
    }
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
      throw new IllegalArgumentException(
          key + " must be an absolute http or https URL, but was '" + url + "'");
    }
    if (url.getHost() == null || url.getHost().isEmpty()) {
      throw new IllegalArgumentException(key + " must name a host, but was '" + url + "'");
    }
    if (url.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          key + " must not carry credentials in the URL; use the penneo.* credential keys");
    }
    if (url.getRawQuery() != null || url.getRawFragment() != null) {
      throw new IllegalArgumentException(
          key + " must not have a query or a fragment, but was '" + url + "'");
    }
  }

  private static void requirePositive(Duration d, String what) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be a positive duration, but was " + d);
    }
  }

  /** A builder with the default time-outs, retry policy and limits. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String toString() {
    return "PenneoClientConfig[apiUrl="
        + apiUrl
        + ", legacyWebhookUrl="
        + legacyWebhookUrl
        + ", webhookUrl="
        + webhookUrl
        + ", oauthUrl="
        + oauthUrl
        + ", mode="
        + mode
        + ", subscriber="
        + subscriber
        + ", archiveUser="
        + archiveUser
        + ", oauthClientId="
        + oauthClientId
        + ", oauthClientSecret="
        + (oauthClientSecret == null ? "null" : "***")
        + ", jwtToken="
        + (jwtToken == null ? "null" : "***")
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", retry="
        + retry
        + ", limits="
        + limits
        + "]";
  }

  /** Builds a {@link PenneoClientConfig}; validation happens in {@link #build()}. */
  public static final class Builder {
    private URI apiUrl;
    private URI legacyWebhookUrl;
    private URI webhookUrl;
    private URI oauthUrl;
    private AuthMode mode;
    private Credentials subscriber;
    private Credentials archiveUser;
    private String oauthClientId;
    private String oauthClientSecret;
    private String jwtToken;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = DEFAULT_READ_TIMEOUT;
    private RetryPolicy retry = RetryPolicy.defaults();
    private Limits limits = Limits.defaults();

    private Builder() {}

    public Builder apiUrl(URI apiUrl) {
      this.apiUrl = apiUrl;
      return this;
    }

    public Builder legacyWebhookUrl(URI legacyWebhookUrl) {
      this.legacyWebhookUrl = legacyWebhookUrl;
      return this;
    }

    public Builder webhookUrl(URI webhookUrl) {
      this.webhookUrl = webhookUrl;
      return this;
    }

    public Builder oauthUrl(URI oauthUrl) {
      this.oauthUrl = oauthUrl;
      return this;
    }

    public Builder mode(AuthMode mode) {
      this.mode = mode;
      return this;
    }

    public Builder subscriber(Credentials subscriber) {
      this.subscriber = subscriber;
      return this;
    }

    public Builder archiveUser(Credentials archiveUser) {
      this.archiveUser = archiveUser;
      return this;
    }

    public Builder oauthClient(String clientId, String clientSecret) {
      this.oauthClientId = clientId;
      this.oauthClientSecret = clientSecret;
      return this;
    }

    public Builder jwtToken(String jwtToken) {
      this.jwtToken = jwtToken;
      return this;
    }

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder readTimeout(Duration readTimeout) {
      this.readTimeout = readTimeout;
      return this;
    }

    public Builder retry(RetryPolicy retry) {
      this.retry = retry;
      return this;
    }

    public Builder limits(Limits limits) {
      this.limits = limits;
      return this;
    }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException as the record's constructor
     */
    public PenneoClientConfig build() {
      return new PenneoClientConfig(
          apiUrl,
          legacyWebhookUrl,
          webhookUrl,
          oauthUrl,
          mode,
          subscriber,
          archiveUser,
          oauthClientId,
          oauthClientSecret,
          jwtToken,
          connectTimeout,
          readTimeout,
          retry,
          limits);
    }
  }
}
