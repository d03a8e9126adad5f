package org.penneoarchive.infrastructure.config;

import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Persistent EJB timers whose schedule comes from configuration ({@code @Schedule} cannot read
 * MicroProfile Config). A timer is created at start only if none with the same info exists —
 * persistent timers survive restarts, so creating one per boot would multiply them — and is
 * replaced when its configured schedule changed.
 *
 * <p>Expression syntax: the attributes of an EJB schedule as {@code name=value} pairs separated by
 * {@code ;}, e.g. {@code minute=*&#47;15;hour=*}; unset attributes keep the EJB defaults (second 0,
 * minute 0, hour 0, every day). The one place that reads {@code archive.schedule}, {@code
 * fixity.schedule} and {@code reconciliation.schedule}.
 */
public final class ConfiguredSchedule {

  private static final Logger LOG = Logger.getLogger(ConfiguredSchedule.class.getName());

  private ConfiguredSchedule() {}

  /**
   * @throws IllegalArgumentException for an unknown attribute, a pair without {@code =} or an empty
   *     value, naming what is wrong
   */
  public static ScheduleExpression parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a schedule is empty");
    }
    ScheduleExpression s = new ScheduleExpression();
    for (String pair : text.split(";")) {
      String p = pair.strip();
      if (p.isEmpty()) {
        continue;
      }
      int eq = p.indexOf('=');
      if (eq <= 0 || eq == p.length() - 1) {
        throw new IllegalArgumentException(
            "'" + p + "' in schedule '" + text + "' is not name=value");
      }
      String name = p.substring(0, eq).strip();
      String value = p.substring(eq + 1).strip();
      switch (name.toLowerCase(Locale.ROOT)) {
        case "second" -> s.second(value);
        case "minute" -> s.minute(value);
        case "hour" -> s.hour(value);
        case "dayofmonth" -> s.dayOfMonth(value);
        case "month" -> s.month(value);
        case "dayofweek" -> s.dayOfWeek(value);
        case "year" -> s.year(value);
        case "timezone" -> s.timezone(value);
        default ->
            throw new IllegalArgumentException(
                "'"
                    + name
                    + "' in schedule '"
                    + text
                    + "' is none of second, minute, hour, dayOfMonth, month, dayOfWeek, year,"
                    + " timezone");
      }
    }
    return s;
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
        && a.getYear().equals(b.getYear())
        && java.util.Objects.equals(a.getTimezone(), b.getTimezone());
  }
}
