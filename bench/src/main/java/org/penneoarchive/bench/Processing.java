package org.penneoarchive.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 2, processing: notifications/s from ack to committed state, and the lag at fixed rates.
 * Every notification is a casefile {@code activated} event for a case file of its own (a new case
 * file, its first timeline event and the delivery row). Saturation: the queue is paused, N
 * notifications are acked, the queue is resumed, and the run ends when {@code GET /api/casefiles}
 * counts all N (committed and visible); it then waits until the product's JVM is idle, so that the
 * checks at Penneo that follow each new case file's commit are finished too (their CPU is part of
 * the figure, and they do not spill into the next run). Lag per notification is {@code
 * delivery.processed_at − delivery.received_at}, read from the database afterwards.
 */
final class Processing {

  /**
   * One run; {@code quietMillis}: when the product went idle after it (0 when not waited for);
   * {@code cpu}: the CPU readings of a saturation run (empty for the others).
   */
  record Segment(
      String name,
      int rate,
      long fromMillis,
      long toMillis,
      long expected,
      long visibleMillis,
      long quietMillis,
      List<CpuTimeline.Sample> cpu) {}

  static final int[] RATES = {200, 1000};
  static final String DRAIN = "/subsystem=messaging-activemq/server=default/jms-queue=BenchDrain";
  private static final Pattern DRAINED =
      Pattern.compile("\"consumed\":(\\d+),\"firstNanos\":(-?\\d+),\"lastNanos\":(-?\\d+)");
  private static final String C2 = "C2 Compiler";
  private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");

  private final Bench b;
  private final Server s;
  private final URI endpoint;
  private final String db;
  private long nextId = 500_000_000L;

  Processing(Bench b, Server s, String endpointPath, String db) {
    this.b = b;
    this.s = s;
    this.endpoint = s.url(endpointPath);
    this.db = db;
  }

  /**
   * Where the CPU went while a saturation run drained the queue: the machine's busy share, and CPU
   * milliseconds per notification in the product's and the sandbox's JVMs.
   */
  /** CPU from the queue's resume to the product's idle point, per notification. */
  record Cpu(double machineBusy, double productMsPer, double sandboxMsPer, double c2Share) {}

  private final List<Cpu> cpu = new ArrayList<>();

  /**
   * One run of the ceiling: {@code perSecond} from the first to the last message consumed, CPU ms
   * of the product's JVM per message from the queue's resume to the last.
   */
  record Drain(boolean commit, long consumed, double perSecond, double productMsPer, double busy) {}

  private final List<Drain> drains = new ArrayList<>();

  /** CPU ms per notification between two tick readings (10 ms each); NaN if one failed. */
  private static double msPer(long ticksBefore, long ticksAfter, long notifications) {
    return ticksBefore < 0 || ticksAfter < 0 || notifications == 0
        ? Double.NaN
        : (ticksAfter - ticksBefore) * 10.0 / notifications;
  }

  /** The share of the process's CPU that some of its threads used, 0..1; NaN when unreadable. */
  private static double share(long part0, long part1, long whole0, long whole1) {
    return part0 < 0 || part1 < 0 || whole0 < 0 || whole1 <= whole0
        ? Double.NaN
        : (part1 - part0) / (double) (whole1 - whole0);
  }

  List<Segment> run() throws Exception {
    List<Segment> segments = new ArrayList<>();
    int n = b.quick ? 3000 : 15000;
    Duration fixed = Duration.ofSeconds(b.quick ? 5 : 10);
    LoadGen gen = new LoadGen();
    try {
      // Warm-up, not recorded: 8,000 notifications, then rounds of 2,000 until the C2 compiler's
      // threads use under 5 % of one core during a round (at most 30 rounds, --warmup-rounds=N).
      // Here C2 got there after 15-20 rounds (~40,000 notifications); after 5 it still took a
      // third of the product's CPU and the figure was half of the settled one.
      warmUp(gen, b.quick ? 8000 : 12000);
      for (int round = 1; round <= b.warmupRounds; round++) {
        long c0 = Machine.threadCpuTicks(s.pid(), C2);
        long t0 = System.nanoTime();
        warmUp(gen, 2000);
        long c1 = Machine.threadCpuTicks(s.pid(), C2);
        double share = (c1 - c0) * 10.0 / ((System.nanoTime() - t0) / 1e6);
        Bench.log(
            String.format(
                Locale.ROOT,
                "%s processing warm-up round %d: C2 compiler at %.0f %% of a core",
                db,
                round,
                share * 100));
        if (c0 >= 0 && c1 >= 0 && share < 0.05) {
          break;
        }
      }
      for (int r = 0; r < b.reps; r++) {
        long base = total();
        s.cli(Intake.QUEUE + ":pause()");
        long id0 = nextId;
        nextId += n;
        long from = System.currentTimeMillis();
        LoadGen.Result posted =
            gen.closedLoop(
                i -> LoadGen.post(endpoint, Bench.notification(id0 + i)),
                n,
                16,
                Duration.ofMinutes(3));
        long to = System.currentTimeMillis();
        if (r == 0 && b.jfr) {
          s.jfrStart("processing");
        }
        long c20 = Machine.threadCpuTicks(s.pid(), C2);
        long visible;
        long quiet;
        CpuTimeline timeline = new CpuTimeline(s.pid(), b.sandbox.pid());
        try {
          s.cli(Intake.QUEUE + ":resume()");
          visible =
              awaitAll(
                  base + posted.ok(), posted.ok() == n ? id0 + n - 1 : -1, Duration.ofMinutes(5));
          quiet = awaitQuiet(Duration.ofMinutes(3));
        } finally {
          timeline.close();
        }
        // From the resume to the idle point: the timeline's first and last readings.
        List<CpuTimeline.Sample> samples = timeline.samples();
        CpuTimeline.Sample first = samples.get(0);
        CpuTimeline.Sample last = samples.get(samples.size() - 1);
        cpu.add(
            new Cpu(
                Machine.busy(
                    new long[] {first.machineBusy(), first.machineTotal()},
                    new long[] {last.machineBusy(), last.machineTotal()}),
                msPer(first.product(), last.product(), posted.ok()),
                msPer(first.sandbox(), last.sandbox(), posted.ok()),
                share(c20, Machine.threadCpuTicks(s.pid(), C2), first.product(), last.product())));
        if (r == 0 && b.jfr) {
          s.jfrStop("processing");
        }
        segments.add(new Segment("saturation", 0, from, to, posted.ok(), visible, quiet, samples));
        Bench.log(
            db
                + " processing saturation run "
                + (r + 1)
                + ": "
                + posted.ok()
                + " acked, all visible "
                + (visible - to)
                + " ms after the last ack (incl. resume), product idle after "
                + (quiet - visible)
                + " ms more");
      }
      // The ceiling, in the same server and run: the same notifications, queued the same way,
      // taken off a queue of the bench's own by 8 sessions that do nothing with them, or store
      // each in a row of its own (one untimed run of each first, for the JIT).
      for (boolean commit : new boolean[] {false, true}) {
        drain(gen, n, commit);
      }
      for (int r = 0; r < b.reps; r++) {
        for (boolean commit : new boolean[] {false, true}) {
          Drain d = drain(gen, n, commit);
          drains.add(d);
          Bench.log(
              String.format(
                  Locale.ROOT,
                  "%s processing ceiling run %d, %s: %.0f/s, product CPU %.2f ms per message,"
                      + " machine %.0f %% busy",
                  db,
                  r + 1,
                  commit ? "one row stored per message" : "consumed only",
                  d.perSecond(),
                  d.productMsPer(),
                  d.busy() * 100));
        }
      }
      for (int rate : RATES) {
        for (int r = 0; r < b.reps; r++) {
          long base = total();
          long id0 = nextId;
          nextId += rate * fixed.toSeconds() + 1;
          long from = System.currentTimeMillis();
          LoadGen.Result res = OpenLoop.notifications(endpoint, id0, rate, fixed);
          long to = System.currentTimeMillis();
          long visible =
              awaitAll(
                  base + res.ok(),
                  res.ok() == res.sent() ? id0 + res.sent() - 1 : -1,
                  Duration.ofMinutes(5));
          awaitQuiet(Duration.ofMinutes(3));
          segments.add(new Segment("rate", rate, from, to, res.ok(), visible, 0, List.of()));
          Bench.log(
              String.format(
                  Locale.ROOT,
                  "%s processing %d/s run %d: %d acked, all visible %d ms after the last ack",
                  db,
                  rate,
                  r + 1,
                  res.ok(),
                  visible - to));
        }
      }
    } finally {
      gen.close();
    }
    return segments;
  }

  /**
   * One ceiling run: {@code n} notifications queued on {@code BenchDrain} while its delivery is
   * paused (by {@code POST /bench-noop/drain/{id}}, the receiver's kind of send), then resumed and
   * counted until all are consumed.
   */
  private Drain drain(LoadGen gen, int n, boolean commit) throws Exception {
    URI drain = s.url("/bench-noop/drain");
    var reset = b.send(HttpRequest.newBuilder(drain).DELETE().build());
    if (reset.statusCode() != 204) {
      throw new IllegalStateException("DELETE /bench-noop/drain: " + reset.statusCode());
    }
    s.cli(DRAIN + ":pause()");
    long id0 = nextId;
    nextId += n;
    LoadGen.Result posted =
        gen.closedLoop(
            i ->
                LoadGen.post(
                    s.url("/bench-noop/drain/" + (id0 + i) + "?commit=" + commit),
                    Bench.notification(id0 + i)),
            n,
            16,
            Duration.ofMinutes(3));
    long[] machine0 = Machine.cpuTicks();
    long product0 = Machine.processCpuTicks(s.pid());
    s.cli(DRAIN + ":resume()");
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (true) {
      var r = b.get(drain);
      Matcher m = DRAINED.matcher(r.body());
      if (r.statusCode() != 200 || !m.find()) {
        throw new IllegalStateException(
            "GET /bench-noop/drain: " + r.statusCode() + " " + r.body());
      }
      long consumed = Long.parseLong(m.group(1));
      if (consumed >= posted.ok()) {
        long product1 = Machine.processCpuTicks(s.pid());
        double seconds = (Long.parseLong(m.group(3)) - Long.parseLong(m.group(2))) / 1e9;
        return new Drain(
            commit,
            consumed,
            consumed / Math.max(seconds, 0.001),
            msPer(product0, product1, consumed),
            Machine.busy(machine0, Machine.cpuTicks()));
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the ceiling's consumer took " + consumed + " of " + posted.ok() + " in 5 minutes");
      }
      Thread.sleep(20);
    }
  }

  /** Reads the delivery timestamps of each segment and records the figure. */
  void report(Connection c, String table, List<Segment> segments) throws Exception {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(
        "what",
        "casefile 'activated' notifications, each a new case file: ack → committed and visible");
    f.put("database", db);
    Stats sat = new Stats();
    Stats satDb = new Stats();
    Stats satIdle = new Stats();
    Stats drainBusy = new Stats();
    Stats[] drainCores = {new Stats(), new Stats(), new Stats()};
    Stats drainMsPer = new Stats();
    List<Object> satRuns = new ArrayList<>();
    Map<Integer, Stats[]> lag = new LinkedHashMap<>();
    Map<Integer, List<Object>> rateRuns = new LinkedHashMap<>();
    for (Segment g : segments) {
      List<long[]> ts = Bench.timestamps(c, table, g.fromMillis() - 1, g.toMillis() + 1);
      long minP = Long.MAX_VALUE;
      long maxP = Long.MIN_VALUE;
      List<Long> lags = new ArrayList<>();
      for (long[] t : ts) {
        minP = Math.min(minP, t[1]);
        maxP = Math.max(maxP, t[1]);
        lags.add(t[1] - t[0]);
      }
      long[] sorted = Stats.sorted(lags);
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("acked", g.expected());
      run.put("rowsFound", ts.size());
      if (g.rate() == 0) {
        double perSecond = g.expected() / ((g.visibleMillis() - minP / 1000.0) / 1000.0);
        double perSecondDb = ts.size() / ((maxP - minP) / 1e6);
        double perSecondIdle = g.expected() / ((g.quietMillis() - minP / 1000.0) / 1000.0);
        sat.add(perSecond);
        satDb.add(perSecondDb);
        satIdle.add(perSecondIdle);
        run.put("perSecondToIdle", perSecondIdle);
        run.put("perSecondToVisible", perSecond);
        run.put("perSecondFirstToLastProcessed", perSecondDb);
        // The CPU of the drain alone: first to last notification processed.
        CpuTimeline.Window w = CpuTimeline.window(g.cpu(), minP / 1000, maxP / 1000);
        if (w != null) {
          run.put("drain", w.json());
          drainBusy.add(w.machineBusyShare() * 100);
          drainCores[0].add(w.productCores());
          drainCores[1].add(w.sandboxCores());
          drainCores[2].add(w.otherCores());
          drainMsPer.add(w.productCores() * 1000 / perSecondDb);
        }
        satRuns.add(run);
      } else {
        Stats[] st =
            lag.computeIfAbsent(g.rate(), k -> new Stats[] {new Stats(), new Stats(), new Stats()});
        st[0].add(Stats.percentile(sorted, 50) / 1000.0);
        st[1].add(Stats.percentile(sorted, 99) / 1000.0);
        st[2].add((g.visibleMillis() - g.toMillis()));
        run.put("lagP50Ms", Stats.percentile(sorted, 50) / 1000.0);
        run.put("lagP99Ms", Stats.percentile(sorted, 99) / 1000.0);
        run.put("lagMaxMs", sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1000.0);
        run.put("allVisibleMsAfterLastAck", g.visibleMillis() - g.toMillis());
        rateRuns.computeIfAbsent(g.rate(), k -> new ArrayList<>()).add(run);
      }
    }
    Map<String, Object> satJ = new LinkedHashMap<>();
    satJ.put("perSecond", sat.json());
    satJ.put("perSecondFirstToLastProcessed", satDb.json());
    satJ.put("perSecondToIdle", satIdle.json());
    satJ.put("runs", satRuns);
    Stats busy = new Stats();
    Stats productMs = new Stats();
    Stats sandboxMs = new Stats();
    Stats c2 = new Stats();
    for (Cpu u : cpu) {
      c2.add(u.c2Share() * 100);
      busy.add(u.machineBusy() * 100);
      productMs.add(u.productMsPer());
      sandboxMs.add(u.sandboxMsPer());
    }
    satJ.put("machineCpuBusyPercent", busy.json());
    satJ.put("productCpuMsPerNotification", productMs.json());
    satJ.put("sandboxCpuMsPerNotification", sandboxMs.json());
    satJ.put("c2CompilerPercentOfProductCpu", c2.json());
    Map<String, Object> drainJ = new LinkedHashMap<>();
    drainJ.put(
        "what",
        "CPU from the first to the last notification processed (readings every "
            + CpuTimeline.EVERY_MILLIS
            + " ms): without the management CLI's JVM that resumes the queue, nor the checks"
            + " that trail the last commit");
    drainJ.put("machineCpuBusyPercent", drainBusy.json());
    drainJ.put("productCores", drainCores[0].json());
    drainJ.put("sandboxCores", drainCores[1].json());
    drainJ.put("otherCores", drainCores[2].json());
    drainJ.put("productCpuMsPerNotification", drainMsPer.json());
    satJ.put("drain", drainJ);
    f.put("saturation", satJ);
    Stats[] ceiling = {new Stats(), new Stats()};
    Stats[] ceilingMs = {new Stats(), new Stats()};
    List<Object> drainRuns = new ArrayList<>();
    for (Drain d : drains) {
      int k = d.commit() ? 1 : 0;
      ceiling[k].add(d.perSecond());
      ceilingMs[k].add(d.productMsPer());
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("storesOneRow", d.commit());
      run.put("consumed", d.consumed());
      run.put("perSecond", d.perSecond());
      run.put("productCpuMsPerMessage", d.productMsPer());
      run.put("machineCpuBusyPercent", d.busy() * 100);
      drainRuns.add(run);
    }
    Map<String, Object> ceilJ = new LinkedHashMap<>();
    ceilJ.put(
        "what",
        "the same notifications, queued the same way on BenchDrain, consumed by 8 MDB sessions"
            + " that do nothing (consumedOnly) or store each in one row in a JTA transaction of its"
            + " own on the product's datasource (oneRowStored); first to last consumed");
    ceilJ.put("consumedOnlyPerSecond", ceiling[0].json());
    ceilJ.put("oneRowStoredPerSecond", ceiling[1].json());
    ceilJ.put("consumedOnlyProductCpuMsPerMessage", ceilingMs[0].json());
    ceilJ.put("oneRowStoredProductCpuMsPerMessage", ceilingMs[1].json());
    ceilJ.put("ratioToOneRowStored", sat.median() / ceiling[1].median());
    ceilJ.put("runs", drainRuns);
    satJ.put("ceiling", ceilJ);
    b.table.add(
        Bench.row(
            "Processing at saturation, " + db + " (/s)",
            sat.show("%.0f"),
            ceiling[1].show("%.0f"),
            Intake.ratio(sat.median() / ceiling[1].median())));
    b.table.add(
        Bench.row(
            "  ceiling: consumed only, no state (/s)",
            ceiling[0].show("%.0f"),
            "-",
            Intake.ratio(sat.median() / ceiling[0].median())));
    b.table.add(
        Bench.row(
            "  ceiling CPU ms per message: consumed / one row",
            ceilingMs[0].show("%.2f") + " / " + ceilingMs[1].show("%.2f"),
            "-",
            "-"));
    b.table.add(
        Bench.row(
            "  the same, until the checks at Penneo are done too (/s)",
            satIdle.show("%.0f"),
            "-",
            "-"));
    b.table.add(Bench.row("  machine CPU busy while draining (%)", busy.show("%.0f"), "-", "-"));
    b.table.add(
        Bench.row("  first to last processed: machine busy (%)", drainBusy.show("%.0f"), "-", "-"));
    b.table.add(
        Bench.row(
            "  first to last processed: cores used, product / sandbox / other",
            drainCores[0].show("%.2f")
                + " / "
                + drainCores[1].show("%.2f")
                + " / "
                + drainCores[2].show("%.2f"),
            "-",
            "-"));
    b.table.add(
        Bench.row(
            "  CPU ms per notification (to idle): product / sandbox",
            productMs.show("%.2f") + " / " + sandboxMs.show("%.2f"),
            "-",
            "-"));
    b.table.add(
        Bench.row("  of the product's CPU, the C2 compiler (%)", c2.show("%.0f"), "-", "-"));
    Map<String, Object> rates = new LinkedHashMap<>();
    for (var e : lag.entrySet()) {
      Map<String, Object> rj = new LinkedHashMap<>();
      rj.put("lagP50Ms", e.getValue()[0].json());
      rj.put("lagP99Ms", e.getValue()[1].json());
      rj.put("allVisibleMsAfterLastAck", e.getValue()[2].json());
      rj.put("runs", rateRuns.get(e.getKey()));
      rates.put(Integer.toString(e.getKey()), rj);
      b.table.add(
          Bench.row(
              "Processing " + e.getKey() + "/s, " + db + ", lag p50 (ms)",
              e.getValue()[0].show("%.1f"),
              "-",
              "-"));
      b.table.add(
          Bench.row(
              "Processing " + e.getKey() + "/s, " + db + ", lag p99 (ms)",
              e.getValue()[1].show("%.1f"),
              "-",
              "-"));
    }
    f.put("fixedRates", rates);
    f.put("load", Machine.load());
    b.figures().put("processing-" + db, f);
  }

  /**
   * Waits until the product's JVM has used at most one 10 ms tick in each of five 200 ms slices in
   * a row (under 5 % of one core for a second): the checks at Penneo that follow the commits are
   * done. Answers when the first of those slices began (epoch ms).
   */
  long awaitQuiet(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    long quietSince = 0;
    int quietSlices = 0;
    long before = Machine.processCpuTicks(s.pid());
    while (System.nanoTime() < deadline) {
      long sliceStart = System.currentTimeMillis();
      Thread.sleep(200);
      long now = Machine.processCpuTicks(s.pid());
      if (before >= 0 && now >= 0 && now - before <= 1) {
        if (quietSlices++ == 0) {
          quietSince = sliceStart;
        }
        if (quietSlices == 5) {
          return quietSince;
        }
      } else {
        quietSlices = 0;
      }
      before = now;
    }
    throw new IllegalStateException("the product was still busy after " + timeout);
  }

  private void warmUp(LoadGen gen, int count) throws Exception {
    long w = nextId;
    nextId += count;
    long before = total();
    gen.closedLoop(
        i -> LoadGen.post(endpoint, Bench.notification(w + i)), count, 16, Duration.ofMinutes(2));
    awaitAll(before + count, w + count - 1, Duration.ofMinutes(4));
    awaitQuiet(Duration.ofMinutes(3));
  }

  long total() throws Exception {
    var r = b.get(s.url("/penneo-archive/api/casefiles?size=1"));
    Matcher m = TOTAL.matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("GET /api/casefiles: " + r.statusCode() + " " + r.body());
    }
    return Long.parseLong(m.group(1));
  }

  /**
   * Waits until {@code expected} case files are visible; answers when they were (epoch ms). The
   * count behind {@code GET /api/casefiles} reads every case file, so while the run's last case
   * file ({@code lastId}, -1 when some notifications were not acked) is not there yet, only it is
   * looked up, by id (20 times a second, a primary-key read): the harness's own polling stays out
   * of the product's CPU figures.
   */
  long awaitAll(long expected, long lastId, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    if (lastId >= 0) {
      URI last = s.url("/penneo-archive/api/casefiles/" + lastId);
      while (b.get(last).statusCode() != 200) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("case file " + lastId + " not visible within " + timeout);
        }
        Thread.sleep(50);
      }
    }
    return awaitTotal(expected, Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1)));
  }

  /** Polls until the count reaches {@code expected}; answers the time it did (epoch ms). */
  long awaitTotal(long expected, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (total() >= expected) {
        return System.currentTimeMillis();
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "processing did not reach "
            + expected
            + " case files within "
            + timeout
            + " (at "
            + total()
            + ")");
  }
}
