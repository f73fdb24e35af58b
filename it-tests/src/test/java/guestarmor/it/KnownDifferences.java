package guestarmor.it;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code oracle/KNOWN_DIFFERENCES.tsv}: every accepted disagreement with the C helper and why.
 * Columns: corpus, kind ({@code only-c}, {@code only-guestarmor}, {@code exit}), line, reason
 * ({@code deliberate: item <N of docs/decisions.md section 2, the deliberate differences>} or
 * {@code not-yet: <device family>}).
 */
record KnownDifferences(Map<Difference, String> reasons) {
  static final List<String> KINDS = List.of(Difference.ONLY_C, Difference.ONLY_GUESTARMOR, Difference.EXIT);
  static final List<String> REASON_PREFIXES = List.of("deliberate: ", "not-yet: ", "bug: ");
  private static final String HEADER = "corpus\tkind\tline\treason";

  static KnownDifferences read(Path file) {
    List<String> lines = OracleFile.readLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalStateException(file + ": first line must be the header '" + HEADER + "'");
    }
    Map<Difference, String> reasons = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cols = lines.get(i).split("\t", -1);
      if (cols.length != 4) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": want 4 tab-separated columns, got " + cols.length);
      }
      if (reasons.put(new Difference(cols[0], cols[1], cols[2]), cols[3]) != null) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": duplicate row");
      }
    }
    return new KnownDifferences(reasons);
  }

  Set<Difference> forCorpus(String corpus) {
    Set<Difference> diffs = new TreeSet<>();
    for (Difference d : reasons.keySet()) {
      if (d.corpus().equals(corpus)) {
        diffs.add(d);
      }
    }
    return diffs;
  }
}
