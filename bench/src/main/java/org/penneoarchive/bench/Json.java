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

  /** Parses JSON into maps, lists, strings, doubles, booleans and null. */
  static Object parse(String text) {
    int[] pos = {0};
    Object v = value(text, pos);
    return v;
  }

  private static Object value(String t, int[] p) {
    ws(t, p);
    char c = t.charAt(p[0]);
    if (c == '{') {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      p[0]++;
      ws(t, p);
      if (t.charAt(p[0]) == '}') {
        p[0]++;
        return m;
      }
      while (true) {
        ws(t, p);
        String k = str(t, p);
        ws(t, p);
        p[0]++; // :
        m.put(k, value(t, p));
        ws(t, p);
        if (t.charAt(p[0]++) == '}') {
          return m;
        }
      }
    } else if (c == '[') {
      java.util.List<Object> l = new java.util.ArrayList<>();
      p[0]++;
      ws(t, p);
      if (t.charAt(p[0]) == ']') {
        p[0]++;
        return l;
      }
      while (true) {
        l.add(value(t, p));
        ws(t, p);
        if (t.charAt(p[0]++) == ']') {
          return l;
        }
      }
    } else if (c == '"') {
      return str(t, p);
    } else if (t.startsWith("true", p[0])) {
      p[0] += 4;
      return Boolean.TRUE;
    } else if (t.startsWith("false", p[0])) {
      p[0] += 5;
      return Boolean.FALSE;
    } else if (t.startsWith("null", p[0])) {
      p[0] += 4;
      return null;
    }
    int s = p[0];
    while (p[0] < t.length() && "+-0123456789.eE".indexOf(t.charAt(p[0])) >= 0) {
      p[0]++;
    }
    return Double.parseDouble(t.substring(s, p[0]));
  }

  private static String str(String t, int[] p) {
    StringBuilder b = new StringBuilder();
    p[0]++; // opening quote
    while (true) {
      char c = t.charAt(p[0]++);
      if (c == '"') {
        return b.toString();
      }
      if (c == '\\') {
        char e = t.charAt(p[0]++);
        switch (e) {
          case 'n' -> b.append('\n');
          case 't' -> b.append('\t');
          case 'r' -> b.append('\r');
          case 'b' -> b.append('\b');
          case 'f' -> b.append('\f');
          case 'u' -> {
            b.append((char) Integer.parseInt(t.substring(p[0], p[0] + 4), 16));
            p[0] += 4;
          }
          default -> b.append(e);
        }
      } else {
        b.append(c);
      }
    }
  }

  private static void ws(String t, int[] p) {
    while (p[0] < t.length() && Character.isWhitespace(t.charAt(p[0]))) {
      p[0]++;
    }
  }
}
