package guestarmor.rules;

import guestarmor.domain.Domain;
import java.nio.charset.StandardCharsets;

/**
 * The paths libvirtd hands over with {@code -F} right after every QEMU start (qemuProcessPrepareHost:
 * SetPathLabel of the domain's directory and channel directory as subtrees, then of its master key),
 * granted by the first call already, in the shapes those calls produce, so that they find nothing new
 * and skip the parser (decisions file, item 16).
 */
final class StartPathRules implements RuleSource {
  private static final String LIB_DIR = "/var/lib/libvirt/qemu/";
  private static final String CHANNEL_DIR = "/var/lib/libvirt/qemu/channel/target/";

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    String dir = directoryName(domain);
    if (dir == null) {
      return;
    }
    rules.addSubtree(Rule.START_PATHS, LIB_DIR + dir, "rwk");
    rules.addSubtree(Rule.START_PATHS, CHANNEL_DIR + dir, "rwk");
    rules.addPath(Rule.START_PATHS, LIB_DIR + dir + "/master-key.aes", "rwk");
  }

  /**
   * {@code domain-<id>-<short name>} as libvirtd names it (virDomainDefGetShortName), or null when it
   * cannot be known here: not a QEMU guest, no id (an inactive definition), or a name whose cut depends
   * on libvirtd's locale (more than 20 bytes, not all ASCII: 20 characters or 20 bytes).
   */
  static String directoryName(Domain domain) {
    if (!domain.isQemu() || domain.id() < 0) {
      return null;
    }
    String name = domain.name();
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > FixedRules.SHORT_NAME_BYTES && bytes != name.length()) {
      return null;
    }
    String shortName = bytes > FixedRules.SHORT_NAME_BYTES ? name.substring(0, FixedRules.SHORT_NAME_BYTES) : name;
    return "domain-" + domain.id() + "-" + shortName;
  }
}
