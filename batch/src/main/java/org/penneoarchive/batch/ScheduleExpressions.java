package org.penneoarchive.batch;

import jakarta.ejb.ScheduleExpression;
import java.util.Locale;

/**
 * Reads the schedules of the configuration ({@code archive.schedule}, {@code fixity.schedule}): the
 * attributes of an EJB schedule as {@code name=value} pairs separated by {@code ;}, e.g. {@code
 * minute=*&#47;15;hour=*}. Unset attributes keep the EJB defaults (second 0, minute 0, hour 0,
 * every day).
 */
public final class ScheduleExpressions {

  private ScheduleExpressions() {}

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
}
