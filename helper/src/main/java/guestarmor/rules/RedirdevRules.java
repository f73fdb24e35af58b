package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Redirdev;

/** USB redirection over a unix socket (decisions file item 10; the C helper has no rule): {@code rw}. */
final class RedirdevRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Redirdev dev : Redirdev.all(domain)) {
      if (dev.socket() != null) {
        rules.addPath("redirdev " + dev.index(), dev.socket(), "rw");
      }
    }
  }
}
