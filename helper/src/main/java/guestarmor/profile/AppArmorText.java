package guestarmor.profile;

import guestarmor.rules.PathPattern;

/**
 * The one place that turns a path into AppArmor syntax. Literal text is quoted with
 * {@code \ " * ? [ ] { } ^} backslash-escaped, so the rule matches that path only and {@code @{VAR}}
 * cannot expand (decisions file, item 1; checked against apparmor_parser 3.0.8).
 */
final class AppArmorText {
  private static final String SPECIALS = "\\\"*?[]{}^";

  private AppArmorText() {}

  /** The pattern as a quoted AppArmor path. */
  public static String quoted(PathPattern pattern) {
    StringBuilder b = new StringBuilder("\"");
    for (PathPattern.Part part : pattern.parts()) {
      if (part instanceof PathPattern.Literal) {
        escapeInto(b, part.text());
      } else {
        b.append(part.text());
      }
    }
    return b.append('"').toString();
  }

  static void escapeInto(StringBuilder b, String literal) {
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (SPECIALS.indexOf(c) >= 0) {
        b.append('\\');
      }
      b.append(c);
    }
  }

  /** Text safe inside a {@code #} comment: one line, whatever the XML held. */
  public static String comment(String text) {
    StringBuilder b = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return b.toString();
  }
}
