package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Graphics;

/** Graphics listening on a unix socket (table row 13): the socket {@code rw}. */
final class GraphicsRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Graphics g : Graphics.all(domain)) {
      for (String socket : g.sockets()) {
        rules.addPath("graphics " + g.type(), socket, "rw");
      }
    }
  }
}
