package org.penneoarchive.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Figures 3 and 4. A product server with {@code -Xmx512m} subscribes (legacy, confirmed
 * automatically) to the sandbox, which runs in a server of its own. For each size class the sandbox
 * creates case files with one signed PDF of that size, the harness first downloads the same
 * documents itself ({@code /content}, SHA-256 while streaming to disk, fastest of three passes: the
 * ceiling), then plays every case file to {@code completed}; the product processes the webhooks,
 * checks status 5 at the API, and its {@code archive-casefiles} job downloads, verifies and bags
 * them. Latency: from the end of the play call (the completed webhook is sent) to {@code
 * casefile-N} appearing under {@code archive.root} (bags are moved into place atomically).
 * Throughput: bytes of the runs' bags over the runs' durations ({@code GET /api/archive/runs}), and
 * end to end.
 */
final class Archival {

  record SizeClass(String name, long bytes, int caseFiles) {}

  /** Passes of the plain download per repetition; the fastest is the ceiling. */
  private static final int PLAIN_PASSES = 3;

  private final Bench b;
  private Server s;
  private String jwt;
  private Path archiveRoot;

  Archival(Bench b) {
    this.b = b;
  }

  void run() throws Exception {
    Path ca = b.work.resolve("sandbox-ca.pem");
    Files.writeString(ca, sandboxGet("/control/ca.pem").body());
    s = b.product("arc", "512m", Map.of("archive.trust-store", ca.toString()), List.of());
    archiveRoot = s.baseDir.resolve("data/penneo-archive/archive");
    Duration d = s.start("standalone-full.xml", Duration.ofMinutes(4));
    Bench.log("server arc (-Xmx512m) ready in " + d.toMillis() + " ms (pid " + s.pid() + ")");
    b.subscribe(s);
    awaitSubscriptionActive();
    jwt = token();
    if (b.only.contains("archival")) {
      List<SizeClass> classes =
          List.of(
              new SizeClass("100KB", 100_000, b.quick ? 10 : 30),
              new SizeClass("100MB", 100_000_000, b.quick ? 1 : 2));
      Map<String, Object> f = new LinkedHashMap<>();
      f.put(
          "what",
          "sandbox → verified bag (download, PDF parse, seal check, XAdES extraction, BagIt write),"
              + " one document per case file; ceiling: the same bytes downloaded with SHA-256 to"
              + " disk");
      f.put("heap", "-Xmx512m");
      f.put("loadAtStart", Machine.load());
      for (SizeClass c : classes) {
        f.put(c.name(), sizeClass(c));
      }
      f.put("loadAtEnd", Machine.load());
      b.figures().put("archival", f);
    }
    if (b.only.contains("memory")) {
      // The same sampling for a 100 KB and a 1 GB document: heap flat in PDF size means the same
      // old-generation occupancy (what survives collections) for both.
      Map<String, Object> mem = new LinkedHashMap<>();
      mem.put("100KB", memory(100_000L));
      mem.put("1GB", memory(1_000_000_000L));
      b.figures().put("memory", mem);
    }
    s.stop();
    b.running.remove(s);
  }

  private Map<String, Object> sizeClass(SizeClass c) throws Exception {
    Stats jobMBs = new Stats();
    Stats jobDocs = new Stats();
    Stats e2eMBs = new Stats();
    Stats plainMBs = new Stats();
    Stats plainDocs = new Stats();
    List<Long> latencies = new ArrayList<>();
    List<Object> runs = new ArrayList<>();
    // Repetition -1 is a warm-up of the whole path, the ceiling's and the product's: a first 100 MB
    // run of either, cold, ran at 90-110 MB/s where the warm ones ran at 140-270.
    for (int r = -1; r < b.reps; r++) {
      boolean warmUp = r < 0;
      Map<Long, Long> documentOf = new LinkedHashMap<>();
      for (int i = 0; i < c.caseFiles(); i++) {
        var created =
            sandboxPost(
                "/control/casefiles",
                "{\"title\":\"Bench "
                    + c.name()
                    + "\",\"signers\":1,\"owner\":\"user\",\"documents\":["
                    + c.bytes()
                    + "]}");
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) Json.parse(created.body());
        long id = ((Double) m.get("id")).longValue();
        long doc = ((Double) ((List<?>) m.get("documentIds")).get(0)).longValue();
        documentOf.put(id, doc);
      }
      // The ceiling: the same bytes, plain download with SHA-256 to disk, one after another; the
      // fastest of PLAIN_PASSES passes (single passes of one 100 MB document spread from 133 to
      // 230 MB/s on the same machine, and a ceiling is what the machine can do).
      Path plain = b.work.resolve("plain-download");
      long bytes = 0;
      double plainSeconds = Double.MAX_VALUE;
      for (int pass = 0; pass < PLAIN_PASSES; pass++) {
        Files.createDirectories(plain);
        long passBytes = 0;
        long t0 = System.nanoTime();
        for (long doc : documentOf.values()) {
          passBytes += download(doc, plain.resolve("doc-" + doc + ".pdf"));
        }
        plainSeconds = Math.min(plainSeconds, (System.nanoTime() - t0) / 1e9);
        bytes = passBytes;
        Server.deleteTree(plain);
      }
      // The product: play every case file to completed, then wait for the bags.
      Instant segmentStart = Instant.now();
      Map<Long, Long> completedAt = new HashMap<>();
      for (long id : documentOf.keySet()) {
        sandboxPost(
            "/control/casefiles/" + id + "/play", "{\"to\":\"completed\",\"intervalMs\":0}");
        completedAt.put(id, System.currentTimeMillis());
      }
      Map<Long, Long> bagAt =
          awaitBags(completedAt.keySet(), Duration.ofMinutes(c.bytes() > 10_000_000 ? 10 : 5));
      long first = completedAt.values().stream().mapToLong(Long::longValue).min().orElse(0);
      long last = bagAt.values().stream().mapToLong(Long::longValue).max().orElse(0);
      double e2e = bytes / 1e6 / ((last - first) / 1000.0);
      long[] job = jobRuns(segmentStart);
      double jobSeconds = job[1] / 1000.0;
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("documents", documentOf.size());
      run.put("bytes", bytes);
      run.put("plainSeconds", plainSeconds);
      run.put("jobRuns", job[2]);
      run.put("jobBagBytes", job[0]);
      run.put("jobSeconds", jobSeconds);
      run.put("endToEndSeconds", (last - first) / 1000.0);
      if (!warmUp) {
        plainMBs.add(bytes / 1e6 / plainSeconds);
        plainDocs.add(documentOf.size() / plainSeconds);
        for (long id : completedAt.keySet()) {
          latencies.add(bagAt.get(id) - completedAt.get(id));
        }
        e2eMBs.add(e2e);
        jobMBs.add(job[0] / 1e6 / jobSeconds);
        jobDocs.add(documentOf.size() / jobSeconds);
        runs.add(run);
      }
      Bench.log(
          String.format(
              Locale.ROOT,
              "archival %s %s: job %.1f MB/s (%d runs, %.1f s), end to end %.1f MB/s, plain"
                  + " download %.1f MB/s",
              c.name(),
              warmUp ? "warm-up (not counted)" : "run " + (r + 1),
              job[0] / 1e6 / jobSeconds,
              job[2],
              jobSeconds,
              e2e,
              bytes / 1e6 / plainSeconds));
    }
    long[] sorted = Stats.sorted(latencies);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("documentBytes", c.bytes());
    m.put("jobMBps", jobMBs.json());
    m.put("jobDocumentsPerSecond", jobDocs.json());
    m.put("endToEndMBps", e2eMBs.json());
    m.put("plainDownloadMBps", plainMBs.json());
    m.put("plainDocumentsPerSecond", plainDocs.json());
    m.put("ratio", jobMBs.median() / plainMBs.median());
    m.put("completedToBagP50Ms", Stats.percentile(sorted, 50));
    m.put("completedToBagP99Ms", Stats.percentile(sorted, 99));
    m.put("completedToBagSamples", sorted.length);
    m.put("runs", runs);
    b.table.add(
        Bench.row(
            "Archival " + c.name() + " (MB/s, job)",
            jobMBs.show("%.1f"),
            plainMBs.show("%.1f"),
            Intake.ratio(jobMBs.median() / plainMBs.median())));
    b.table.add(
        Bench.row(
            "Archival " + c.name() + " (documents/s, job)",
            jobDocs.show("%.2f"),
            plainDocs.show("%.2f"),
            Intake.ratio(jobDocs.median() / plainDocs.median())));
    b.table.add(
        Bench.row(
            "Archival " + c.name() + " completed→bag p50/p99 (s)",
            String.format(
                Locale.ROOT,
                "%.1f / %.1f",
                Stats.percentile(sorted, 50) / 1000.0,
                Stats.percentile(sorted, 99) / 1000.0),
            "-",
            "-"));
    return m;
  }

  /**
   * Figure 4: peak heap used and peak old generation used (jstat, every 250 ms; "used" counts
   * garbage not yet collected, the old generation is what survived young collections) and peak RSS
   * (VmHWM) while archiving one PDF.
   */
  private Map<String, Object> memory(long size) throws Exception {
    var created =
        sandboxPost(
            "/control/casefiles",
            "{\"title\":\"Bench memory "
                + label(size)
                + "\",\"signers\":1,\"owner\":\"user\",\"documents\":["
                + size
                + "]}");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) Json.parse(created.body());
    long id = ((Double) m.get("id")).longValue();
    long pid = s.pid();
    long rssBefore = Machine.procStatusKib(pid, "VmRSS");
    long hwmBefore = Machine.procStatusKib(pid, "VmHWM");
    // Resets VmHWM to the current RSS (Linux ≥ 4.0), so the peak is this archive's.
    try {
      Files.writeString(Path.of("/proc/" + pid + "/clear_refs"), "5");
    } catch (IOException e) {
      Bench.log("cannot reset VmHWM: " + e);
    }
    AtomicLong peakHeap = new AtomicLong();
    AtomicLong peakOld = new AtomicLong();
    AtomicLong peakRss = new AtomicLong();
    Process jstat =
        new ProcessBuilder("jstat", "-gc", Long.toString(pid), "250")
            .redirectErrorStream(true)
            .start();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(jstat.getInputStream()))) {
                String line;
                String[] header = null;
                while ((line = in.readLine()) != null) {
                  String[] f = line.trim().split("\\s+");
                  if (f.length > 0 && f[0].equals("S0C")) {
                    header = f;
                    continue;
                  }
                  if (header == null || f.length != header.length) {
                    continue;
                  }
                  double used = 0;
                  for (int i = 0; i < header.length; i++) {
                    if (List.of("S0U", "S1U", "EU", "OU").contains(header[i])) {
                      used += Double.parseDouble(f[i]);
                    }
                    if (header[i].equals("OU")) {
                      peakOld.accumulateAndGet((long) Double.parseDouble(f[i]), Math::max);
                    }
                  }
                  peakHeap.accumulateAndGet((long) used, Math::max);
                  peakRss.accumulateAndGet(Machine.procStatusKib(pid, "VmRSS"), Math::max);
                }
              } catch (IOException | RuntimeException ignored) {
                // the sampler ends with jstat
              }
            });
    reader.setDaemon(true);
    reader.start();
    boolean jfr = b.jfr;
    if (jfr) {
      s.jfrStart("memory");
    }
    long t0 = System.currentTimeMillis();
    sandboxPost("/control/casefiles/" + id + "/play", "{\"to\":\"completed\",\"intervalMs\":0}");
    Map<Long, Long> bag = awaitBags(List.of(id), Duration.ofMinutes(10));
    long took = bag.get(id) - t0;
    jstat.destroy();
    reader.join(5000);
    Map<String, Object> f = new LinkedHashMap<>();
    if (jfr) {
      f.put("jfr", s.jfrStop("memory").toString());
    }
    long hwm = Machine.procStatusKib(pid, "VmHWM");
    f.put("what", "archiving one case file with a " + label(size) + " signed PDF, -Xmx512m");
    f.put("documentBytes", size);
    f.put("finished", true);
    f.put("completedToBagSeconds", took / 1000.0);
    f.put("peakHeapUsedMiB", peakHeap.get() / 1024.0);
    f.put("peakOldGenUsedMiB", peakOld.get() / 1024.0);
    f.put("peakRssMiB", hwm / 1024.0);
    f.put("peakRssSampledMiB", peakRss.get() / 1024.0);
    f.put("rssBeforeMiB", rssBefore / 1024.0);
    f.put("peakRssSinceStartBeforeMiB", hwmBefore / 1024.0);
    f.put("load", Machine.load());
    b.table.add(
        Bench.row(
            "Memory, " + label(size) + " PDF, -Xmx512m: peak heap used / old gen used (MiB)",
            String.format(
                Locale.ROOT, "%.0f / %.0f", peakHeap.get() / 1024.0, peakOld.get() / 1024.0),
            "-",
            "-"));
    b.table.add(
        Bench.row(
            "Memory, " + label(size) + " PDF: peak RSS VmHWM (MiB)",
            String.format(Locale.ROOT, "%.0f (before %.0f)", hwm / 1024.0, rssBefore / 1024.0),
            "-",
            "-"));
    Bench.log(
        String.format(
            Locale.ROOT,
            "memory: %s archived in %.1f s, peak heap %.0f MiB, old gen %.0f MiB, VmHWM %.0f MiB",
            label(size),
            took / 1000.0,
            peakHeap.get() / 1024.0,
            peakOld.get() / 1024.0,
            hwm / 1024.0));
    return f;
  }

  private static String label(long size) {
    return size >= 1_000_000_000L ? size / 1_000_000_000L + " GB" : size / 1000 + " KB";
  }

  /** [bytes, durationMillis, runs] of the archive runs created since {@code since}. */
  private long[] jobRuns(Instant since) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (true) {
      var r = b.get(s.url("/penneo-archive/api/archive/runs?size=200"));
      @SuppressWarnings("unchecked")
      Map<String, Object> page = (Map<String, Object>) Json.parse(r.body());
      long bytes = 0;
      long millis = 0;
      long n = 0;
      boolean running = false;
      for (Object o : (List<?>) page.get("items")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> run = (Map<String, Object>) o;
        Object created = run.get("createdAt");
        if (created == null || Instant.parse(created.toString()).isBefore(since)) {
          continue;
        }
        if (run.get("endedAt") == null) {
          running = true;
        }
        n++;
        bytes += ((Double) run.get("bytes")).longValue();
        Object d = run.get("durationMillis");
        millis += d == null ? 0 : ((Double) d).longValue();
      }
      if (!running || System.nanoTime() > deadline) {
        return new long[] {bytes, millis, n};
      }
      Thread.sleep(200);
    }
  }

  private Map<Long, Long> awaitBags(java.util.Collection<Long> ids, Duration timeout)
      throws Exception {
    Map<Long, Long> found = new HashMap<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (found.size() < ids.size()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "bags missing after "
                + timeout
                + ": "
                + ids.stream().filter(i -> !found.containsKey(i)).toList());
      }
      // Bags are moved into {root}/yyyy/mm/casefile-N atomically; the job's work and staging
      // folders (dot folders beside them) come and go while we look, so only yyyy/mm is listed.
      long now = System.currentTimeMillis();
      for (Path year : list(archiveRoot, "\\d{4}")) {
        for (Path month : list(year, "\\d{2}")) {
          for (Path bag : list(month, "casefile-\\d+")) {
            long id = Long.parseLong(bag.getFileName().toString().substring(9));
            if (ids.contains(id)) {
              found.putIfAbsent(id, now);
            }
          }
        }
      }
      Thread.sleep(50);
    }
    return found;
  }

  /** The entries of {@code dir} whose names match {@code regex}; none if it does not exist. */
  private static List<Path> list(Path dir, String regex) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(p -> p.getFileName().toString().matches(regex)).toList();
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private long download(long documentId, Path to) throws Exception {
    var r =
        b.http.send(
            HttpRequest.newBuilder(sandbox("/api/v3/documents/" + documentId + "/content"))
                .header("x-auth-token", jwt)
                .header("Accept", "application/pdf")
                .timeout(Duration.ofMinutes(5))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("download " + documentId + ": " + r.statusCode());
    }
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    long n = 0;
    byte[] buf = new byte[1 << 16];
    try (InputStream in = r.body();
        OutputStream out = Files.newOutputStream(to)) {
      int k;
      while ((k = in.read(buf)) > 0) {
        sha.update(buf, 0, k);
        out.write(buf, 0, k);
        n += k;
      }
    }
    sha.digest();
    return n;
  }

  private void awaitSubscriptionActive() throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (System.nanoTime() < deadline) {
      var r = b.get(s.url("/penneo-archive/api/subscriptions"));
      if (r.body().contains("\"ACTIVE\"")) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("the subscription was not confirmed within a minute");
  }

  private String token() throws Exception {
    var r = sandboxPost("/control/jwt", "{\"key\":\"super-key\",\"ttlSeconds\":86400}");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) Json.parse(r.body());
    return m.get("token").toString();
  }

  private URI sandbox(String path) {
    return b.sandbox.url("/penneo-sandbox" + path);
  }

  private HttpResponse<String> sandboxGet(String path) throws Exception {
    return b.send(HttpRequest.newBuilder(sandbox(path)).timeout(Duration.ofMinutes(2)).build());
  }

  private HttpResponse<String> sandboxPost(String path, String json) throws Exception {
    var r =
        b.send(
            HttpRequest.newBuilder(sandbox(path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
    }
    return r;
  }
}
