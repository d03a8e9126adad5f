package org.penneoarchive.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/** Writes maps, lists, strings, numbers and booleans as JSON (the results file). */
final class Json {

  private Json() {}

  static String write(Object o) {
    StringBuilder b = new StringBuilder();
    write(b, o, "");
    return b.append('\n').toString();
  }

  private static void write(StringBuilder b, Object o, String indent) {
    if (o == null) {
      b.append("null");
    } else if (o instanceof Map<?, ?> m) {
      if (m.isEmpty()) {
        b.append("{}");
        return;
      }
      b.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(indent).append("  ");
        string(b, String.valueOf(e.getKey()));
        b.append(": ");
        write(b, e.getValue(), indent + "  ");
        b.append(++i < m.size() ? ",\n" : "\n");
      }
      b.append(indent).append('}');
    } else if (o instanceof Collection<?> c) {
      b.append('[');
      int i = 0;
      for (Object x : c) {
        write(b, x, indent + "  ");
        if (++i < c.size()) {
          b.append(", ");
        }
      }
      b.append(']');
    } else if (o instanceof Double d) {
      b.append(d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d));
    } else if (o instanceof Number || o instanceof Boolean) {
      b.append(o);
    } else {
      string(b, o.toString());
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\t' -> b.append("\\t");
        case '\r' -> b.append("\\r");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
