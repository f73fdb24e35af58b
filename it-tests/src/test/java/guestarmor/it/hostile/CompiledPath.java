package guestarmor.it.hostile;

import guestarmor.it.ParserDfa;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the real apparmor_parser makes of one rule line: its DFA ({@code --dump=dfa-states}), read
 * back as the exact set of byte strings it accepts, or null when that set is not one literal path.
 */
final class CompiledPath {
  private static final Pattern STATE = Pattern.compile("^\\{(\\d+)\\} perms: (.*)$");
  /** One byte to one state, e.g. {@code "    c 0x63 -> {8}"} or {@code "    0xc3 -> {5}"}; ranges look otherwise. */
  private static final Pattern EDGE = Pattern.compile("^    (?:.*\\s)?0x([0-9a-f]{1,2}) -> \\{(\\d+)\\}.*$");

  private CompiledPath() {}

  /**
   * The one string the rule's DFA accepts, when the DFA is a single chain of single-byte edges
   * ending in an accepting state; null when it accepts anything else (a range, a branch, a loop).
   */
  static String acceptedLiteral(String ruleLine, Path workDir) throws IOException, InterruptedException {
    return walk(ParserDfa.dump(ruleLine, workDir));
  }

  private static String walk(String dump) {
    Map<Integer, List<int[]>> edges = new HashMap<>();
    Map<Integer, Boolean> accepting = new HashMap<>();
    Integer current = null;
    for (String line : dump.split("\n")) {
      Matcher s = STATE.matcher(line);
      Matcher e = EDGE.matcher(line);
      if (s.matches()) {
        current = Integer.parseInt(s.group(1));
        accepting.put(current, !s.group(2).strip().equals("none"));
        edges.putIfAbsent(current, new ArrayList<>());
      } else if (current != null && line.startsWith("    ")) {
        if (!e.matches()) {
          return null; // a range or default transition: more than one string
        }
        edges.get(current).add(new int[] {Integer.parseInt(e.group(1), 16), Integer.parseInt(e.group(2))});
      }
    }
    return chain(edges, accepting);
  }

  private static String chain(Map<Integer, List<int[]>> edges, Map<Integer, Boolean> accepting) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int state = 1;
    for (int steps = 0; steps <= edges.size(); steps++) {
      List<int[]> out = edges.getOrDefault(state, List.of());
      boolean accepts = accepting.getOrDefault(state, false) || (out.isEmpty() && steps > 0);
      if (out.isEmpty()) {
        return accepts ? bytes.toString(StandardCharsets.UTF_8) : null;
      }
      if (out.size() != 1 || accepting.getOrDefault(state, false)) {
        return null; // a branch, or a prefix that is also accepted
      }
      bytes.write(out.get(0)[0]);
      state = out.get(0)[1];
    }
    return null; // a loop
  }
}
