package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Rng;

/**
 * Random number generators (decisions file item 10; the C helper has no rule): the host device of a
 * {@code random} backend read-only, the socket of an {@code egd} backend on a unix socket {@code rw}.
 */
final class RngRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Rng rng : Rng.all(domain)) {
      String origin = "rng " + rng.index();
      if (rng.device() != null) {
        rules.addPath(origin, rng.device(), "r");
      }
      if (rng.socket() != null) {
        rules.addPath(origin, rng.socket(), "rw");
      }
    }
  }
}
