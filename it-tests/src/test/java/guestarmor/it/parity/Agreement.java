package guestarmor.it.parity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** How a whole corpus run came out: agreeing cases, explained differences by reason, and problems. */
record Agreement(int cases, int agree, Map<String, Integer> casesByReason, List<String> problems,
    List<String> unexplainedRows, List<String> allRows, long slowestC, long slowestOurs) {

  static Agreement of(String label, List<Case> cases, KnownDifferences known) {
    Map<String, Integer> byReason = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    List<String> unexplained = new ArrayList<>();
    List<String> all = new ArrayList<>();
    Map<DifferenceClass, Integer> classCounts = new TreeMap<>();
    int agree = 0;
    for (Case c : cases) {
      problems.addAll(limits(c));
      c.differences().forEach(d -> all.add(d.asRow()));
      Set<Difference> listed = known.forCorpus(c.name());
      DifferenceClass cls = DifferenceClass.of(c);
      if (cls != null && listed.isEmpty()) {
        classCounts.merge(cls, 1, Integer::sum);
        byReason.merge(cls.reason(), 1, Integer::sum);
        continue;
      }
      if (c.differences().isEmpty() && listed.isEmpty()) {
        agree++;
        continue;
      }
      for (Difference d : c.differences()) {
        if (!listed.contains(d)) {
          problems.add("unlisted: " + d.asRow());
          unexplained.add(d.asRow());
        }
      }
      for (Difference d : listed) {
        if (!c.differences().contains(d)) {
          problems.add("listed but gone (remove the row): " + d.asRow() + known.reasons().get(d));
        }
      }
      new TreeSet<>(listed.stream().map(d -> known.reasons().get(d)).toList())
          .forEach(r -> byReason.merge(r, 1, Integer::sum));
    }
    for (DifferenceClass cls : DifferenceClass.values()) {
      int want = cls.expectedCases(label);
      int got = classCounts.getOrDefault(cls, 0);
      if (want != got) {
        problems.add(cls + ": " + got + " cases, the class expects " + want + " for libvirt " + label);
      }
    }
    long slowestC = cases.stream().mapToLong(c -> c.c().millis()).max().orElse(0);
    long slowestOurs = cases.stream().mapToLong(c -> c.ours().millis()).max().orElse(0);
    return new Agreement(cases.size(), agree, byReason, problems, unexplained, all, slowestC, slowestOurs);
  }

  private static List<String> limits(Case c) {
    List<String> problems = new ArrayList<>();
    if (c.c().crashed()) {
      problems.add("C helper crashed on " + c.name() + ": exit " + c.c().result().exit() + " " + firstLine(c.c()));
    }
    if (c.ours().crashed()) {
      problems.add("guestarmor crashed on " + c.name() + ": exit " + c.ours().result().exit() + " " + c.ours().stderr());
    }
    if (c.ours().millis() > Call.LIMIT_MILLIS) {
      problems.add("guestarmor took " + c.ours().millis() + " ms on " + c.name());
    }
    return problems;
  }

  private static String firstLine(Call call) {
    return call.stderr().lines().findFirst().orElse("");
  }

  /** The agreement table printed in the test output. */
  String table(String title) {
    int explained = casesByReason.values().stream().mapToInt(Integer::intValue).sum();
    StringBuilder text = new StringBuilder();
    text.append(title).append(": ").append(cases).append(" cases, ").append(agree).append(" agree, ")
        .append(cases - agree).append(" differ (cases per listed reason below; ")
        .append(problems.size()).append(" problems)\n");
    casesByReason.forEach((reason, n) -> text.append(String.format("  %5d  %s%n", n, reason)));
    text.append(String.format("  %5d  (sum of the reasons; a case may have several)%n", explained));
    text.append("  slowest call: C helper ").append(slowestC).append(" ms, guestarmor ").append(slowestOurs)
        .append(" ms\n");
    return text.toString();
  }
}
