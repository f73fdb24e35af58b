package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.NetInterface;
import java.util.Set;

/**
 * {@code /dev/vhost-net} for a KVM guest with a NIC QEMU may accelerate with vhost (table row 27):
 * a NIC without a model, or a virtio-family model not forced onto QEMU's userspace driver.
 */
final class NetworkRules implements RuleSource {
  private static final Set<String> VIRTIO = Set.of("virtio", "virtio-transitional", "virtio-non-transitional");

  @Override
  public void addRules(Domain domain, RuleCollector rules) {
    if (!domain.type().equals("kvm")) {
      return;
    }
    for (NetInterface nic : NetInterface.all(domain)) {
      if (usesVhost(nic)) {
        rules.addFixed("interface " + nic.index(), PathPattern.literal("/dev/vhost-net"), "rw");
        return;
      }
    }
  }

  private static boolean usesVhost(NetInterface nic) {
    // An empty model is no model; libvirt matches model names without regard to case.
    if (nic.model() == null || nic.model().isEmpty()) {
      return true;
    }
    return VIRTIO.contains(nic.model().toLowerCase(java.util.Locale.ROOT)) && !"qemu".equals(nic.driverName());
  }
}
