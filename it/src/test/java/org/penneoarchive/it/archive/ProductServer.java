package org.penneoarchive.it.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.penneoarchive.it.support.OwnServer;

/**
 * The product alone in a server the test starts and kills ({@link OwnServer}), talking to the
 * sandbox deployed in the Arquillian server: the sandbox (and its case files, which live in memory)
 * survives the product's crash. Its system properties are written for its own ports.
 */
final class ProductServer implements AutoCloseable {

  final OwnServer server;
  private final Path properties;

  /**
   * @param coalesceMillis {@code archive.coalesce-millis}: how long completions are collected into
   *     one job
   */
  ProductServer(
      String name,
      int portOffset,
      String maxHeap,
      URI sandbox,
      Path sandboxDataDir,
      long coalesceMillis) {
    this.server =
        new OwnServer(name, portOffset, maxHeap).prepare(Path.of(System.getProperty("ear.file")));
    this.properties = server.baseDir().resolve("archive-it.properties");
    withoutDeployments(server.baseDir().resolve("configuration/standalone-full.xml"));
    // 127.0.0.1, not localhost: OwnServer moves "localhost:8180/" URLs to its own port, and the
    // sandbox is not in this server.
    String penneo = sandbox.toString().replace("//localhost:", "//127.0.0.1:");
    String text =
        String.join(
            "\n",
            "app.public-url=http://localhost:" + (8080 + portOffset) + "/penneo-archive",
            "penneo.api.url=" + penneo + "/api/v3",
            "penneo.legacy-webhook.url=" + penneo + "/api/v1/webhook/subscriptions",
            "penneo.webhook.url=" + penneo + "/webhook/api/v1/subscriptions",
            "penneo.oauth.url=" + penneo + "/oauth/token",
            "penneo.auth=wsse",
            "penneo.api.key=user-key",
            "penneo.api.secret=user-secret",
            "penneo.archive-user.key=super-key",
            "penneo.archive-user.secret=super-secret",
            "archive.trust-store=" + sandboxDataDir.resolve("penneo-sandbox/ca/test-ca.p12"),
            "archive.trust-store.password=penneo-sandbox",
            "archive.coalesce-millis=" + coalesceMillis,
            "archive.retry-delay-millis=1000",
            "");
    try {
      Files.writeString(properties, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The configuration is copied from the Arquillian server, which records the sandbox deployed into
   * it while this test runs; its content is not copied, so the entry would stop the boot.
   */
  private static void withoutDeployments(Path standaloneXml) {
    try {
      String xml = Files.readString(standaloneXml);
      Files.writeString(standaloneXml, xml.replaceAll("(?s)<deployments>.*?</deployments>", ""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts (or starts again) the server with this product's properties. */
  void start() {
    String previous = System.getProperty("it.properties");
    System.setProperty("it.properties", properties.toString());
    try {
      server.start();
    } finally {
      System.setProperty("it.properties", previous);
    }
  }

  URI productUrl() {
    return server.productUrl();
  }

  Path archiveRoot() {
    return server.baseDir().resolve("data/penneo-archive/archive");
  }

  Path consoleLog() {
    return server.baseDir().resolve("console.log");
  }

  void kill() throws InterruptedException {
    server.kill();
  }

  @Override
  public void close() throws InterruptedException {
    server.close();
  }
}
