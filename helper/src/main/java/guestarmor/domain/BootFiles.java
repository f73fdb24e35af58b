package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The host files named under {@code <os>}: direct kernel boot, firmware and its variable store.
 *
 * @param loader the firmware path, null when absent
 * @param loaderReadonly the {@code readonly} attribute of {@code <loader>}, null when absent
 * @param nvram the variable store path (text form or {@code <source file>}), null when absent
 */
public record BootFiles(String kernel, String initrd, String dtb, String shim, List<String> acpiTables,
    String loader, String loaderReadonly, String nvram) {

  public BootFiles {
    acpiTables = List.copyOf(acpiTables);
  }

  public static BootFiles of(Domain domain) {
    Element os = domain.os();
    Element loader = os.child("loader");
    return new BootFiles(os.childText("kernel"), os.childText("initrd"), os.childText("dtb"),
        os.childText("shim"), acpiTables(os), loader == null ? null : loader.nonEmptyText(),
        loader == null ? null : loader.attr("readonly"), nvram(os.child("nvram")));
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

  // <nvram>PATH</nvram>, or <nvram type='file'><source file='PATH'/></nvram>; network nvram names no host path.
  private static String nvram(Element nvram) {
    if (nvram == null) {
      return null;
    }
    String type = nvram.attr("type");
    if (type == null) {
      return nvram.nonEmptyText();
    }
    return type.equals("file") ? Disk.sourcePath(nvram.child("source")) : null;
  }
}
