package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Filesystem;

/**
 * Host directories QEMU exports with 9p (table row 19): {@code "D/**" rwl} and {@code "D/" r}, or
 * {@code "D/**" r} without a deny line when read-only (libvirt: a deny would break read-only mounts of /).
 */
final class FilesystemRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Filesystem fs : Filesystem.all(domain)) {
      if (!fs.sharesHostDirectory()) {
        continue;
      }
      String perms = fs.readonly() ? "R" : "rwl";
      // LXC rules are never installed (virt-aa-helper-behaviour.md 3.6) and containers commonly share /:
      // only QEMU guests are held to shares that neither are / nor hold a restricted location.
      if (domain.isQemu()) {
        rules.addShare(fs.label(), fs.source(), perms);
      } else {
        rules.addTree(fs.label(), fs.source(), perms);
      }
    }
  }
}
