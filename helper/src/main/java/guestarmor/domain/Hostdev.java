package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A host device passed to the guest: a {@code <hostdev>}, or an {@code <interface type='hostdev'>},
 * which libvirt's parser also puts in the hostdev list (before the {@code <hostdev>} elements).
 *
 * @param mode {@code subsystem} (libvirt's default) or {@code capabilities}
 * @param type {@code usb}, {@code pci}, {@code mdev}, {@code scsi}, {@code scsi_host}, ...
 * @param usb how to find a USB device, null for other types
 * @param pci the PCI address, null for other types or when the XML's address is not a valid one
 * @param driverName {@code <driver name>} (PCI backend: vfio, kvm, xen), null when absent
 * @param mdevModel the {@code model} of a mediated device, null for other types
 */
public record Hostdev(String mode, String type, UsbMatch usb, PciAddress pci, String driverName,
    String mdevModel) {

  /** The mediated device models QEMU drives through VFIO (all libvirt knows). */
  private static final Set<String> VFIO_MDEV_MODELS = Set.of("vfio-pci", "vfio-ccw", "vfio-ap");

  /**
   * What identifies a USB device; 0 means "not given", as in libvirt's virDomainHostdevSubsysUSB.
   */
  public record UsbMatch(long vendor, long product, long bus, long device) {
    public boolean byVendor() {
      return vendor != 0;
    }

    public boolean byAddress() {
      return bus != 0;
    }
  }

  /** A PCI address; {@link #sysfsName()} is its name under /sys/bus/pci/devices. */
  public record PciAddress(long domain, long bus, long slot, long function) {
    /** VIR_PCI_DEVICE_ADDRESS_FMT: {@code %04x:%02x:%02x.%d}. */
    public String sysfsName() {
      return String.format("%04x:%02x:%02x.%d", domain, bus, slot, function);
    }
  }

  public boolean isSubsystem() {
    return mode.equals("subsystem");
  }

  /**
   * Whether QEMU needs the VFIO container: a PCI device on the vfio or default backend (even one
   * missing from the host), or a VFIO mediated device. Never in capabilities mode (11.x; decisions file, item 7).
   */
  public boolean needsVfio() {
    if (!isSubsystem()) {
      return false;
    }
    if (type.equals("pci")) {
      return driverName == null || driverName.equals("vfio");
    }
    return type.equals("mdev") && VFIO_MDEV_MODELS.contains(mdevModel);
  }

  /** Interface hostdevs first, then {@code <hostdev>} elements, each in document order (libvirt's list order). */
  public static List<Hostdev> all(Domain domain) {
    List<Hostdev> found = new ArrayList<>();
    for (Element nic : domain.devices().children("interface")) {
      if ("hostdev".equals(nic.attr("type"))) {
        found.add(of(nic, "subsystem", interfaceType(nic)));
      }
    }
    for (Element e : domain.devices().children("hostdev")) {
      String mode = e.attr("mode") == null ? "subsystem" : e.attr("mode");
      found.add(of(e, mode, e.attr("type") == null ? "" : e.attr("type")));
    }
    return found;
  }

  // virDomainNetDefParseXML: the type is the source address type; a <vendor> without one means USB.
  private static String interfaceType(Element nic) {
    Element source = nic.child("source");
    String type = source == null ? null : source.childAttr("address", "type");
    if (type == null && source != null && source.has("vendor")) {
      return "usb";
    }
    return type == null ? "" : type;
  }

  private static Hostdev of(Element e, String mode, String type) {
    Element source = e.child("source");
    UsbMatch usb = type.equals("usb") ? usbMatch(source) : null;
    PciAddress pci = type.equals("pci") && source != null ? pciAddress(source.child("address")) : null;
    return new Hostdev(mode, type, usb, pci, e.childAttr("driver", "name"), type.equals("mdev") ? e.attr("model") : null);
  }

  private static UsbMatch usbMatch(Element source) {
    if (source == null) {
      return new UsbMatch(0, 0, 0, 0);
    }
    return new UsbMatch(number(source.childAttr("vendor", "id")), number(source.childAttr("product", "id")),
        number(source.childAttr("address", "bus")), number(source.childAttr("address", "device")));
  }

  // virPCIDeviceAddressParseXML + virPCIDeviceAddressIsValid: bus <= 0xff, slot <= 0x1f, function <= 7.
  private static PciAddress pciAddress(Element a) {
    if (a == null) {
      return null;
    }
    long domain = number(a.attr("domain"));
    long bus = number(a.attr("bus"));
    long slot = number(a.attr("slot"));
    long function = number(a.attr("function"));
    if (domain < 0 || domain > 0xFFFFFFFFL || bus < 0 || bus > 0xFF || slot < 0 || slot > 0x1F
        || function < 0 || function > 7) {
      return null;
    }
    return new PciAddress(domain, bus, slot, function);
  }

  /**
   * An unsigned number as libvirt reads these attributes (strtoul base 0: {@code 0x} hex, leading
   * {@code 0} octal, else decimal); 0 when absent, -1 when it is not a number.
   */
  static long number(String text) {
    if (text == null) {
      return 0;
    }
    String t = text.strip();
    int radix = 10;
    if (t.startsWith("0x") || t.startsWith("0X")) {
      t = t.substring(2);
      radix = 16;
    } else if (t.length() > 1 && t.startsWith("0")) {
      t = t.substring(1);
      radix = 8;
    }
    try {
      long v = t.isEmpty() || t.startsWith("+") || t.startsWith("-") ? -1 : Long.parseLong(t, radix);
      return v > 0xFFFFFFFFL ? -1 : v;
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
