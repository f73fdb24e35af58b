package guestarmor.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

// Test-only: the regex implementation ProfileMode had before issue 14, kept as the reference its hand scan is checked against.
enum RegexProfileMode {
  ENFORCE, COMPLAIN;

  private static final Pattern FLAGS = Pattern.compile("flags\\s*=\\s*\\(([^)]*)\\)");

  String label() {
    return name().toLowerCase();
  }

  /** The mode a profile text declares: complain when its header's flags name it. */
  static RegexProfileMode of(String profile, String name) {
    Matcher header = header(profile, name);
    if (header == null) {
      return ENFORCE;
    }
    Matcher flags = FLAGS.matcher(header.group(2));
    return flags.find() && split(flags.group(1)).contains("complain") ? COMPLAIN : ENFORCE;
  }

  /**
   * The profile text with its header's flags set to this mode, every other flag and byte kept.
   *
   * @return the text unchanged when it already is in this mode, or null when it has no
   *     {@code profile NAME ... {} line to put a flag on
   */
  String applyTo(String profile, String name) {
    Matcher header = header(profile, name);
    if (header == null) {
      return null;
    }
    if (of(profile, name) == this) {
      return profile;
    }
    String rest = header.group(2);
    Matcher flags = FLAGS.matcher(rest);
    String newRest;
    if (flags.find()) {
      List<String> list = split(flags.group(1));
      list.remove("complain");
      if (this == COMPLAIN) {
        list.add("complain");
      }
      String replacement = list.isEmpty() ? "" : "flags=(" + String.join(", ", list) + ")";
      newRest = rest.substring(0, flags.start()) + replacement + rest.substring(flags.end());
      newRest = list.isEmpty() ? newRest.replaceAll("\\s+$", " ").replaceAll("^\\s+", " ") : newRest;
    } else {
      newRest = rest.stripTrailing() + " flags=(complain) ";
    }
    return profile.substring(0, header.start(2)) + newRest + profile.substring(header.end(2));
  }

  // The header: "profile NAME", then anything up to the opening brace on the same line (group 2).
  private static Matcher header(String profile, String name) {
    Matcher m = Pattern.compile("(?m)^([ \\t]*profile[ \\t]+" + Pattern.quote(name) + ")((?:[ \\t][^\\n{]*)?)\\{")
        .matcher(profile);
    return m.find() ? m : null;
  }

  private static List<String> split(String flags) {
    List<String> list = new ArrayList<>();
    for (String f : flags.split("[,\\s]+")) {
      if (!f.isEmpty()) {
        list.add(f);
      }
    }
    return list;
  }
}
