package guestarmor.profile;

import java.util.ArrayList;
import java.util.List;

/**
 * A guest profile's mode, as the {@code complain} flag of its header line
 * ({@code profile libvirt-<uuid> flags=(attach_disconnected, complain) {}): what {@code aa-complain}
 * writes, so the file says what the kernel has (decisions file, "complain mode"). Pure text work, by hand:
 * java.util.regex spins method-handle classes at its first use on JDK 17, about 6 ms of every writing call
 * (issue 14).
 */
public enum ProfileMode {
  ENFORCE, COMPLAIN;

  public String label() {
    return name().toLowerCase();
  }

  /** The mode a profile text declares: complain when its header's flags name it. */
  public static ProfileMode of(String profile, String name) {
    int[] header = header(profile, name);
    return header == null ? ENFORCE : ofHeader(profile.substring(header[0], header[1]));
  }

  // The mode the part of the header after NAME declares.
  private static ProfileMode ofHeader(String rest) {
    int[] flags = flags(rest);
    return flags != null && split(rest.substring(flags[2], flags[3])).contains("complain") ? COMPLAIN : ENFORCE;
  }

  /**
   * The profile text with its header's flags set to this mode, every other flag and byte kept.
   *
   * @return the text unchanged when it already is in this mode, or null when it has no
   *     {@code profile NAME ... {} line to put a flag on
   */
  public String applyTo(String profile, String name) {
    int[] header = header(profile, name);
    if (header == null) {
      return null;
    }
    String rest = profile.substring(header[0], header[1]);
    if (ofHeader(rest) == this) {
      return profile;
    }
    int[] flags = flags(rest);
    String newRest;
    if (flags != null) {
      List<String> list = split(rest.substring(flags[2], flags[3]));
      list.remove("complain");
      if (this == COMPLAIN) {
        list.add("complain");
      }
      String replacement = list.isEmpty() ? "" : "flags=(" + String.join(", ", list) + ")";
      newRest = rest.substring(0, flags[0]) + replacement + rest.substring(flags[1]);
      newRest = list.isEmpty() ? oneSpaceAtEnds(newRest) : newRest;
    } else {
      newRest = rest.stripTrailing() + " flags=(complain) ";
    }
    return profile.substring(0, header[0]) + newRest + profile.substring(header[1]);
  }

  /**
   * The header: a line "[blanks]profile blanks NAME", then nothing or a blank and anything but a newline
   * up to the line's first opening brace. Returns {start, end} of what lies between NAME and that brace.
   */
  private static int[] header(String profile, String name) {
    int length = profile.length();
    int line = 0;
    while (line <= length) {
      int i = skipBlanks(profile, line);
      if (profile.startsWith("profile", i)) {
        int afterKeyword = i + "profile".length();
        int nameAt = skipBlanks(profile, afterKeyword);
        if (nameAt > afterKeyword && profile.startsWith(name, nameAt)) {
          int rest = nameAt + name.length();
          int brace = braceOfHeader(profile, rest);
          if (brace >= 0) {
            return new int[] {rest, brace};
          }
        }
      }
      line = nextLine(profile, line);
    }
    return null;
  }

  // Where the next line starts after any of Java's line terminators (as the (?m)^ this replaces saw them).
  private static int nextLine(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return i + 1;
      }
    }
    return s.length() + 1;
  }

  // The brace right at REST, or after a blank there and before any newline; -1 when there is none.
  private static int braceOfHeader(String profile, int rest) {
    if (rest >= profile.length()) {
      return -1;
    }
    char c = profile.charAt(rest);
    if (c == '{') {
      return rest;
    }
    if (c != ' ' && c != '\t') {
      return -1;
    }
    for (int i = rest + 1; i < profile.length(); i++) {
      char d = profile.charAt(i);
      if (d == '{') {
        return i;
      }
      if (d == '\n') {
        return -1;
      }
    }
    return -1;
  }

  private static int skipBlanks(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** The first {@code flags = ( ... )} in the text: {start, end, start of the list, end of the list}, or null. */
  private static int[] flags(String text) {
    for (int at = text.indexOf("flags"); at >= 0; at = text.indexOf("flags", at + 1)) {
      int i = skipSpace(text, at + "flags".length());
      if (i < text.length() && text.charAt(i) == '=') {
        i = skipSpace(text, i + 1);
        if (i < text.length() && text.charAt(i) == '(') {
          int close = text.indexOf(')', i + 1);
          if (close >= 0) {
            return new int[] {at, close + 1, i + 1, close};
          }
        }
      }
    }
    return null;
  }

  // Java's \s: space, tab, newline, vertical tab, form feed, carriage return.
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  private static int skipSpace(String s, int i) {
    while (i < s.length() && isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  // A run of white space at either end becomes one space (the flags went, and the blank before them).
  private static String oneSpaceAtEnds(String s) {
    int end = s.length();
    while (end > 0 && isSpace(s.charAt(end - 1))) {
      end--;
    }
    String t = end < s.length() ? s.substring(0, end) + " " : s;
    int start = skipSpace(t, 0);
    return start > 0 ? " " + t.substring(start) : t;
  }

  private static List<String> split(String flags) {
    List<String> list = new ArrayList<>();
    int i = 0;
    while (i < flags.length()) {
      while (i < flags.length() && (flags.charAt(i) == ',' || isSpace(flags.charAt(i)))) {
        i++;
      }
      int start = i;
      while (i < flags.length() && flags.charAt(i) != ',' && !isSpace(flags.charAt(i))) {
        i++;
      }
      if (i > start) {
        list.add(flags.substring(start, i));
      }
    }
    return list;
  }
}
