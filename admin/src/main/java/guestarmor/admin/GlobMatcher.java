package guestarmor.admin;

import guestarmor.rules.PathPattern;
import java.util.regex.Pattern;

/**
 * Matches a path against a rule's {@link PathPattern} with AppArmor's glob semantics, for the
 * patterns guestarmor writes: literal parts match exactly; in glob parts {@code *} is any run of
 * characters but {@code /}, {@code **} any run at all, {@code ?} one character but {@code /},
 * {@code {a,b}} alternatives (nested, possibly empty), {@code [..]} a character class.
 * As apparmor_parser does (parser_regex.c), a {@code *} or {@code **} right after {@code /} and before
 * {@code /} or the end must match at least one character: {@code /d/**} does not match {@code /d/}, hence
 * libvirt's {@code /d/{,**}}; {@code /d/*x} matches {@code /d/x}, and a star first in braces may be empty.
 */
public final class GlobMatcher {
  private final Pattern regex;

  public GlobMatcher(PathPattern pattern) {
    StringBuilder b = new StringBuilder();
    boolean afterSlash = false;
    String text = pattern.display();
    int start = 0;
    for (PathPattern.Part part : pattern.parts()) {
      start += part.text().length();
      if (part instanceof PathPattern.Literal lit) {
        if (!lit.text().isEmpty()) {
          b.append(Pattern.quote(lit.text()));
          afterSlash = lit.text().endsWith("/");
        }
      } else {
        Glob g = new Glob(part.text(), text.substring(start));
        afterSlash = g.sequence(b, afterSlash, false);
        if (g.pos < part.text().length()) {
          throw new IllegalArgumentException("unbalanced glob: " + part.text());
        }
      }
    }
    this.regex = Pattern.compile(b.toString(), Pattern.DOTALL);
  }

  public boolean matches(String path) {
    return regex.matcher(path).matches();
  }

  /** Regex text, for tests and -v output. */
  public String regex() {
    return regex.pattern();
  }

  /** A recursive-descent translation of one glob part. */
  private static final class Glob {
    private final String text;
    /** What follows this part in the whole pattern: the parser looks past the part's end. */
    private final String rest;
    private int pos;

    Glob(String text, String rest) {
      this.text = text;
      this.rest = rest;
    }

    /** Translates until the end, or a {@code ,} / {@code }} of the enclosing alternation; returns "ends after /". */
    boolean sequence(StringBuilder b, boolean afterSlash, boolean inBraces) {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (inBraces && (c == ',' || c == '}')) {
          return afterSlash;
        }
        pos++;
        switch (c) {
          case '*' -> afterSlash = star(b, afterSlash);
          case '?' -> {
            b.append("[^/]");
            afterSlash = false;
          }
          case '{' -> afterSlash = alternation(b);
          case '[' -> afterSlash = charClass(b);
          case '\\' -> afterSlash = escaped(b);
          default -> {
            b.append(Pattern.quote(String.valueOf(c)));
            afterSlash = c == '/';
          }
        }
      }
      if (inBraces) {
        throw new IllegalArgumentException("unclosed { in glob: " + text);
      }
      return afterSlash;
    }

    private boolean star(StringBuilder b, boolean afterSlash) {
      boolean doubled = pos < text.length() && text.charAt(pos) == '*';
      if (doubled) {
        pos++;
      }
      String any = doubled ? "." : "[^/]";
      String next = text.substring(pos) + rest;
      boolean wholeName = afterSlash && (next.isEmpty() || next.charAt(0) == '/');
      b.append(wholeName ? "[^/]" + any + "*" : any + "*");
      return false;
    }

    private boolean alternation(StringBuilder b) {
      b.append("(?:");
      boolean first = true;
      while (true) {
        if (!first) {
          b.append('|');
        }
        first = false;
        sequence(b, false, true); // the parser's text before a branch ends in ( or |, never in /
        if (pos >= text.length()) {
          throw new IllegalArgumentException("unclosed { in glob: " + text);
        }
        char c = text.charAt(pos++);
        if (c == '}') {
          b.append(')');
          return false; // which branch matched is unknown: no "after /" guarantee
        }
      }
    }

    private boolean charClass(StringBuilder b) {
      int close = text.indexOf(']', pos);
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ in glob: " + text);
      }
      String body = text.substring(pos, close);
      pos = close + 1;
      String negated = body.startsWith("^") ? "^" : "";
      String chars = negated.isEmpty() ? body : body.substring(1);
      b.append('[').append(negated).append(chars.replace("\\", "\\\\").replace("[", "\\[")).append(']');
      return false;
    }

    private boolean escaped(StringBuilder b) {
      if (pos >= text.length()) {
        throw new IllegalArgumentException("trailing backslash in glob: " + text);
      }
      char c = text.charAt(pos++);
      b.append(Pattern.quote(String.valueOf(c)));
      return c == '/';
    }
  }
}
