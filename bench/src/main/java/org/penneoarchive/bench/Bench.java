package org.penneoarchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark harness (run by {@code bench/run.sh}). Starts its own servers on loopback (product
 * at port offset 1000 → 9080, sandbox at 1100 → 9180), measures the figures of issue 7 each beside
 * its ceiling, writes {@code bench/results/latest.json} and prints a table. Every loop is bounded
 * in count and time; every server is stopped by its pid.
 */
public final class Bench {

  static final String USER = "bench";
  static final String PASSWORD = "bench-Pa55!";
  static final int PRODUCT_OFFSET = 1000;
  static final int SANDBOX_OFFSET = 1100;

  final boolean quick;
  final Set<String> only;
  final Path repo;
  final Path home;
  final Path work;
  final Path ear;
  final Path sandboxWar;
  final Path libDir;
  final Path resultsFile;
  final int reps;
  final boolean jfr;
  final int connections;
  final int warmupRounds;
  final Path extraCliOption;
  final List<String> productJvmOptions;
  final Map<String, Object> results = new LinkedHashMap<>();
  final List<String> table = new ArrayList<>();
  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  final List<Server> running = new ArrayList<>();
  Server sandbox;

  Bench(Map<String, String> o) {
    quick = o.containsKey("quick");
    only =
        new LinkedHashSet<>(
            List.of(o.getOrDefault("only", "start,intake,processing,archival,memory").split(",")));
    repo = Path.of(o.getOrDefault("repo", ".")).toAbsolutePath().normalize();
    String targetDir = o.getOrDefault("target-dir", "target-bench");
    home =
        Path.of(
            o.getOrDefault("wildfly", repo.resolve("ear/target/wildfly-38.0.1.Final").toString()));
    work = repo.resolve("bench/" + targetDir + "/work");
    ear = repo.resolve("ear/" + targetDir + "/penneo-archive.ear");
    sandboxWar = repo.resolve("sandbox/" + targetDir + "/penneo-sandbox.war");
    libDir = repo.resolve("bench/" + targetDir + "/lib");
    resultsFile =
        Path.of(o.getOrDefault("results", repo.resolve("bench/results/latest.json").toString()));
    jfr = o.containsKey("jfr");
    connections = Integer.parseInt(o.getOrDefault("connections", "64"));
    warmupRounds = Integer.parseInt(o.getOrDefault("warmup-rounds", "30"));
    extraCliOption =
        o.containsKey("extra-cli") ? Path.of(o.get("extra-cli")).toAbsolutePath() : null;
    reps = Integer.parseInt(o.getOrDefault("reps", quick ? "1" : "3"));
    String jvm = o.getOrDefault("product-jvm", "").trim();
    productJvmOptions = jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+"));
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> o = new LinkedHashMap<>();
    for (String a : args) {
      if (a.startsWith("--")) {
        int eq = a.indexOf('=');
        o.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
      }
    }
    Bench b = new Bench(o);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  b.stopAll();
                  b.write();
                }));
    long deadline = System.nanoTime() + Duration.ofMinutes(b.quick ? 45 : 120).toNanos();
    Thread watchdog =
        new Thread(
            () -> {
              while (System.nanoTime() < deadline) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.err.println("bench: time limit reached, stopping");
              System.exit(3);
            });
    watchdog.setDaemon(true);
    watchdog.start();
    try {
      b.run();
    } finally {
      b.stopAll();
      b.write();
    }
  }

  void run() throws Exception {
    Files.createDirectories(work);
    results.put("machine", Machine.describe(home));
    results.put("mode", quick ? "quick" : "full");
    results.put("repetitions", reps);
    results.put("extraCli", extraCliOption == null ? "none" : Files.readString(extraCliOption));
    results.put("productJvmOptions", productJvmOptions);
    results.put("startedAt", Instant.now().toString());
    results.put("figures", new LinkedHashMap<String, Object>());
    printMachine();
    startSandbox();
    if (only.contains("start") || only.contains("intake") || only.contains("processing")) {
      productH2();
    }
    if (only.contains("processing") && !only.contains("no-pg")) {
      productPostgres();
    }
    if (only.contains("archival") || only.contains("memory")) {
      new Archival(this).run();
    }
    results.put("endedAt", Instant.now().toString());
    results.put("loadAtEnd", Machine.load());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> figures() {
    return (Map<String, Object>) results.get("figures");
  }

  // ---------------------------------------------------------------- servers

  void startSandbox() {
    log("preparing the sandbox server (offset " + SANDBOX_OFFSET + ")");
    sandbox = new Server("sandbox", home, work, SANDBOX_OFFSET);
    sandbox.javaOptions("-Xms256m", "-Xmx1g").readyAtHttp("/penneo-sandbox/control/settings");
    sandbox.prepare(List.of(), List.of(), List.of(sandboxWar));
    running.add(sandbox);
    Duration d = sandbox.start("standalone.xml", Duration.ofMinutes(3));
    log("sandbox ready in " + d.toMillis() + " ms, pid " + sandbox.pid());
  }

  Server product(String name, String xmx, Map<String, String> props, List<Path> extraCli)
      throws IOException {
    Server s = new Server(name, home, work, PRODUCT_OFFSET);
    Map<String, String> p = new LinkedHashMap<>();
    String sbx = "http://127.0.0.1:" + (8080 + SANDBOX_OFFSET) + "/penneo-sandbox";
    p.put("app.public-url", "http://127.0.0.1:" + (8080 + PRODUCT_OFFSET) + "/penneo-archive");
    p.put("penneo.api.url", sbx + "/api/v3");
    p.put("penneo.legacy-webhook.url", sbx + "/api/v1/webhook/subscriptions");
    p.put("penneo.webhook.url", sbx + "/webhook/api/v1/subscriptions");
    p.put("penneo.oauth.url", sbx + "/oauth/token");
    p.put("penneo.auth", "wsse");
    p.put("penneo.api.key", "user-key");
    p.put("penneo.api.secret", "user-secret");
    p.put("penneo.archive-user.key", "super-key");
    p.put("penneo.archive-user.secret", "super-secret");
    p.put("archive.min-free-bytes", "1048576");
    p.putAll(props);
    StringBuilder text = new StringBuilder("# written by the benchmark harness\n");
    p.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
    Files.createDirectories(work);
    Path file = work.resolve(name + ".properties");
    Files.writeString(file, text.toString());
    List<Path> cli = new ArrayList<>();
    cli.add(repo.resolve("ear/src/main/wildfly/configure.cli"));
    Path probe = work.resolve("bench-probe.cli");
    Files.writeString(
        probe,
        "embed-server --server-config=standalone-full.xml --std-out=discard\n"
            + "/subsystem=messaging-activemq/server=default/jms-queue=BenchProbe:add(entries=[java:/jms/queue/BenchProbe])\n"
            + "/subsystem=messaging-activemq/server=default/jms-queue=BenchDrain:add(entries=[java:/jms/queue/BenchDrain])\n"
            + "stop-embedded-server\n");
    cli.add(probe);
    cli.addAll(extraCli);
    if (extraCliOption != null) {
      cli.add(extraCliOption);
    }
    List<Path> deployments = new ArrayList<>();
    deployments.add(ear);
    deployments.add(NoopWar.build(work, libDir.getParent()));
    s.javaOptions("-Xms" + xmx, "-Xmx" + xmx, "-XX:+FlightRecorder").properties(file);
    s.javaOptions(productJvmOptions.toArray(String[]::new));
    if (jfr) {
      // Deep enough that the product's frames under the container's show in the samples.
      s.javaOptions("-XX:FlightRecorderOptions:stackdepth=256");
    }
    log("preparing server " + name);
    s.prepare(
        cli,
        List.<String[]>of(new String[] {USER, PASSWORD, "records-staff,records-admin"}),
        deployments);
    running.add(s);
    return s;
  }

  void stopAll() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).stop();
    }
  }

  // ---------------------------------------------------------------- H2: start, intake, processing

  void productH2() throws Exception {
    Server s = product("h2", "1g", Map.of(), List.of());
    Stats start = new Stats();
    List<Double> startRuns = new ArrayList<>();
    int starts = only.contains("start") ? reps : 1;
    for (int i = 0; i < starts; i++) {
      if (i > 0) {
        s.stop();
      }
      Duration d = s.start("standalone-full.xml", Duration.ofMinutes(4));
      start.add(d.toMillis() / 1000.0);
      startRuns.add(d.toMillis() / 1000.0);
      log("server h2 ready in " + d.toMillis() + " ms (pid " + s.pid() + ")");
    }
    if (only.contains("start")) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put(
          "what",
          "launch of the JVM to /health/ready UP (EAR + bench-noop.war, H2); run 1 on an empty data dir");
      f.put("seconds", start.json());
      f.put("load", Machine.load());
      figures().put("start", f);
      table.add(row("Start to /health/ready UP (s)", start.show("%.1f"), "-", "-"));
    }
    String endpoint = subscribe(s);
    log("endpoint " + endpoint);
    if (only.contains("intake")) {
      new Intake(this, s, endpoint).run();
    }
    List<Processing.Segment> segments = new ArrayList<>();
    Processing processing = null;
    if (only.contains("processing")) {
      processing = new Processing(this, s, endpoint, "h2");
      segments = processing.run();
    }
    s.stop();
    if (processing != null) {
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:h2:" + s.baseDir.resolve("data/penneo") + ";ACCESS_MODE_DATA=r", "sa", "sa")) {
        processing.report(c, "ARCHIVE.DELIVERY", segments);
      }
    }
    running.remove(s);
  }

  void productPostgres() throws Exception {
    Postgres.ensure(work);
    Path pgCli = work.resolve("postgresql.cli");
    String driver = "postgresql-42.7.13.jar";
    Files.writeString(
        pgCli,
        "embed-server --server-config=standalone-full.xml --std-out=discard\n"
            + "/subsystem=datasources/data-source=PenneoDS:write-attribute(name=driver-name, value="
            + driver
            + ")\nstop-embedded-server\n");
    Server s =
        product(
            "pg",
            "1g",
            Map.of(
                "db.url", Postgres.URL,
                "db.user", Postgres.USER,
                "db.password", Postgres.PASSWORD,
                "db.kind", "postgresql"),
            List.of(pgCli));
    Files.copy(libDir.resolve(driver), s.baseDir.resolve("deployments").resolve(driver));
    Duration d = s.start("standalone-full.xml", Duration.ofMinutes(4));
    log("server pg ready in " + d.toMillis() + " ms (pid " + s.pid() + ")");
    String endpoint = subscribe(s);
    Processing processing = new Processing(this, s, endpoint, "postgresql");
    List<Processing.Segment> segments = processing.run();
    try (Connection c =
        DriverManager.getConnection(Postgres.URL, Postgres.USER, Postgres.PASSWORD)) {
      processing.report(c, "archive.delivery", segments);
    }
    s.stop();
    running.remove(s);
  }

  /** A legacy casefile subscription: its endpoint accepts calls while pending confirmation. */
  String subscribe(Server s) throws Exception {
    var r =
        send(
            HttpRequest.newBuilder(s.url("/penneo-archive/api/subscriptions"))
                .header("Authorization", basic())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"service\":\"legacy\",\"topic\":\"casefile\"}"))
                .build());
    Matcher m = Pattern.compile("\"endpointUrl\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() / 100 != 2 || !m.find()) {
      throw new IllegalStateException("cannot subscribe: " + r.statusCode() + " " + r.body());
    }
    URI u = URI.create(m.group(1));
    return u.getPath();
  }

  HttpResponse<String> send(HttpRequest r) throws IOException, InterruptedException {
    return http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(uri)
            .header("Authorization", basic())
            .timeout(Duration.ofSeconds(30))
            .build());
  }

  static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  /** A casefile notification as the legacy service sends it, for a case file of its own. */
  static String notification(long caseFileId) {
    return "{\"topic\":\"casefile\",\"eventType\":\"activated\",\"eventTime\":{\"date\":\"2026-06-01"
        + " 08:00:00.517791\",\"timezone_type\":3,\"timezone\":\"UTC\"},\"payload\":{\"id\":"
        + caseFileId
        + ",\"status\":1,\"title\":\"Bench case file "
        + caseFileId
        + "\"}}";
  }

  static OffsetDateTime odt(long epochMillis) {
    return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
  }

  static List<long[]> timestamps(Connection c, String table, long fromMillis, long toMillis)
      throws SQLException {
    List<long[]> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "select received_at, processed_at from "
                + table
                + " where received_at >= ? and received_at <= ?")) {
      ps.setObject(1, odt(fromMillis));
      ps.setObject(2, odt(toMillis));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Instant a = rs.getObject(1, OffsetDateTime.class).toInstant();
          Instant b = rs.getObject(2, OffsetDateTime.class).toInstant();
          out.add(
              new long[] {
                a.getEpochSecond() * 1_000_000 + a.getNano() / 1000,
                b.getEpochSecond() * 1_000_000 + b.getNano() / 1000
              });
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- output

  static String row(String what, String value, String ceiling, String ratio) {
    return String.format(
        Locale.ROOT, "| %-52s | %-26s | %-26s | %-8s |", what, value, ceiling, ratio);
  }

  void printMachine() {
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) results.get("machine");
    log("machine: " + m);
  }

  private boolean written;

  synchronized void write() {
    if (written) {
      return;
    }
    written = true;
    try {
      Files.createDirectories(resultsFile.getParent());
      results.put("table", table);
      Files.writeString(resultsFile, Json.write(results));
      System.out.println();
      System.out.println(row("figure", "median (min–max)", "ceiling", "ratio"));
      System.out.println(row("-", "-", "-", "-").replace(' ', '-'));
      table.forEach(System.out::println);
      System.out.println();
      System.out.println("results: " + resultsFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void log(String s) {
    System.out.println("[bench " + Instant.now().toString().substring(11, 19) + "] " + s);
  }
}
