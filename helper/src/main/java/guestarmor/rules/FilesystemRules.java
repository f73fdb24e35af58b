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
      // The C helper grants "/**" rwl for a source of /: the whole host. LXC rules are never installed
      // (section 3.6), and containers commonly share /, so only QEMU guests are refused.
      if (domain.isQemu() && rules.resolvesToRoot(fs.label(), fs.source())) {
        String shown = fs.source().equals("/") ? "/ is" : fs.source() + " resolves to /,";
        throw new RefusedPathException(
            fs.label() + ": " + shown + " the host's root directory, which a guest may not share");
      }
      // A share reaches every file below it: one of /usr would hand out /usr/bin/ (the C helper checked
      // only the shared directory itself).
      String enclosed = domain.isQemu() ? rules.enclosedRestriction(fs.label(), fs.source(), !fs.readonly()) : null;
      if (enclosed != null) {
        throw new RefusedPathException(fs.label() + ": a share of " + fs.source() + " " + enclosed);
      }
      rules.addTree(fs.label(), fs.source(), fs.readonly() ? "R" : "rwl");
    }
  }
}
