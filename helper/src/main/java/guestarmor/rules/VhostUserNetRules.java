package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.VhostUserNic;

/** The unix socket of each vhost-user interface (table row 21): {@code rw}. */
final class VhostUserNetRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (VhostUserNic nic : VhostUserNic.all(domain)) {
      if (nic.socket() != null) {
        rules.addPath("interface " + nic.index(), nic.socket(), "rw");
      }
    }
  }
}
