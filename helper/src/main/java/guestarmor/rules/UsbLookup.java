package guestarmor.rules;

import guestarmor.domain.Hostdev.UsbMatch;
import guestarmor.host.HostFacts;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a host USB device's node as libvirt's virHostdevFindUSBDevice does: scan
 * /sys/bus/usb/devices (interfaces, whose names hold ':', skipped) for idVendor/idProduct (hex)
 * and busnum/devnum (decimal), then name {@code /dev/bus/usb/BBB/DDD}.
 */
final class UsbLookup {
  private static final String DEVICES = "/sys/bus/usb/devices";

  private final HostFacts host;

  UsbLookup(HostFacts host) {
    this.host = host;
  }

  /**
   * The device node, or null when no device matches, or when only vendor and product are given and
   * several devices match (libvirt refuses that as ambiguous and the C helper skips the device).
   */
  String deviceNode(UsbMatch want) {
    if (!want.byVendor() && !want.byAddress()) {
      return null;
    }
    List<String> found = new ArrayList<>();
    for (String name : host.list(DEVICES)) {
      String node = name.contains(":") ? null : nodeIfMatching(name, want);
      if (node != null) {
        found.add(node);
      }
    }
    if (found.isEmpty() || (!want.byAddress() && found.size() > 1)) {
      return null;
    }
    return found.get(0);
  }

  private String nodeIfMatching(String name, UsbMatch want) {
    long bus = read(name, "busnum", 10);
    long dev = read(name, "devnum", 10);
    if (bus < 0 || dev < 0) {
      return null;
    }
    if (want.byVendor() && (read(name, "idVendor", 16) != want.vendor() || read(name, "idProduct", 16) != want.product())) {
      return null;
    }
    if (want.byAddress() && (bus != want.bus() || dev != want.device())) {
      return null;
    }
    return String.format("/dev/bus/usb/%03d/%03d", bus, dev);
  }

  private long read(String device, String attribute, int radix) {
    String line = host.readFirstLine(DEVICES + "/" + device + "/" + attribute);
    try {
      return line == null ? -1 : Long.parseLong(line.strip(), radix);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
