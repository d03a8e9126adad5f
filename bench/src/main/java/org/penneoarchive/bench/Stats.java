package org.penneoarchive.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Median and spread (min, max) of repeated measurements of one figure. */
final class Stats {

  private final List<Double> values = new ArrayList<>();

  Stats add(double v) {
    values.add(v);
    return this;
  }

  int n() {
    return values.size();
  }

  double median() {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    double[] s = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  double min() {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  double max() {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("median", median());
    m.put("min", min());
    m.put("max", max());
    m.put("runs", new ArrayList<>(values));
    return m;
  }

  /** "median (min–max)" with the given number format. */
  String show(String format) {
    if (values.isEmpty()) {
      return "-";
    }
    return String.format(java.util.Locale.ROOT, format, median())
        + " ("
        + String.format(java.util.Locale.ROOT, format, min())
        + "–"
        + String.format(java.util.Locale.ROOT, format, max())
        + ")";
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  static long[] sorted(List<Long> xs) {
    long[] a = xs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }
}
