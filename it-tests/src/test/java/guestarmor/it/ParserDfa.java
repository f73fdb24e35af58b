package guestarmor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DFA the real apparmor_parser compiles one rule line into ({@code -Q -K -D dfa-states}), run on
 * paths: the judge of what a glob matches, as the kernel would use it.
 */
public final class ParserDfa {
  /** The dump opens with the accepting states, e.g. {@code "{9} (0x 10004/0/0/0)"}: some have no edges, so no entry below. */
  private static final Pattern ACCEPTING = Pattern.compile("^\\{(\\d+)\\} \\(0x.*$");
  private static final Pattern STATE = Pattern.compile("^\\{(\\d+)\\} perms: (.*)$");
  /** One byte to one state, e.g. {@code "    c 0x63 -> {8}"}. */
  private static final Pattern BYTE_EDGE = Pattern.compile("^    (?:.*\\s)?0x([0-9a-f]{1,2}) -> \\{(\\d+)\\}.*$");
  /** Every other byte, but for those listed after ^ (they lead nowhere), e.g. {@code "    [^\x0/] -> {7}"}. */
  private static final Pattern DEFAULT_EDGE = Pattern.compile("^    \\[(\\^?)(.*)\\] -> \\{(\\d+)\\}.*$");

  /** One state: its single-byte edges, and the one edge every other byte not excluded takes. */
  private static final class State {
    final boolean accepting;
    final Map<Integer, Integer> bytes = new HashMap<>();
    BitSet otherwiseBytes = new BitSet(256);
    int otherwise;

    State(boolean accepting) {
      this.accepting = accepting;
    }
  }

  private final Map<Integer, State> states;
  private final Set<Integer> accepting;

  private ParserDfa(Map<Integer, State> states, Set<Integer> accepting) {
    this.states = states;
    this.accepting = accepting;
  }

  /** Compiles {@code profile probe { RULE }} with the real parser and reads its DFA back. */
  public static ParserDfa compile(String ruleLine, Path workDir) throws IOException, InterruptedException {
    return read(dump(ruleLine, workDir));
  }

  /** The parser's {@code dfa-states} dump of {@code profile probe { RULE }}, written in workDir. */
  public static String dump(String ruleLine, Path workDir) throws IOException, InterruptedException {
    Path profile = workDir.resolve("probe");
    Files.writeString(profile, "profile probe {\n" + ruleLine + "\n}\n", StandardCharsets.UTF_8);
    Checkout.Result r = Checkout.run(List.of("/sbin/apparmor_parser", "-Q", "-K", "-D", "dfa-states",
        profile.toString()), null);
    if (r.status() != 0) {
      throw new IllegalStateException("apparmor_parser refused " + ruleLine + ": " + r.stderr());
    }
    return r.stdout() + r.stderr();
  }

  /** Whether the DFA ends in an accepting state after the path's UTF-8 bytes. */
  public boolean accepts(String path) {
    int state = 1;
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      State s = states.get(state);
      if (s == null) {
        return false;
      }
      int c = b & 0xff;
      Integer next = s.bytes.get(c);
      if (next == null && s.otherwise > 0 && s.otherwiseBytes.get(c)) {
        next = s.otherwise;
      }
      if (next == null) {
        return false;
      }
      state = next;
    }
    State end = states.get(state);
    return accepting.contains(state) || end != null && end.accepting;
  }

  private static ParserDfa read(String dump) {
    Map<Integer, State> states = new HashMap<>();
    Set<Integer> accepting = new HashSet<>();
    State current = null;
    for (String line : dump.split("\n")) {
      Matcher a = ACCEPTING.matcher(line);
      Matcher s = STATE.matcher(line);
      Matcher d = DEFAULT_EDGE.matcher(line);
      Matcher e = BYTE_EDGE.matcher(line);
      if (a.matches()) {
        accepting.add(Integer.parseInt(a.group(1)));
      } else if (s.matches()) {
        current = new State(!s.group(2).strip().equals("none"));
        states.put(Integer.parseInt(s.group(1)), current);
      } else if (current != null && d.matches()) {
        BitSet set = byteSet(d.group(2));
        if (!d.group(1).isEmpty()) {
          set.flip(0, 256);
        }
        current.otherwiseBytes = set;
        current.otherwise = Integer.parseInt(d.group(3));
      } else if (current != null && e.matches()) {
        current.bytes.put(Integer.parseInt(e.group(1), 16), Integer.parseInt(e.group(2)));
      } else if (current != null && line.startsWith("    ")) {
        throw new IllegalStateException("an edge this reader does not know: " + line);
      }
    }
    return new ParserDfa(states, accepting);
  }

  /** The bytes a dumped class lists: plain characters and {@code \xN} escapes. */
  private static BitSet byteSet(String listed) {
    BitSet set = new BitSet(256);
    byte[] raw = listed.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i < raw.length; i++) {
      if (raw[i] == '\\' && i + 1 < raw.length && raw[i + 1] == 'x') {
        int end = i + 2;
        while (end < raw.length && end < i + 4 && Character.digit(raw[end], 16) >= 0) {
          end++;
        }
        set.set(Integer.parseInt(new String(raw, i + 2, end - i - 2, StandardCharsets.ISO_8859_1), 16));
        i = end - 1;
      } else if (raw[i] == '\\' && i + 1 < raw.length) {
        set.set(raw[++i] & 0xff);
      } else {
        set.set(raw[i] & 0xff);
      }
    }
    return set;
  }
}
