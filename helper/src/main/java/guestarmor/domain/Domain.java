package guestarmor.domain;

import java.util.List;
import java.util.Map;

/**
 * A domain definition: the identity fields every rule needs, and the element tree the device views
 * ({@link Disk#all}, {@link Chardev#all}, ...) read from.
 *
 * @param type the hypervisor type ({@code kvm}, {@code qemu}, {@code lxc}, ...)
 * @param uuid the canonical lower-case UUID
 * @param id the running domain's id, -1 for an inactive definition (libvirt's default)
 * @param osType {@code hvm}, {@code exe}, ...
 */
public record Domain(String type, String name, String uuid, int id, String osType, Element xml) {

  private static final Element NONE = new Element("none", Map.of(), List.of(), "");

  /** The {@code <devices>} element, or an empty element when the domain has none. */
  public Element devices() {
    Element d = xml.child("devices");
    return d == null ? NONE : d;
  }

  /** The {@code <os>} element (always present: the reader requires os/type). */
  public Element os() {
    return xml.child("os");
  }

  /** Types that libvirt runs with QEMU and confines with TEMPLATE.qemu and the fixed rules. */
  public boolean isQemu() {
    return type.equals("qemu") || type.equals("kqemu") || type.equals("kvm");
  }

  /** The template driver name: {@code qemu} for the QEMU family, else the domain type. */
  public String templateDriver() {
    return isQemu() ? "qemu" : type;
  }

  /**
   * Whether the guest gets a {@code .files} of generated rules and its profile the line including it.
   * libvirt's LXC driver confines a container with its template alone (virt-aa-helper-behaviour.md 3.6).
   */
  public boolean hasFilesInclude() {
    return !type.equals("lxc");
  }

  public boolean isHvm() {
    return "hvm".equals(osType);
  }

  /** The profile name libvirt gives this domain's guest. */
  public String profileName() {
    return "libvirt-" + uuid;
  }
}
