package guestarmor.rules;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;

import guestarmor.domain.Domain;
import guestarmor.domain.Tpm;

/**
 * TPMs (virt-aa-helper-behaviour.md 4.6, rule table row 25, and 4.8, TPM emulator lines): an
 * emulated TPM gets swtpm's socket, state directory, log and pid file as five fixed rules; a
 * passthrough TPM its host device {@code rw} and an external TPM its socket {@code rw} (QEMU opens both; the C helper forgets them, decisions file item 10).
 */
final class TpmRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Tpm tpm : Tpm.all(domain)) {
      String origin = "tpm " + tpm.index();
      switch (tpm.backend()) {
        case "emulator" -> addEmulator(domain, origin, tpm, rules);
        case "passthrough" -> rules.addPath(origin, tpm.device(), "rw");
        case "external" -> {
          if (tpm.socket() != null) {
            rules.addPath(origin, tpm.socket(), "rw");
          }
        }
        default -> {
          // no backend: libvirt refuses such a TPM; nothing to grant
        }
      }
    }
  }

  private static void addEmulator(Domain domain, String origin, Tpm tpm, RuleCollector rules) {
    // libvirt's short name (virDomainDefGetShortName): id, '-', the name cut to 20 bytes.
    String shortName = domain.id() + "-" + FixedRules.shortName(domain.name());
    String state = "/var/lib/libvirt/swtpm/" + domain.uuid() + "/" + stateDir(tpm.version()) + "/";
    rules.addFixed(origin, PathPattern.literal("/run/libvirt/qemu/swtpm/" + shortName + "-swtpm.sock"), "rw");
    rules.addFixed(origin, PathPattern.literal(state), "r");
    rules.addFixed(origin, PathPattern.of(lit(state), glob("**")), "rwk");
    rules.addFixed(origin, PathPattern.literal("/var/log/swtpm/libvirt/qemu/" + domain.name() + "-swtpm.log"), "w");
    rules.addFixed(origin, PathPattern.literal("/run/libvirt/qemu/swtpm/" + shortName + "-swtpm.pid"), "rw");
  }

  // The C helper writes "(null)" for a TPM without a version; libvirt's default version is 2.0
  // (decisions.md 2.4, no (null)).
  private static String stateDir(String version) {
    return "1.2".equals(version) ? "tpm1.2" : "tpm2";
  }
}
