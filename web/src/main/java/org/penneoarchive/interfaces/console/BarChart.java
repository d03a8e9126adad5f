package org.penneoarchive.interfaces.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.penneoarchive.application.dashboard.DayCount;

/**
 * The geometry of a grouped bar chart drawn as SVG by the server: no script, no chart library, the
 * same picture on screen and on paper. Several series per day; the numbers behind the bars are also
 * in a table beside the picture for screen readers.
 */
public final class BarChart implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final int WIDTH = 720;
  public static final int HEIGHT = 220;
  static final int LEFT = 44;
  static final int BOTTOM = 24;
  static final int TOP = 10;

  /** One bar, in SVG user units. */
  public record Bar(int x, int y, int width, int height, long value, String label, int series)
      implements Serializable {}

  /** A label under the x axis or beside the y axis. */
  public record Label(int x, int y, String text) implements Serializable {}

  private final List<Bar> bars = new ArrayList<>();
  private final List<Label> xLabels = new ArrayList<>();
  private final List<Label> yLabels = new ArrayList<>();
  private final long max;

  /**
   * @param series the series, each with the same days in the same order (the first sets them)
   */
  public BarChart(List<List<DayCount>> series) {
    long m = 1;
    for (List<DayCount> s : series) {
      for (DayCount d : s) {
        m = Math.max(m, d.count());
      }
    }
    max = niceCeiling(m);
    List<DayCount> first = series.isEmpty() ? List.of() : series.get(0);
    int n = Math.max(1, series.size());
    int plotHeight = HEIGHT - TOP - BOTTOM;
    int slot = (WIDTH - LEFT) / Math.max(1, first.size());
    int barWidth = Math.max(2, (slot - 4) / n);
    int step = Math.max(1, first.size() / 7);
    for (int i = 0; i < first.size(); i++) {
      int x = LEFT + i * slot + 2;
      for (int k = 0; k < series.size(); k++) {
        if (i < series.get(k).size()) {
          addBar(x + k * barWidth, barWidth, series.get(k).get(i), k, plotHeight);
        }
      }
      if (i % step == 0 || i == first.size() - 1) {
        String day = first.get(i).day().toString();
        xLabels.add(new Label(x + barWidth * n / 2, HEIGHT - 6, day.substring(5)));
      }
    }
    for (int k = 0; k <= 4; k++) {
      long v = max * k / 4;
      yLabels.add(new Label(LEFT - 6, TOP + plotHeight - (int) (plotHeight * k / 4) + 4, "" + v));
    }
  }

  private void addBar(int x, int w, DayCount d, int series, int plotHeight) {
    int h = (int) Math.round((double) d.count() * plotHeight / max);
    bars.add(new Bar(x, TOP + plotHeight - h, w, h, d.count(), d.day().toString(), series));
  }

  /** The top of the y axis: four equal steps of 1, 2 or 5 × 10^n, at or above {@code v}. */
  static long niceCeiling(long v) {
    long step = (v + 3) / 4;
    long p = 1;
    while (true) {
      for (long f : new long[] {1, 2, 5}) {
        if (f * p >= step) {
          return 4 * f * p;
        }
      }
      p *= 10;
    }
  }

  public List<Bar> getBars() {
    return bars;
  }

  public List<Label> getXLabels() {
    return xLabels;
  }

  public List<Label> getYLabels() {
    return yLabels;
  }

  public long getMax() {
    return max;
  }

  public int getWidth() {
    return WIDTH;
  }

  public int getHeight() {
    return HEIGHT;
  }

  public int getAxisY() {
    return HEIGHT - BOTTOM;
  }

  public int getLeft() {
    return LEFT;
  }
}
