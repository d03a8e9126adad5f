package org.penneoarchive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the figures were measured on. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe(Path wildflyHome) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("cpu", firstMatch(Path.of("/proc/cpuinfo"), "model name"));
    m.put("memoryMiB", kib("MemTotal") / 1024);
    m.put("memoryAvailableMiB", kib("MemAvailable") / 1024);
    m.put(
        "jdk",
        System.getProperty("java.vm.name")
            + " "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.home")
            + ")");
    m.put("wildfly", wildflyHome.getFileName().toString());
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    m.put("load", load());
    return m;
  }

  /** The 1, 5 and 15 minute load averages (/proc/loadavg). */
  /** The machine's CPU ticks from /proc/stat: {busy, total}. */
  static long[] cpuTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /** CPU ticks (user + system, {@code USER_HZ}: 100 per second) the process has used so far. */
  static long processCpuTicks(long pid) {
    try {
      return statTicks(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** utime + stime of a {@code /proc/.../stat} line (process or thread). */
  private static long statTicks(String stat) {
    // After the command name in parentheses: state is field 3, utime 14, stime 15.
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /**
   * CPU ticks used so far by the process's threads whose name starts with {@code prefix} (from
   * {@code /proc/<pid>/task/<tid>/stat}; e.g. {@code "C2 Compiler"}), or -1 when unreadable.
   */
  static long threadCpuTicks(long pid, String prefix) {
    try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
      long sum = 0;
      for (Path t : (Iterable<Path>) tasks::iterator) {
        String stat;
        try {
          stat = Files.readString(t.resolve("stat"));
        } catch (IOException gone) {
          continue; // the thread ended meanwhile
        }
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith(prefix)) {
          sum += statTicks(stat);
        }
      }
      return sum;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** The busy share of all cores between two {@link #cpuTicks()} readings, 0..1. */
  static double busy(long[] before, long[] after) {
    long total = after[1] - before[1];
    return total <= 0 ? Double.NaN : (after[0] - before[0]) / (double) total;
  }

  static String load() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "?";
    }
  }

  static long kib(String key) {
    String v = firstMatch(Path.of("/proc/meminfo"), key);
    return v == null ? -1 : Long.parseLong(v.replace("kB", "").trim());
  }

  /** A field of /proc/PID/status in KiB (VmHWM: peak RSS, VmRSS: RSS now). */
  static long procStatusKib(long pid, String key) {
    String v = firstMatch(Path.of("/proc/" + pid + "/status"), key);
    return v == null ? -1 : Long.parseLong(v.replace("kB", "").trim());
  }

  private static String firstMatch(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }
}
