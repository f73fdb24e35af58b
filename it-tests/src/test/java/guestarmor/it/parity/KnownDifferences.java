package guestarmor.it.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code parity/known-differences-VERSION.tsv}: every accepted disagreement with that C helper and why.
 * Columns: corpus, kind ({@code only-c}, {@code only-guestarmor}, {@code exit}), line, reason; the reason
 * starts with its category ({@link #REASON_PREFIXES}).
 */
record KnownDifferences(Map<Difference, String> reasons) {
  static final List<String> KINDS = List.of(Difference.ONLY_C, Difference.ONLY_GUESTARMOR, Difference.EXIT);
  /**
   * deliberate N: docs/decisions.md section 2 item N; validation: libvirt checks guestarmor does not repeat
   * (libvirtd validated the XML before it calls the helper); 11.x: libvirt 11.x behaviour guestarmor
   * follows on 9.0 too; host: the two helpers see different files; bug: a guestarmor defect to fix.
   */
  static final List<String> REASON_PREFIXES = List.of("deliberate ", "validation: ", "11.x: ", "host: ", "bug: ");
  private static final String HEADER = "corpus\tkind\tline\treason";

  static KnownDifferences read(Path file) {
    List<String> lines = readLines(file);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new IllegalStateException(file + ": first line must be the header '" + HEADER + "'");
    }
    Map<Difference, String> reasons = new TreeMap<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] cols = lines.get(i).split("\t", -1);
      if (cols.length != 4) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": want 4 tab-separated columns, got " + cols.length);
      }
      if (!KINDS.contains(cols[1]) || REASON_PREFIXES.stream().noneMatch(cols[3]::startsWith)) {
        throw new IllegalStateException(file + ":" + (i + 1) + ": unknown kind or reason category");
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

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
