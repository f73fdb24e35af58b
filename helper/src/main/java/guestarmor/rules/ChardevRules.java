package guestarmor.rules;

import guestarmor.domain.Chardev;
import guestarmor.domain.Domain;

/**
 * Serial, console, parallel and channel devices whose source is a host path (table rows 2-5):
 * {@code rw}; a pipe opens {@code PATH.in} and {@code PATH.out}, except on a console. A {@code <log file>}
 * of any chardev is {@code rw} too (QEMU opens it; the C helper forgets it, decisions file item 10).
 */
final class ChardevRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Chardev c : Chardev.all(domain)) {
      addSource(c, rules);
      if (c.logFile() != null) {
        rules.addPath(c.label(), c.logFile(), "rw");
      }
    }
  }

  private static void addSource(Chardev c, RuleCollector rules) throws RefusedPathException {
    if (c.hasHostPath()) {
      if (c.expandsPipe()) {
        rules.addPath(c.label(), c.path() + ".in", "rw");
        rules.addPath(c.label(), c.path() + ".out", "rw");
      } else {
        rules.addPath(c.label(), c.path(), "rw");
      }
    }
  }
}
