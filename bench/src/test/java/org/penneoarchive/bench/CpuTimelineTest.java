package org.penneoarchive.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuTimelineTest {

  private static final int CORES = Runtime.getRuntime().availableProcessors();

  /**
   * Readings every 50 ms from t=0: the machine busy {@code busyShare} of its ticks, the product and
   * the sandbox using {@code product} and {@code sandbox} cores.
   */
  private static List<CpuTimeline.Sample> steady(
      int readings, double busyShare, double product, double sandbox) {
    List<CpuTimeline.Sample> out = new ArrayList<>();
    for (int i = 0; i < readings; i++) {
      long ticks = i * 5L; // 50 ms = 5 ticks of 10 ms, per core
      long total = ticks * CORES;
      out.add(
          new CpuTimeline.Sample(
              i * 50L,
              Math.round(total * busyShare),
              total,
              Math.round(ticks * product),
              Math.round(ticks * sandbox)));
    }
    return out;
  }

  @Test
  void aWindowIsTheReadingsAroundIt() {
    var w = CpuTimeline.window(steady(100, 0.5, 0.6, 0.2), 1020, 3990);
    assertEquals(1000, w.fromMillis(), "the last reading at or before the start");
    assertEquals(4000, w.toMillis(), "the first reading at or after the end");
    assertEquals(0.5, w.machineBusyShare(), 0.001);
    assertEquals(0.6, w.productCores(), 0.001);
    assertEquals(0.2, w.sandboxCores(), 0.001);
    assertEquals(0.5 * CORES - 0.8, w.otherCores(), 0.001);
  }

  @Test
  void onlyTheWindowCounts() {
    List<CpuTimeline.Sample> s = new ArrayList<>(steady(40, 0.5, 0.5, 0.0));
    // From 2,000 ms on the machine and the product are busy all the time.
    var last = s.get(s.size() - 1);
    for (int i = 1; i <= 40; i++) {
      long ticks = i * 5L;
      s.add(
          new CpuTimeline.Sample(
              last.millis() + i * 50L,
              last.machineBusy() + ticks * CORES,
              last.machineTotal() + ticks * CORES,
              last.product() + ticks,
              0));
    }
    var w = CpuTimeline.window(s, last.millis(), last.millis() + 2000);
    assertEquals(1.0, w.machineBusyShare(), 0.001);
    assertEquals(1.0, w.productCores(), 0.001);
  }

  @Test
  void noFigureForAWindowTheReadingsDoNotCoverOrTooShortToCount() {
    var s = steady(20, 0.5, 0.5, 0.0); // 0..950 ms
    assertNull(CpuTimeline.window(s, -10, 900), "starts before the first reading");
    assertNull(CpuTimeline.window(s, 100, 2000), "ends after the last reading");
    assertNull(CpuTimeline.window(s, 100, 300), "shorter than ten readings");
  }

  @Test
  void noFigureWhenAProcessWasUnreadable() {
    var s = new ArrayList<>(steady(40, 0.5, 0.5, 0.0));
    var x = s.get(30);
    s.set(30, new CpuTimeline.Sample(x.millis(), x.machineBusy(), x.machineTotal(), -1, 0));
    assertNull(CpuTimeline.window(s, 0, 1500));
  }
}
