package guestarmor.it.parity;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One dry run reduced to what the parity test compares: the exit status and the SET of rule lines
 * (comment lines {@code  #...} dropped, order and duplicates ignored, as docs/decisions.md section 1,
 * the compatibility contract, promises a set).
 */
record DryRunResult(int exit, Set<String> rules) {
  /** The C helper prints this line twice before the rules (virt-aa-helper-behaviour.md 1.6). */
  static final String INFO_MARKER = "virt-aa-helper:";

  DryRunResult {
    rules = Set.copyOf(rules);
  }

  /** Rule lines from a dry-run stderr: everything after the second info marker. */
  static DryRunResult fromStderr(int exit, List<String> stderrLines) {
    Set<String> rules = new TreeSet<>();
    int markers = 0;
    for (String line : stderrLines) {
      if (markers < 2) {
        markers += line.equals(INFO_MARKER) ? 1 : 0;
      } else if (isRule(line)) {
        rules.add(line);
      }
    }
    return new DryRunResult(exit, rules);
  }

  /** Blank lines end the dry-run block and comment lines carry no access, so neither counts. */
  static boolean isRule(String line) {
    return !line.isBlank() && !line.startsWith("  #");
  }
}
