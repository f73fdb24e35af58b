package guestarmor.admin;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares an installed {@code .files} with a fresh render, leaving out what libvirtd added with {@code -F}:
 * on every start it appends the domain and channel directories ({@code DIR/{,**}}) and the master key
 * (behaviour spec 2), and the paths it generates inside them after the start call (the guest agent's
 * channel socket) reach a fresh render of the live XML but never the rendered part of the file.
 */
final class AppendedRules {
  // FilesRenderer heads each group with its origin; -F groups are "# -F (hotplug)" (decisions.md
  // section 3, the profile files; 2.6, -F does not duplicate).
  private static final String APPENDED = "  # -F (hotplug)";
  // The start call's own copy of those -F rules (helper's StartPathRules.ORIGIN, decisions.md 2.16): its
  // directories cover what libvirtd creates in them after the call, as an appended group's do.
  private static final String START_PATHS = "  # start -F";
  private static final String SUBTREE = "{,**}";

  private AppendedRules() {}

  /** Whether the installed text holds the rendered rules, in order, apart from -F groups and what they cover. */
  static boolean matches(String installed, String rendered) {
    List<String> prefixes = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    List<String> lifted = new ArrayList<>();
    boolean appended = false;
    boolean startPaths = false;
    for (String line : installed.split("\n")) {
      if (line.startsWith("  # ")) {
        appended = line.equals(APPENDED);
        startPaths = line.equals(START_PATHS);
      } else if (startPaths && path(line).endsWith(SUBTREE)) {
        prefixes.add(path(line).substring(0, path(line).length() - SUBTREE.length()));
        kept.add(line);
      } else if (appended && path(line).endsWith(SUBTREE)) {
        prefixes.add(path(line).substring(0, path(line).length() - SUBTREE.length()));
      } else if (appended) {
        lifted.add("  deny \"" + path(line) + "\" w,"); // a write grant lifts that path's deny line (decisions 12)
      } else if (!line.startsWith("#")) {
        kept.add(line);
      }
    }
    List<String> expected = new ArrayList<>(List.of(rendered.split("\n")));
    expected.removeAll(lifted);
    return uncovered(kept, prefixes).equals(uncovered(expected, prefixes));
  }

  private static List<String> uncovered(List<String> lines, List<String> prefixes) {
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("  # ") && !line.startsWith("#")
          && prefixes.stream().noneMatch(p -> path(line).startsWith(p))) {
        out.add(line);
      }
    }
    return out;
  }

  // The quoted path of a rule line, as written (escaped): both sides are escaped alike.
  private static String path(String line) {
    int first = line.indexOf('"');
    int last = line.lastIndexOf('"');
    return first < 0 || last <= first ? "" : line.substring(first + 1, last);
  }
}
