package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Hostdev;
import guestarmor.host.HostFacts;

/**
 * Host devices (table rows 15-18a): a USB device's node {@code rw} (skipped when the host has no such
 * device); a PCI device's sysfs files {@code rw}. Mediated, SCSI and capabilities-mode devices add no
 * file here; the VFIO container comes later, from {@link VfioRules}.
 */
final class HostdevRules implements RuleSource {
  private static final String PCI_DEVICES = "/sys/bus/pci/devices/";

  private final HostFacts host;
  private final UsbLookup usb;

  HostdevRules(HostFacts host) {
    this.host = host;
    this.usb = new UsbLookup(host);
  }

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Hostdev h : Hostdev.all(domain)) {
      if (!h.isSubsystem()) {
        continue;
      }
      if (h.type().equals("usb")) {
        addUsb(h.usb(), rules);
      } else if (h.type().equals("pci") && h.pci() != null) {
        addPci(h.pci(), rules);
      }
    }
  }

  private void addUsb(Hostdev.UsbMatch want, RuleCollector rules) throws RefusedPathException {
    String node = usb.deviceNode(want);
    if (node != null) {
      String origin = want.byVendor()
          ? String.format("hostdev usb %04x:%04x", want.vendor(), want.product())
          : "hostdev usb " + node.substring("/dev/bus/usb/".length());
      rules.addPath(origin, node, "rw");
    }
  }

  // virPCIDeviceFileIterate: config, resource*, rom, vendor, device and reset, each realpath'ed to
  // /sys/devices/pci... The C helper takes directory order; guestarmor sorts, for a stable profile.
  private void addPci(Hostdev.PciAddress address, RuleCollector rules) {
    String dir = PCI_DEVICES + address.sysfsName();
    String origin = "hostdev " + address.sysfsName();
    if (!host.exists(dir + "/config")) {
      return; // virPCIDeviceNew: "Device ... not found"; the C helper moves on
    }
    for (String name : host.list(dir)) {
      if (!isAssignmentFile(name)) {
        continue;
      }
      try {
        rules.addPath(origin, dir + "/" + name, "rw");
      } catch (RefusedPathException e) {
        // The C helper ignores this failure and stops listing the device. The path comes from the
        // host, not the XML (e.g. /sys/devices/platform/... on ARM), so leaving it out is the safe side.
        rules.warn(e.getMessage() + "; no more sysfs rules for this device");
        return;
      }
    }
  }

  private static boolean isAssignmentFile(String name) {
    return name.equals("config") || name.startsWith("resource") || name.equals("rom") || name.equals("vendor")
        || name.equals("device") || name.equals("reset");
  }
}
