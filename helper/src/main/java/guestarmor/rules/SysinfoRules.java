package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.FwCfgFile;
import guestarmor.domain.Printable;

/** Files behind {@code <sysinfo type='fwcfg'>} entries (table row 23): read-only, with the deny line. */
final class SysinfoRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (FwCfgFile entry : FwCfgFile.all(domain)) {
      rules.addPath("sysinfo fwcfg " + Printable.of(entry.name()), entry.file(), "r");
    }
  }
}
