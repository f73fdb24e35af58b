package guestarmor.it.parity;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/** One line on which guestarmor and the C helper disagree for one corpus file. */
record Difference(String corpus, String kind, String line) implements Comparable<Difference> {
  static final String ONLY_C = "only-c";
  static final String ONLY_GUESTARMOR = "only-guestarmor";
  static final String EXIT = "exit";

  private static final Comparator<Difference> ORDER = Comparator.comparing(Difference::corpus)
      .thenComparing(Difference::kind).thenComparing(Difference::line);

  /** Exit status first, then the rule lines only one side printed. */
  static Set<Difference> between(String corpus, DryRunResult c, DryRunResult ours) {
    Set<Difference> diffs = new TreeSet<>();
    if (c.exit() != ours.exit()) {
      diffs.add(new Difference(corpus, EXIT, "c=" + c.exit() + " guestarmor=" + ours.exit()));
    }
    diffs.addAll(oneSided(corpus, ONLY_C, c.rules(), ours.rules()));
    diffs.addAll(oneSided(corpus, ONLY_GUESTARMOR, ours.rules(), c.rules()));
    return diffs;
  }

  private static Set<Difference> oneSided(String corpus, String kind, Set<String> mine, Set<String> theirs) {
    Set<Difference> diffs = new LinkedHashSet<>();
    for (String line : mine) {
      if (!theirs.contains(line)) {
        diffs.add(new Difference(corpus, kind, line));
      }
    }
    return diffs;
  }

  /** The row as it would appear in KNOWN_DIFFERENCES.tsv, reason left for a person to write. */
  String asRow() {
    return corpus + "\t" + kind + "\t" + line + "\t";
  }

  @Override
  public int compareTo(Difference other) {
    return ORDER.compare(this, other);
  }
}
