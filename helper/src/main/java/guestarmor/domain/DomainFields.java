package guestarmor.domain;

import java.util.List;

/** The identity checks libvirt's parser and the C helper's raw-XML pass make before any rule. */
final class DomainFields {
  private DomainFields() {}

  // libvirt's virDomainVirt names (9.0 and 11.x); "none" is its sentinel, refused as invalid.
  private static final List<String> VIRT_TYPES = List.of("qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz",
      "test", "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", "hvf", "ch");
  // virDomainOSType: the C helper fails with "unknown OS type" for anything else (libvirt's virt-aa-helper-test).
  private static final List<String> OS_TYPES = List.of("hvm", "xen", "linux", "exe", "uml", "xenpvh");
  // virArch names: the parser refuses an unknown arch ("Unknown architecture").
  private static final List<String> ARCHES = List.of("alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris",
      "i686", "ia64", "lm32", "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64",
      "mips64el", "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
      "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64", "xtensa", "xtensaeb");

  static Domain of(Element root) throws DomainXmlException {
    String type = required(root.attr("type"), "<domain type='...'> is not defined");
    String name = required(root.childText("name"), "<name> is missing or empty");
    String uuidText = required(root.childText("uuid"), "<uuid> is missing or empty");
    String uuid = Uuid.canonical(uuidText);
    if (uuid == null) {
      throw new DomainXmlException("<uuid> " + uuidText + " is not a UUID");
    }
    if (!VIRT_TYPES.contains(type)) {
      throw new DomainXmlException("<domain type='" + Printable.of(type) + "'>: unknown virtualization type");
    }
    Element os = root.child("os");
    String osType = required(os == null ? null : os.childText("type"), "<os><type> is not defined");
    if (!OS_TYPES.contains(osType)) {
      throw new DomainXmlException("<os><type>" + Printable.of(osType) + "</type>: unknown OS type (libvirt knows "
          + String.join(", ", OS_TYPES) + ")");
    }
    String arch = os.child("type").attr("arch");
    if (arch != null && !ARCHES.contains(arch)) {
      throw new DomainXmlException("<os><type arch='" + Printable.of(arch) + "'>: unknown architecture");
    }
    checkName(name);
    return new Domain(type, name, uuid, id(root.attr("id")), osType, root);
  }

  // libvirt refuses '/' in names (virDomainDefPostParseCheckFeatures); control characters would
  // break the profile's line structure, so guestarmor refuses them too (decisions file, item 1).
  private static void checkName(String name) throws DomainXmlException {
    if (name.indexOf('/') >= 0) {
      throw new DomainXmlException("<name> " + name + " must not contain '/'");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new DomainXmlException("<name> must not contain control characters");
      }
    }
  }

  private static int id(String text) throws DomainXmlException {
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new DomainXmlException("<domain id='" + text + "'> is not a number");
    }
  }

  private static String required(String value, String message) throws DomainXmlException {
    if (value == null || value.isEmpty()) {
      throw new DomainXmlException(message);
    }
    return value;
  }
}
