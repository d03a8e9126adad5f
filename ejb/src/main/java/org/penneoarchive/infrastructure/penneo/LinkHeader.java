package org.penneoarchive.infrastructure.penneo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the {@code rel="next"} target in RFC 8288 {@code Link} headers, as Penneo's paginated lists
 * send them ({@code <https://…/casefiles?page=2&per_page=10>; rel="next", <…>; rel="first"}).
 *
 * <p>Only parsing lives here; whether the target may be followed is decided by the client (it must
 * point at the configured API host).
 */
final class LinkHeader {

  private LinkHeader() {}

  /**
   * The first link whose {@code rel} includes {@code next}, resolved against the page's URL.
   *
   * @param values every {@code Link} header of the answer (there may be several)
   * @return empty when there is none, including for empty or unreadable headers
   */
  static Optional<URI> next(List<String> values, URI page) {
    for (String value : values) {
      for (String link : split(value)) {
        Optional<URI> target = nextTarget(link.trim(), page);
        if (target.isPresent()) {
          return target;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<URI> nextTarget(String link, URI page) {
    if (!link.startsWith("<")) {
      return Optional.empty();
    }
    int close = link.indexOf('>');
    if (close < 0) {
      return Optional.empty();
    }
    String target = link.substring(1, close).trim();
    boolean isNext = false;
    for (String param : link.substring(close + 1).split(";")) {
      int eq = param.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String name = param.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      String v = param.substring(eq + 1).trim();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      if (name.equals("rel")) {
        for (String rel : v.trim().split("\\s+")) {
          if (rel.equalsIgnoreCase("next")) {
            isNext = true;
          }
        }
      }
    }
    if (!isNext || target.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(page.resolve(new URI(target)));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Splits at commas outside {@code <…>} and quotes. */
  private static List<String> split(String value) {
    List<String> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inAngle = false;
    boolean inQuote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '<' && !inQuote) {
        inAngle = true;
      } else if (c == '>' && !inQuote) {
        inAngle = false;
      } else if (c == '"' && !inAngle) {
        inQuote = !inQuote;
      } else if (c == ',' && !inAngle && !inQuote) {
        parts.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    parts.add(cur.toString());
    return parts;
  }
}
