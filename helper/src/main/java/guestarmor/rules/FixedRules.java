package guestarmor.rules;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;

import guestarmor.domain.Domain;
import java.nio.charset.StandardCharsets;

/**
 * The five rules every QEMU guest gets first (virt-aa-helper's {@code get_files()} preamble): its log,
 * monitor socket, per-domain directory, pid file and tunnelled-migration socket.
 */
final class FixedRules implements RuleSource {
  /** libvirt's short-name limit for per-domain directories (VIR_DOMAIN_SHORT_NAME_MAX). */
  static final int SHORT_NAME_BYTES = 20;

  @Override
  public void addRules(Domain domain, RuleCollector rules) {
    if (!domain.isQemu()) {
      return;
    }
    String name = domain.name();
    String o = "fixed";
    rules.addFixed(o, PathPattern.of(glob("/var/log/libvirt/**/"), lit(name + ".log")), "w");
    rules.addFixed(o, PathPattern.of(lit("/var/lib/libvirt/qemu/domain-" + name + "/monitor.sock")), "rw");
    rules.addFixed(o, PathPattern.of(lit("/var/lib/libvirt/qemu/domain-" + domain.id() + "-" + shortName(name) + "/"),
        glob("*")), "rw");
    rules.addFixed(o, PathPattern.of(glob("/run/libvirt/**/"), lit(name + ".pid")), "rwk");
    rules.addFixed(o, PathPattern.of(glob("/run/libvirt/**/*"), lit(".tunnelmigrate.dest." + name)), "rw");
  }

  /**
   * The first 20 bytes of the name, as the C helper cuts it; a cut through a multi-byte character
   * backs off to the character boundary (the C helper would write half a character).
   */
  static String shortName(String name) {
    byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= SHORT_NAME_BYTES) {
      return name;
    }
    int end = SHORT_NAME_BYTES;
    while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
      end--;
    }
    return new String(utf8, 0, end, StandardCharsets.UTF_8);
  }
}
