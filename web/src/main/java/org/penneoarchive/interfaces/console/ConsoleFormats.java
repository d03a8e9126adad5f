package org.penneoarchive.interfaces.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Dates and sizes as the person reading them expects: times in their own time zone (which the
 * browser tells through the {@code tz} cookie set by console.js; UTC until it has), numbers in
 * their language.
 */
@Named("fmt")
@RequestScoped
public class ConsoleFormats {

  static final String TZ_COOKIE = "tz";
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final DateTimeFormatter PRECISE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

  @Inject PreferencesBacking prefs;

  private ZoneId zone;

  public ZoneId getZone() {
    if (zone == null) {
      zone = zoneFromCookie();
    }
    return zone;
  }

  public String dateTime(Instant t) {
    return t == null ? "" : DATE_TIME.format(t.atZone(getZone()));
  }

  /** Penneo's event times carry microseconds; the timeline shows them. */
  public String precise(Instant t) {
    return t == null ? "" : PRECISE.format(t.atZone(getZone()));
  }

  /** {@code yyyy-MM-dd} in the viewer's zone (for date inputs and chart labels). */
  public String day(Instant t) {
    return t == null ? "" : DAY.format(t.atZone(getZone()));
  }

  public String number(long n) {
    return NumberFormat.getIntegerInstance(prefs.getLocale()).format(n);
  }

  /** Bytes with a binary unit, e.g. {@code 4.8 MiB}; the exact count stays in the title. */
  public String bytes(long n) {
    if (n < 1024) {
      return number(n) + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double v = n;
    int u = -1;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    NumberFormat f = NumberFormat.getNumberInstance(prefs.getLocale());
    f.setMaximumFractionDigits(1);
    return f.format(v) + " " + units[u];
  }

  /** A duration such as {@code 2 h 05 min}, {@code 3 min 07 s} or {@code 12 s}; empty for null. */
  public String duration(Long millis) {
    if (millis == null) {
      return "";
    }
    long s = Math.max(0, millis) / 1000;
    if (s < 60) {
      return s + " s";
    }
    if (s < 3600) {
      return String.format("%d min %02d s", s / 60, s % 60);
    }
    return String.format("%d h %02d min", s / 3600, (s % 3600) / 60);
  }

  public String list(java.util.List<String> items) {
    return items == null ? "" : String.join(", ", items);
  }

  private static ZoneId zoneFromCookie() {
    Object c =
        FacesContext.getCurrentInstance().getExternalContext().getRequestCookieMap().get(TZ_COOKIE);
    if (c instanceof Cookie cookie && cookie.getValue() != null) {
      String id = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
      if (id.length() <= 64) {
        try {
          return ZoneId.of(id);
        } catch (DateTimeException unknown) {
          // a made-up cookie: fall back to UTC
        }
      }
    }
    return ZoneOffset.UTC;
  }
}
