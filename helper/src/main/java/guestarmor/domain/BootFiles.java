package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The host files named under {@code <os>}: direct kernel boot, firmware and its variable store; and the
 * {@code <pstore>} backing file, which the C helper adds among them (11.x, between ACPI tables and loader).
 *
 * @param pstore the {@code <devices><pstore><path>} file, null when absent
 * @param loader the firmware path, null when absent
 * @param loaderReadonly the {@code readonly} attribute of {@code <loader>}, null when absent
 * @param loaderType the {@code type} attribute of {@code <loader>} ({@code rom}, {@code pflash}), null when absent
 * @param nvram the variable store path (text form or {@code <source file|dev>}), null when absent
 * @param nvramFormat the {@code format} attribute of {@code <nvram>} (libvirt 10+), null when absent
 */
public record BootFiles(String kernel, String initrd, String dtb, String shim, List<String> acpiTables,
    String pstore, String loader, String loaderReadonly, String loaderType, String nvram, String nvramFormat) {

  public BootFiles {
    acpiTables = List.copyOf(acpiTables);
  }

  public static BootFiles of(Domain domain) {
    Element os = domain.os();
    Element loader = os.child("loader");
    return new BootFiles(os.childText("kernel"), os.childText("initrd"), os.childText("dtb"),
        os.childText("shim"), acpiTables(os), pstore(domain), loader == null ? null : loader.nonEmptyText(),
        loader == null ? null : loader.attr("readonly"), loader == null ? null : loader.attr("type"),
        nvram(os.child("nvram")), os.childAttr("nvram", "format"));
  }

  // libvirt allows one <pstore backend='acpi-erst'> device; its <path> is the host file QEMU writes.
  private static String pstore(Domain domain) {
    Element pstore = domain.devices().child("pstore");
    return pstore == null ? null : pstore.childText("path");
  }

  private static List<String> acpiTables(Element os) {
    List<String> tables = new ArrayList<>();
    Element acpi = os.child("acpi");
    if (acpi != null) {
      for (Element t : acpi.children("table")) {
        if (t.nonEmptyText() != null) {
          tables.add(t.nonEmptyText());
        }
      }
    }
    return tables;
  }

  // <nvram>PATH</nvram>, or <nvram type='file|block'><source file|dev='PATH'/></nvram> (local storage,
  // virStorageSourceIsLocalStorage); network nvram names no host path.
  private static String nvram(Element nvram) {
    if (nvram == null) {
      return null;
    }
    String type = nvram.attr("type");
    if (type == null) {
      return nvram.nonEmptyText();
    }
    return type.equals("file") || type.equals("block") ? Disk.sourcePath(nvram.child("source")) : null;
  }
}
