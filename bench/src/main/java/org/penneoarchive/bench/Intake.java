package org.penneoarchive.bench;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figure 1, intake: acked notifications/s at saturation (wrk, closed loop) and latency at fixed
 * rates (open loop, from the intended send time), against the product's receiver and, as the
 * ceiling, the no-op JAX-RS endpoint in the same server. The queue's consumers are paused while
 * intake is measured (so the figure is the receiver's, not the receiver's minus processing's share
 * of 2 cores) and the queue is emptied after every run.
 */
final class Intake {

  static final String QUEUE =
      "/subsystem=messaging-activemq/server=default/jms-queue=PenneoNotifications";
  static final String PROBE = "/subsystem=messaging-activemq/server=default/jms-queue=BenchProbe";
  static final int[] RATES = {200, 1000, 3000};

  private final Bench b;
  private final Server s;
  private final URI product;
  private final URI noop;
  private final URI durableSend;
  private long nextId = 10_000_000L;

  Intake(Bench b, Server s, String endpointPath) {
    this.b = b;
    this.s = s;
    this.product = s.url(endpointPath);
    this.noop = s.url("/bench-noop/webhooks/noop");
    this.durableSend = s.url("/bench-noop/jms-nontx/probe");
  }

  void run() {
    Bench.log("intake: pausing the queue's delivery");
    s.cli(QUEUE + ":pause()");
    Duration sat = Duration.ofSeconds(b.quick ? 5 : 10);
    Duration fixed = Duration.ofSeconds(b.quick ? 5 : 10);
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("what", "POST /webhooks/{key} answered 200 (durably queued) vs the no-op endpoint");
    f.put("loadAtStart", Machine.load());
    // Warm-up (JIT, pools): not recorded. The receiver's path (RESTEasy, EJB and CDI interceptors,
    // JSON-P, the Artemis client and broker) keeps the JIT compiler busy for tens of thousands of
    // requests; a shorter warm-up measured the compiler threads' share of the 2 cores, not the
    // receiver's.
    Duration warm = Duration.ofSeconds(b.quick ? 45 : 60);
    Wrk.run(b.work, product, 1, b.connections, warm, id(1_000_000));
    clear();
    Wrk.run(b.work, noop, 1, b.connections, Duration.ofSeconds(10), id(1_000_000));
    for (String probe : List.of("jms-nontx", "jms", "jms-db")) {
      probe(probe, Duration.ofSeconds(10));
    }
    Stats satP = new Stats();
    Stats satN = new Stats();
    Stats satBusyP = new Stats();
    Stats satBusyN = new Stats();
    List<Object> satRuns = new ArrayList<>();
    for (int r = 0; r < b.reps; r++) {
      if (r == 0 && b.jfr) {
        s.jfrStart("intake");
      }
      Wrk.Result p = Wrk.run(b.work, product, 1, b.connections, sat, id(1_000_000));
      if (r == 0 && b.jfr) {
        f.put("jfr", s.jfrStop("intake").toString());
      }
      clear();
      Wrk.Result n = Wrk.run(b.work, noop, 1, b.connections, sat, id(1_000_000));
      satP.add(p.acked());
      satN.add(n.acked());
      satBusyP.add(p.cpuBusy() * 100);
      satBusyN.add(n.cpuBusy() * 100);
      satRuns.add(Map.of("product", wrkJson(p), "noop", wrkJson(n)));
      Bench.log(
          String.format(
              Locale.ROOT,
              "intake saturation run %d: product %.0f/s (non-2xx %d), no-op %.0f/s",
              r + 1,
              p.acked(),
              p.non2xx(),
              n.acked()));
    }
    // Probes (same server, same wrk): what one persistent JMS send costs on a non-transacted
    // session (as the receiver sends), in a JTA transaction alone (1PC), and with a datasource
    // read in the same transaction (2PC, as the receiver did before ad56d9d).
    Stats probe0 = new Stats();
    Stats probeBusy = new Stats();
    Stats probe1 = new Stats();
    Stats probe2 = new Stats();
    for (int r = 0; r < b.reps; r++) {
      Wrk.Result nontx = probe("jms-nontx", sat);
      Wrk.Result jta = probe("jms", sat);
      Wrk.Result jtaDb = probe("jms-db", sat);
      probe0.add(nontx.acked());
      probeBusy.add(nontx.cpuBusy());
      probe1.add(jta.acked());
      probe2.add(jtaDb.acked());
      Bench.log(
          String.format(
              Locale.ROOT,
              "intake probes run %d: JMS non-tx %.0f/s (CPU busy %.0f%%), JTA+JMS %.0f/s, JTA+DB"
                  + " read+JMS %.0f/s",
              r + 1,
              nontx.acked(),
              nontx.cpuBusy() * 100,
              jta.acked(),
              jtaDb.acked()));
    }
    Map<String, Object> satJ = new LinkedHashMap<>();
    satJ.put("probeJmsNonTransactedPerSecond", probe0.json());
    satJ.put("probeJmsNonTransactedCpuBusy", probeBusy.json());
    satJ.put("probeJtaJmsOnePhasePerSecond", probe1.json());
    satJ.put("probeJtaDbReadJmsTwoPhasePerSecond", probe2.json());
    satJ.put("tool", "wrk -t1 -c" + b.connections + " -d" + sat.toSeconds() + "s");
    satJ.put("productAckedPerSecond", satP.json());
    satJ.put("noopPerSecond", satN.json());
    satJ.put("ratio", satP.median() / satN.median());
    satJ.put("runs", satRuns);
    f.put("saturation", satJ);
    b.table.add(
        Bench.row(
            "Intake at saturation (acked/s)",
            satP.show("%.0f"),
            satN.show("%.0f"),
            ratio(satP.median() / satN.median())));
    b.table.add(
        Bench.row(
            "  machine CPU busy during it (%, both cores)",
            satBusyP.show("%.0f"), satBusyN.show("%.0f"), "-"));
    b.table.add(
        Bench.row(
            "  probe: persistent JMS send, non-transacted",
            probe0.show("%.0f"),
            satN.show("%.0f"),
            ratio(probe0.median() / satN.median())));
    b.table.add(
        Bench.row(
            "  probe: JTA + persistent JMS send only (1PC)",
            probe1.show("%.0f"),
            satN.show("%.0f"),
            ratio(probe1.median() / satN.median())));
    b.table.add(
        Bench.row(
            "  probe: JTA + DB read + JMS send (2PC)",
            probe2.show("%.0f"),
            satN.show("%.0f"),
            ratio(probe2.median() / satN.median())));
    Map<String, Object> rates = new LinkedHashMap<>();
    for (int rate : RATES) {
      Stats[] p = {new Stats(), new Stats(), new Stats(), new Stats()};
      Stats[] n = {new Stats(), new Stats(), new Stats(), new Stats()};
      Stats[] q = {new Stats(), new Stats(), new Stats(), new Stats()};
      List<Object> runs = new ArrayList<>();
      for (int r = 0; r < b.reps; r++) {
        long base = id(rate * fixed.toSeconds() + 1);
        LoadGen.Result pr = OpenLoop.notifications(product, base, rate, fixed);
        clear();
        LoadGen.Result nr = OpenLoop.notifications(noop, base, rate, fixed);
        // The least a durable 200 costs, at the same rate: what the receiver's latency cannot
        // go below (one persistent send on a non-transacted session, nothing else).
        LoadGen.Result qr = OpenLoop.notifications(durableSend, base, rate, fixed);
        s.cli(PROBE + ":remove-messages");
        add(p, pr);
        add(n, nr);
        add(q, qr);
        runs.add(Map.of("product", olJson(pr), "noop", olJson(nr), "durableSend", olJson(qr)));
        Bench.log(
            String.format(
                Locale.ROOT,
                "intake %d/s run %d: durable-send probe p50 %.2f p99 %.2f p99.9 %.2f ms (ok %d/%d)",
                rate,
                r + 1,
                qr.p(50),
                qr.p(99),
                qr.p(99.9),
                qr.ok(),
                qr.sent()));
        Bench.log(
            String.format(
                Locale.ROOT,
                "intake %d/s run %d: product p50 %.2f p99 %.2f p99.9 %.2f ms (ok %d/%d); no-op p50"
                    + " %.2f p99 %.2f p99.9 %.2f ms",
                rate,
                r + 1,
                pr.p(50),
                pr.p(99),
                pr.p(99.9),
                pr.ok(),
                pr.sent(),
                nr.p(50),
                nr.p(99),
                nr.p(99.9)));
      }
      Map<String, Object> rj = new LinkedHashMap<>();
      rj.put("seconds", fixed.toSeconds());
      rj.put("productMs", percentiles(p));
      rj.put("noopMs", percentiles(n));
      rj.put("durableSendProbeMs", percentiles(q));
      rj.put("runs", runs);
      rates.put(Integer.toString(rate), rj);
      b.table.add(
          Bench.row(
              "Intake " + rate + "/s latency p50 (ms)", p[0].show("%.2f"), n[0].show("%.2f"), "-"));
      b.table.add(
          Bench.row(
              "Intake " + rate + "/s latency p99 (ms)", p[1].show("%.2f"), n[1].show("%.2f"), "-"));
      b.table.add(
          Bench.row(
              "Intake " + rate + "/s latency p99.9 (ms)",
              p[2].show("%.2f"),
              n[2].show("%.2f"),
              "-"));
      b.table.add(
          Bench.row(
              "  probe: durable send alone, p50 / p99 (ms)",
              q[0].show("%.2f") + " / " + q[1].show("%.2f"),
              "-",
              "-"));
    }
    f.put("fixedRates", rates);
    f.put(
        "generator",
        "OpenLoop: blocking sockets, latency from the intended send time, ≤"
            + OpenLoop.CONNECTIONS
            + " keep-alive connections in flight");
    f.put("loadAtEnd", Machine.load());
    b.figures().put("intake", f);
    s.cli(QUEUE + ":remove-messages");
    s.cli(QUEUE + ":resume()");
    Bench.log("intake: queue resumed");
  }

  /** wrk against one probe of bench-noop.war, then its queue emptied. */
  private Wrk.Result probe(String name, Duration d) {
    Wrk.Result r =
        Wrk.run(
            b.work, s.url("/bench-noop/" + name + "/probe"), 1, b.connections, d, id(1_000_000));
    s.cli(PROBE + ":remove-messages");
    return r;
  }

  private void clear() {
    s.cli(QUEUE + ":remove-messages");
  }

  private long id(long span) {
    long v = nextId;
    nextId += span * 16 + 16;
    return v;
  }

  private static void add(Stats[] s, LoadGen.Result r) {
    s[0].add(r.p(50));
    s[1].add(r.p(99));
    s[2].add(r.p(99.9));
    s[3].add(r.achievedPerSecond());
  }

  private static Map<String, Object> percentiles(Stats[] s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("p50", s[0].json());
    m.put("p99", s[1].json());
    m.put("p99.9", s[2].json());
    m.put("okPerSecond", s[3].json());
    return m;
  }

  static Map<String, Object> olJson(LoadGen.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("sent", r.sent());
    m.put("ok", r.ok());
    m.put("failed", r.failed());
    m.put("okPerSecond", r.achievedPerSecond());
    m.put("p50", r.p(50));
    m.put("p99", r.p(99));
    m.put("p99.9", r.p(99.9));
    m.put("max", r.latency().getMaxValue() / 1000.0);
    return m;
  }

  private static Map<String, Object> wrkJson(Wrk.Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("requests", r.requests());
    m.put("non2xx", r.non2xx());
    m.put("socketErrors", r.socketErrors());
    m.put("seconds", r.seconds());
    m.put("ackedPerSecond", r.acked());
    m.put("cpuBusy", r.cpuBusy());
    return m;
  }

  static String ratio(double r) {
    return Double.isNaN(r) ? "-" : String.format(Locale.ROOT, "%.2f", r);
  }
}
