package guestarmor.admin;

import java.util.Collection;
import java.util.Map;

/**
 * A minimal JSON writer for {@code --json}: maps keep their insertion order (use LinkedHashMap),
 * so the output is stable from run to run.
 */
public final class Json {
  private Json() {}

  public static String write(Object value) {
    StringBuilder b = new StringBuilder();
    value(b, value);
    return b.toString();
  }

  private static void value(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Number || v instanceof Boolean) {
      b.append(v);
    } else if (v instanceof Map<?, ?> m) {
      object(b, m);
    } else if (v instanceof Collection<?> c) {
      array(b, c);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }
  }

  private static void object(StringBuilder b, Map<?, ?> m) {
    b.append('{');
    String sep = "";
    for (Map.Entry<?, ?> e : m.entrySet()) {
      b.append(sep);
      string(b, String.valueOf(e.getKey()));
      b.append(':');
      value(b, e.getValue());
      sep = ",";
    }
    b.append('}');
  }

  private static void array(StringBuilder b, Collection<?> c) {
    b.append('[');
    String sep = "";
    for (Object o : c) {
      b.append(sep);
      value(b, o);
      sep = ",";
    }
    b.append(']');
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
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
