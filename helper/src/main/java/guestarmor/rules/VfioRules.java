package guestarmor.rules;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;

import guestarmor.domain.Domain;
import guestarmor.domain.Hostdev;

/**
 * The VFIO container and group nodes (table row 28), once, when a PCI device on the vfio/default
 * backend or a VFIO mediated device is passed through.
 */
final class VfioRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) {
    if (Hostdev.all(domain).stream().noneMatch(Hostdev::needsVfio)) {
      return;
    }
    rules.addFixed("vfio", PathPattern.literal("/dev/vfio/vfio"), "rw");
    rules.addFixed("vfio", PathPattern.of(lit("/dev/vfio/"), glob("[0-9]*")), "rw");
  }
}
