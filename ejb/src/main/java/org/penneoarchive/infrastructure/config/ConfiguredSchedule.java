package org.penneoarchive.infrastructure.config;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Persistent EJB timers whose schedule comes from configuration ({@code @Schedule} cannot read
 * MicroProfile Config). A timer is created at start only if none with the same info exists —
 * persistent timers survive restarts, so creating one per boot would multiply them — and is
 * replaced when its configured schedule changed.
 *
 * <p>Expression syntax: {@code second=0;minute=*&#47;15;hour=*} (the EJB schedule attributes
 * second, minute, hour, dayOfWeek, dayOfMonth, month, year; missing ones default to {@code *},
 * except second to 0).
 */
public final class ConfiguredSchedule {

  private static final Logger LOG = Logger.getLogger(ConfiguredSchedule.class.getName());
  private static final Set<String> FIELDS =
      Set.of("second", "minute", "hour", "dayofweek", "dayofmonth", "month", "year");

  private ConfiguredSchedule() {}

  public static ScheduleExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("an empty schedule");
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("not field=value: '" + part.strip() + "' in " + text);
      }
      String name = part.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!FIELDS.contains(name)) {
        throw new IllegalArgumentException("unknown schedule field '" + name + "' in " + text);
      }
      fields.put(name, part.substring(eq + 1).strip());
    }
    ScheduleExpression e =
        new ScheduleExpression()
            .second(fields.getOrDefault("second", "0"))
            .minute(fields.getOrDefault("minute", "*"))
            .hour(fields.getOrDefault("hour", "*"))
            .dayOfWeek(fields.getOrDefault("dayofweek", "*"))
            .dayOfMonth(fields.getOrDefault("dayofmonth", "*"))
            .month(fields.getOrDefault("month", "*"))
            .year(fields.getOrDefault("year", "*"));
    return e;
  }

  /** Makes sure exactly one persistent timer named {@code info} runs on {@code schedule}. */
  public static Timer ensure(TimerService timers, String info, String schedule) {
    ScheduleExpression wanted = parse(schedule);
    Timer kept = null;
    for (Timer t : timers.getTimers()) {
      if (!info.equals(t.getInfo())) {
        continue;
      }
      if (kept == null && t.isPersistent() && same(t.getSchedule(), wanted)) {
        kept = t;
      } else {
        t.cancel();
      }
    }
    if (kept != null) {
      return kept;
    }
    Timer created = timers.createCalendarTimer(wanted, new TimerConfig(info, true));
    LOG.info(() -> "Timer " + info + " scheduled: " + schedule);
    return created;
  }

  static boolean same(ScheduleExpression a, ScheduleExpression b) {
    return a.getSecond().equals(b.getSecond())
        && a.getMinute().equals(b.getMinute())
        && a.getHour().equals(b.getHour())
        && a.getDayOfWeek().equals(b.getDayOfWeek())
        && a.getDayOfMonth().equals(b.getDayOfMonth())
        && a.getMonth().equals(b.getMonth())
        && a.getYear().equals(b.getYear());
  }
}
