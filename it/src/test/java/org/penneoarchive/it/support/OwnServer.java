package org.penneoarchive.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * A WildFly that a test starts, kills with SIGKILL and starts again by itself — for the crash
 * tests, which cannot use Arquillian's server. It has its own base directory (configured by the
 * build like the IT server's, with the same test users) and its own port offset, deploys the
 * product EAR through the deployment scanner, and is always stopped by its process.
 */
public final class OwnServer implements AutoCloseable {

  private final Path baseDir;
  private final int portOffset;
  private final String maxHeap;
  private Process process;

  public OwnServer(String name, int portOffset, String maxHeap) {
    this.baseDir = Path.of(System.getProperty("it.base.dir")).resolveSibling("server-" + name);
    this.portOffset = portOffset;
    this.maxHeap = maxHeap;
  }

  /** A fresh base directory: the IT server's configuration, empty data, the EAR to deploy. */
  public OwnServer prepare(Path... deployments) {
    deleteTree(baseDir);
    Path source = Path.of(System.getProperty("it.base.dir")).resolve("configuration");
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path target = baseDir.resolve("configuration").resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (!p.toString().contains("standalone_xml_history")) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.createDirectories(baseDir.resolve("deployments"));
      for (Path d : deployments) {
        Files.copy(d, baseDir.resolve("deployments").resolve(d.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public void start() {
    StandaloneCommandBuilder command =
        StandaloneCommandBuilder.of(Path.of(System.getProperty("jboss.home")))
            .setBaseDirectory(baseDir)
            .setServerConfiguration("standalone-full.xml")
            .addJavaOptions(
                "-Xms128m",
                "-Xmx" + maxHeap,
                "-Djava.net.preferIPv4Stack=true",
                "-Djava.awt.headless=true",
                "-Djboss.socket.binding.port-offset=" + portOffset)
            .addServerArgument("--properties=" + ownProperties().toUri());
    try {
      process =
          Launcher.of(command)
              .setRedirectErrorStream(true)
              .redirectOutput(baseDir.resolve("console.log"))
              .launch();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(Duration.ofSeconds(180));
  }

  /**
   * The IT server's system properties with its URLs (port 8180) moved to this server's port, so
   * that the product here talks to the sandbox deployed here.
   */
  private Path ownProperties() {
    try {
      String text = Files.readString(Path.of(System.getProperty("it.properties")));
      Path own = baseDir.resolve("server.properties");
      Files.writeString(
          own, text.replace("localhost:8180/", "localhost:" + (8080 + portOffset) + "/"));
      return own;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** SIGKILL: no graceful shutdown, nothing drained or flushed. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("server process " + process.pid() + " did not die");
    }
  }

  public URI productUrl() {
    return URI.create("http://localhost:" + (8080 + portOffset) + "/penneo-archive");
  }

  public URI readinessUrl() {
    return URI.create("http://localhost:" + (9990 + portOffset) + "/health/ready");
  }

  public Path baseDir() {
    return baseDir;
  }

  private void awaitReady(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "server exited with "
                + process.exitValue()
                + ", see "
                + baseDir.resolve("console.log"));
      }
      try {
        if (Http.get(readinessUrl(), null).statusCode() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("server not ready within " + timeout);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
