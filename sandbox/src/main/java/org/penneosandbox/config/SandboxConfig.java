package org.penneosandbox.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Settings fixed for the life of a deployment, read once from system properties (each with the
 * default named in CONTRACT.md). Plain class so that unit tests can build one from a Properties.
 */
public final class SandboxConfig {

  public static final long CUSTOMER_ID = 7001;

  private final List<Account> accounts;
  private final String oauthClientId;
  private final String oauthClientSecret;
  private final Path dataDir;
  private final boolean demo;
  private final long uploadMaxBytes;
  private final long documentMaxBytes;
  private final int defaultTokenTtlSeconds;
  private final int defaultWsseToleranceSeconds;
  private final int defaultMaxActiveSubscriptions;

  public SandboxConfig(Properties p) {
    this.accounts =
        List.of(
            new Account(
                "super",
                p.getProperty("sandbox.super.key", "super-key"),
                p.getProperty("sandbox.super.secret", "super-secret"),
                7101,
                CUSTOMER_ID,
                true),
            new Account(
                "user",
                p.getProperty("sandbox.user.key", "user-key"),
                p.getProperty("sandbox.user.secret", "user-secret"),
                7102,
                CUSTOMER_ID,
                false));
    this.oauthClientId = p.getProperty("sandbox.oauth.client-id", "sandbox-client");
    this.oauthClientSecret = p.getProperty("sandbox.oauth.client-secret", "sandbox-client-secret");
    String dir = p.getProperty("sandbox.data.dir");
    if (dir == null) {
      String serverData =
          p.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir"));
      dir = Path.of(serverData, "penneo-sandbox").toString();
    }
    this.dataDir = Path.of(dir);
    this.demo = Boolean.parseBoolean(p.getProperty("app.demo", "false"));
    this.uploadMaxBytes = Long.parseLong(p.getProperty("sandbox.upload.max-bytes", "52428800"));
    this.documentMaxBytes =
        Long.parseLong(p.getProperty("sandbox.document.max-bytes", "1073741824"));
    this.defaultTokenTtlSeconds =
        Integer.parseInt(p.getProperty("sandbox.oauth.token-ttl-seconds", "600"));
    this.defaultWsseToleranceSeconds =
        Integer.parseInt(p.getProperty("sandbox.wsse.tolerance-seconds", "300"));
    this.defaultMaxActiveSubscriptions =
        Integer.parseInt(p.getProperty("sandbox.webhook.max-active", "100"));
  }

  /**
   * System properties; {@code app.demo} may also come from the environment ({@code APP_DEMO}), as
   * the product's MicroProfile Config reads it.
   */
  public static SandboxConfig fromSystemProperties() {
    Properties p = new Properties();
    p.putAll(System.getProperties());
    String env = System.getenv("APP_DEMO");
    if (env != null && !p.containsKey("app.demo")) {
      p.setProperty("app.demo", env);
    }
    return new SandboxConfig(p);
  }

  public List<Account> accounts() {
    return accounts;
  }

  public Optional<Account> accountByKey(String key) {
    return accounts.stream().filter(a -> a.key().equals(key)).findFirst();
  }

  /** The account behind an owner name of the control API ("super" or "user"). */
  public Optional<Account> accountByName(String name) {
    return accounts.stream().filter(a -> a.name().equals(name)).findFirst();
  }

  public Optional<Account> accountByUserId(long userId) {
    return accounts.stream().filter(a -> a.userId() == userId).findFirst();
  }

  public String oauthClientId() {
    return oauthClientId;
  }

  public String oauthClientSecret() {
    return oauthClientSecret;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean demo() {
    return demo;
  }

  public long uploadMaxBytes() {
    return uploadMaxBytes;
  }

  public long documentMaxBytes() {
    return documentMaxBytes;
  }

  public int defaultTokenTtlSeconds() {
    return defaultTokenTtlSeconds;
  }

  public int defaultWsseToleranceSeconds() {
    return defaultWsseToleranceSeconds;
  }

  public int defaultMaxActiveSubscriptions() {
    return defaultMaxActiveSubscriptions;
  }
}
