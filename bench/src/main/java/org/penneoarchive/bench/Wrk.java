package org.penneoarchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saturation with Debian's {@code wrk} (closed loop, C, cheaper per request than any Java client:
 * on 2 cores the load generator shares the CPU with the server). Each request carries a casefile
 * notification for a case file id of its own ({@code base + n × threads + thread}).
 */
final class Wrk {

  /** {@code cpuBusy}: the share of the machine's CPU time (all cores) not idle during the run. */
  record Result(
      long requests,
      long non2xx,
      long socketErrors,
      double seconds,
      double acked,
      double cpuBusy) {}

  private static final String SCRIPT =
      """
      local threads = {}
      local counter = 0
      local tid = 0
      local base = 0
      function setup(thread)
        thread:set("tid", #threads)
        table.insert(threads, thread)
      end
      function init(args)
        base = tonumber(args[1])
        wrk.method = "POST"
        wrk.headers["User-Agent"] = "Penneo-Webhooks (bench)"
      end
      function request()
        counter = counter + 1
        local id = base + counter * 16 + tid
        local body = '{"topic":"casefile","eventType":"activated","eventTime":{"date":"2026-06-01 08:00:00.517791","timezone_type":3,"timezone":"UTC"},"payload":{"id":' .. id .. ',"status":1,"title":"Bench case file ' .. id .. '"}}'
        return wrk.format(nil, nil, nil, body)
      end
      """;

  static Result run(Path work, URI url, int threads, int connections, Duration d, long idBase) {
    try {
      Path script = work.resolve("wrk-post.lua");
      Files.writeString(script, SCRIPT);
      long[] cpu0 = Machine.cpuTicks();
      String out =
          Server.run(
              List.of(
                  "wrk",
                  "-t" + threads,
                  "-c" + connections,
                  "-d" + d.toSeconds() + "s",
                  "--timeout",
                  "10s",
                  "-s",
                  script.toString(),
                  url.toString(),
                  "--",
                  Long.toString(idBase)),
              Map.of(),
              d.plusSeconds(60));
      double busy = Machine.busy(cpu0, Machine.cpuTicks());
      long requests = group(out, "(\\d+) requests in");
      double seconds = duration(out);
      long non2xx = group(out, "Non-2xx or 3xx responses: (\\d+)");
      Matcher se =
          Pattern.compile("connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(out);
      long socket = 0;
      if (se.find()) {
        for (int i = 1; i <= 4; i++) {
          socket += Long.parseLong(se.group(i));
        }
      }
      return new Result(requests, non2xx, socket, seconds, (requests - non2xx) / seconds, busy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long group(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  private static double duration(String out) {
    Matcher m = Pattern.compile("requests in ([0-9.]+)(ms|s|m)").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("cannot read wrk's output:\n" + out);
    }
    double v = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> v / 1000;
      case "m" -> v * 60;
      default -> v;
    };
  }
}
