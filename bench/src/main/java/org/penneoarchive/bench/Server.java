package org.penneoarchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * One WildFly of the benchmark: its own base directory under the bench work folder (configuration
 * copied from the unpacked server and, for the product, configured by {@code configure.cli}), its
 * own port offset, always stopped by its process id. Its pid is written to {@code pids/NAME.pid} so
 * that {@code bench/run.sh} can stop it by pid if the harness itself dies.
 */
final class Server implements AutoCloseable {

  final String name;
  final Path home;
  final Path baseDir;
  final int offset;
  private final Path pidDir;
  private Process process;
  private final List<String> javaOptions = new ArrayList<>();
  private Path properties;
  private String readyPath = "/health/ready";
  private boolean readyOnManagement = true;

  Server(String name, Path home, Path work, int offset) {
    this.name = name;
    this.home = home;
    this.baseDir = work.resolve("server-" + name);
    this.pidDir = work.resolve("pids");
    this.offset = offset;
  }

  Server javaOptions(String... options) {
    javaOptions.addAll(List.of(options));
    return this;
  }

  Server properties(Path file) {
    this.properties = file;
    return this;
  }

  /** Ready when this path on the HTTP port (not the management port) answers 200. */
  Server readyAtHttp(String path) {
    this.readyPath = path;
    this.readyOnManagement = false;
    return this;
  }

  int httpPort() {
    return 8080 + offset;
  }

  int managementPort() {
    return 9990 + offset;
  }

  URI url(String path) {
    return URI.create("http://127.0.0.1:" + httpPort() + path);
  }

  /**
   * A fresh base directory: WildFly's stock configuration, then each CLI script applied offline
   * (the product's configure.cli first), users added, deployments copied for the scanner.
   */
  void prepare(List<Path> cliScripts, List<String[]> users, List<Path> deployments) {
    deleteTree(baseDir);
    copyTree(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
    for (Path cli : cliScripts) {
      run(
          List.of(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + cli),
          Map.of("JAVA_OPTS", "-Djboss.server.base.dir=" + baseDir),
          Duration.ofMinutes(3));
    }
    for (String[] u : users) {
      List<String> cmd = new ArrayList<>();
      cmd.add(home.resolve("bin/add-user.sh").toString());
      cmd.add("-a");
      cmd.add("-u");
      cmd.add(u[0]);
      cmd.add("-p");
      cmd.add(u[1]);
      cmd.add("-g");
      cmd.add(u[2]);
      cmd.add("-sc");
      cmd.add(baseDir.resolve("configuration").toString());
      cmd.add("-s");
      run(cmd, Map.of(), Duration.ofMinutes(1));
    }
    try {
      Files.createDirectories(baseDir.resolve("deployments"));
      for (Path d : deployments) {
        Files.copy(
            d,
            baseDir.resolve("deployments").resolve(d.getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Starts the server and waits until it is ready; answers the time from launch to ready. */
  Duration start(String serverConfig, Duration timeout) {
    StandaloneCommandBuilder command =
        StandaloneCommandBuilder.of(home)
            .setBaseDirectory(baseDir)
            .setServerConfiguration(serverConfig)
            .addJavaOptions("-Djava.net.preferIPv4Stack=true", "-Djava.awt.headless=true")
            .addJavaOptions(javaOptions)
            .addJavaOptions(
                "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1");
    if (properties != null) {
      command.addServerArgument("--properties=" + properties.toUri());
    }
    long t0 = System.nanoTime();
    try {
      process =
          Launcher.of(command)
              .setRedirectErrorStream(true)
              .redirectOutput(baseDir.resolve("console.log"))
              .launch();
      Files.createDirectories(pidDir);
      Files.writeString(pidDir.resolve(name + ".pid"), Long.toString(process.pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitReady(timeout);
    return Duration.ofNanos(System.nanoTime() - t0);
  }

  long pid() {
    return process.pid();
  }

  boolean isRunning() {
    return process != null && process.isAlive();
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    URI ready =
        URI.create(
            "http://127.0.0.1:" + (readyOnManagement ? managementPort() : httpPort()) + readyPath);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + ", see "
                + baseDir.resolve("console.log"));
      }
      try {
        var r =
            http.send(
                HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                HttpResponse.BodyHandlers.discarding());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(100);
    }
    stop();
    throw new IllegalStateException(name + " not ready within " + timeout);
  }

  /** A management operation through jboss-cli (local authentication as the same OS user). */
  String cli(String command) {
    return run(
        List.of(
            home.resolve("bin/jboss-cli.sh").toString(),
            "--connect",
            "--controller=remote+http://127.0.0.1:" + managementPort(),
            "--command=" + command),
        Map.of(),
        Duration.ofMinutes(1));
  }

  /** Starts a JFR recording (profile settings) in the server; {@link #jfrStop} dumps it. */
  void jfrStart(String recording) {
    run(
        List.of("jcmd", Long.toString(pid()), "JFR.start", "name=" + recording, "settings=profile"),
        Map.of(),
        Duration.ofMinutes(1));
  }

  Path jfrStop(String recording) {
    Path file = baseDir.getParent().resolve("jfr").resolve(name + "-" + recording + ".jfr");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    run(
        List.of("jcmd", Long.toString(pid()), "JFR.stop", "name=" + recording, "filename=" + file),
        Map.of(),
        Duration.ofMinutes(1));
    Bench.log("JFR recording " + file);
    return file;
  }

  /** Stops the server by its pid: SIGTERM, then SIGKILL after 60 s. */
  void stop() {
    if (process == null) {
      return;
    }
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(pidDir.resolve(name + ".pid"));
    } catch (IOException ignored) {
      // run.sh checks the pid before it kills anything
    }
  }

  @Override
  public void close() {
    stop();
  }

  static String run(List<String> command, Map<String, String> env, Duration timeout) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.environment().putAll(env);
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + command);
      }
      String text = new String(out);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "failed (" + p.exitValue() + "): " + String.join(" ", command) + "\n" + text);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void copyTree(Path source, Path target) {
    try (Stream<Path> files = Files.walk(source)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(source.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.toString().contains("standalone_xml_history")) {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path dir) {
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
