package org.penneoarchive.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine's and two JVMs' CPU ticks, read every {@value #EVERY_MILLIS} ms on a thread of its
 * own while a saturation run drains, so that the CPU of exactly the drain (first to last
 * notification processed, known only afterwards from the database) can be told apart from what
 * surrounds it: the management CLI's own JVM that resumes the queue, and the checks that trail the
 * last commit.
 */
final class CpuTimeline implements AutoCloseable {

  static final long EVERY_MILLIS = 50;

  /** One reading; ticks are {@code USER_HZ} (10 ms), -1 where unreadable. */
  record Sample(long millis, long machineBusy, long machineTotal, long product, long sandbox) {}

  /** The CPU of a window, in cores used on average (2.0: both cores all the time). */
  record Window(
      long fromMillis,
      long toMillis,
      double machineBusyShare,
      double productCores,
      double sandboxCores,
      double otherCores) {

    Map<String, Object> json() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("millis", toMillis - fromMillis);
      m.put("machineCpuBusyPercent", machineBusyShare * 100);
      m.put("productCores", productCores);
      m.put("sandboxCores", sandboxCores);
      m.put("otherCores", otherCores);
      return m;
    }
  }

  private final long productPid;
  private final long sandboxPid;
  private final List<Sample> samples = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  CpuTimeline(long productPid, long sandboxPid) {
    this.productPid = productPid;
    this.sandboxPid = sandboxPid;
    read();
    thread = new Thread(this::loop, "bench-cpu-timeline");
    thread.setDaemon(true);
    thread.start();
  }

  private void loop() {
    while (running) {
      try {
        Thread.sleep(EVERY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      read();
    }
  }

  private void read() {
    long[] m = Machine.cpuTicks();
    Sample s =
        new Sample(
            System.currentTimeMillis(),
            m[0],
            m[1],
            Machine.processCpuTicks(productPid),
            Machine.processCpuTicks(sandboxPid));
    synchronized (samples) {
      samples.add(s);
    }
  }

  /** Stops reading, with one last reading; once. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    read();
  }

  List<Sample> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  /**
   * The CPU between the last reading at or before {@code fromMillis} and the first at or after
   * {@code toMillis} (so the window is widened by at most one interval at each end); null when the
   * readings do not cover it or the window is shorter than 10 intervals (ticks of 10 ms make
   * shorter ones meaningless).
   */
  static Window window(List<Sample> samples, long fromMillis, long toMillis) {
    Sample a = null;
    Sample b = null;
    for (Sample s : samples) {
      if (s.millis() <= fromMillis) {
        a = s;
      }
      if (b == null && s.millis() >= toMillis) {
        b = s;
      }
    }
    if (a == null
        || b == null
        || b.millis() - a.millis() < 10 * EVERY_MILLIS
        || a.machineTotal() <= 0
        || b.machineTotal() <= a.machineTotal()
        || a.product() < 0
        || b.product() < 0
        || a.sandbox() < 0
        || b.sandbox() < 0) {
      return null;
    }
    long total = b.machineTotal() - a.machineTotal();
    long busy = b.machineBusy() - a.machineBusy();
    double seconds = (b.millis() - a.millis()) / 1000.0;
    double product = (b.product() - a.product()) / 100.0 / seconds;
    double sandbox = (b.sandbox() - a.sandbox()) / 100.0 / seconds;
    double machineCores = busy / (double) total * Runtime.getRuntime().availableProcessors();
    return new Window(
        a.millis(),
        b.millis(),
        busy / (double) total,
        product,
        sandbox,
        Math.max(0, machineCores - product - sandbox));
  }
}
