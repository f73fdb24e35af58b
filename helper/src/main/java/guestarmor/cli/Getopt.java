package guestarmor.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of GNU {@code getopt_long} virt-aa-helper relies on, with its diagnostics: permutation
 * (non-options are skipped), clusters ({@code -dru<name>}), attached values ({@code -u<name>},
 * {@code --uuid=<name>}), unambiguous long prefixes, {@code --} ends the options.
 */
final class Getopt {
  /** A long option; {@code key} is what {@link #next} reports for it. */
  record LongOption(String name, boolean hasArg, String key) {}

  /**
   * An option found: its key (the letter for short options) and its value, or null; an invalid one
   * has key {@code ?} and getopt's diagnostic, which the caller prints when it reaches it.
   */
  record Found(String key, String value, String diagnostic) {
    Found(String key, String value) {
      this(key, value, null);
    }

    static Found invalid(String diagnostic) {
      return new Found("?", null, diagnostic);
    }
  }

  private final String shortSpec;
  private final List<LongOption> longs;
  private final String argv0;

  /**
   * @param shortSpec getopt's option string, a letter followed by {@code :} takes a value
   * @param argv0 the prefix of getopt's own messages, as glibc writes them
   */
  Getopt(String shortSpec, List<LongOption> longs, String argv0) {
    this.shortSpec = shortSpec;
    this.longs = List.copyOf(longs);
    this.argv0 = argv0;
  }

  /** Every option in command-line order. */
  List<Found> scan(String[] args) {
    List<Found> found = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      } else if (a.startsWith("--")) {
        i = longOption(args, i, found);
      } else if (a.startsWith("-") && a.length() > 1) {
        i = cluster(args, i, found);
      }
      // anything else is a non-option argument: getopt permutes it to the end, virt-aa-helper ignores it
    }
    return found;
  }

  private int longOption(String[] args, int i, List<Found> found) {
    String body = args[i].substring(2);
    int eq = body.indexOf('=');
    String name = eq < 0 ? body : body.substring(0, eq);
    List<LongOption> matches = matches(name);
    if (matches.size() != 1) {
      found.add(Found.invalid(matches.isEmpty() ? argv0 + ": unrecognized option '" + args[i] + "'"
          : ambiguous(name, matches)));
      return i;
    }
    LongOption opt = matches.get(0);
    if (!opt.hasArg()) {
      if (eq >= 0) {
        found.add(Found.invalid(argv0 + ": option '--" + opt.name() + "' doesn't allow an argument"));
      } else {
        found.add(new Found(opt.key(), null));
      }
      return i;
    }
    if (eq >= 0) {
      found.add(new Found(opt.key(), body.substring(eq + 1)));
      return i;
    }
    if (i + 1 < args.length) {
      found.add(new Found(opt.key(), args[i + 1]));
      return i + 1;
    }
    found.add(Found.invalid(argv0 + ": option '--" + opt.name() + "' requires an argument"));
    return i;
  }

  /** The exact match alone, else every option the prefix could mean. */
  private List<LongOption> matches(String name) {
    List<LongOption> candidates = new ArrayList<>();
    for (LongOption o : longs) {
      if (o.name().equals(name)) {
        return List.of(o);
      }
      if (!name.isEmpty() && o.name().startsWith(name)) {
        candidates.add(o);
      }
    }
    return candidates;
  }

  private String ambiguous(String name, List<LongOption> candidates) {
    StringBuilder b = new StringBuilder(argv0 + ": option '--" + name + "' is ambiguous; possibilities:");
    candidates.forEach(o -> b.append(" '--").append(o.name()).append('\''));
    return b.toString();
  }

  private int cluster(String[] args, int i, List<Found> found) {
    String a = args[i];
    for (int j = 1; j < a.length(); j++) {
      char c = a.charAt(j);
      int at = c == ':' ? -1 : shortSpec.indexOf(c);
      if (at < 0) {
        found.add(Found.invalid(argv0 + ": invalid option -- '" + c + "'"));
        continue;
      }
      boolean hasArg = at + 1 < shortSpec.length() && shortSpec.charAt(at + 1) == ':';
      if (!hasArg) {
        found.add(new Found(String.valueOf(c), null));
      } else if (j + 1 < a.length()) {
        found.add(new Found(String.valueOf(c), a.substring(j + 1)));
        return i;
      } else if (i + 1 < args.length) {
        found.add(new Found(String.valueOf(c), args[i + 1]));
        return i + 1;
      } else {
        found.add(Found.invalid(argv0 + ": option requires an argument -- '" + c + "'"));
      }
    }
    return i;
  }
}
