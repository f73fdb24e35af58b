package guestarmor.rules;

import guestarmor.domain.BootFiles;
import guestarmor.domain.Domain;

/**
 * Files named under {@code <os>} (table rows 6-11): kernel, initrd, shim, dtb and ACPI tables
 * read-only; the firmware read-only unless {@code readonly='no'}; the NVRAM store read-write.
 */
final class BootRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    BootFiles os = BootFiles.of(domain);
    addIfSet(rules, "os kernel", os.kernel(), "r");
    addIfSet(rules, "os initrd", os.initrd(), "r");
    addIfSet(rules, "os shim", os.shim(), "r");
    addIfSet(rules, "os dtb", os.dtb(), "r");
    for (String table : os.acpiTables()) {
      rules.addPath("os acpi table", table, "r");
    }
    // 9.0 always grants rk; 11.x grants rwk unless readonly='yes'. guestarmor writes only when the XML
    // says readonly='no', so firmware under the read-only firmware directories keeps working.
    addIfSet(rules, "os loader", os.loader(), "no".equals(os.loaderReadonly()) ? "rwk" : "rk");
    addIfSet(rules, "os nvram", os.nvram(), "rwk");
  }

  private static void addIfSet(RuleCollector rules, String origin, String path, String perms)
      throws RefusedPathException {
    if (path != null) {
      rules.addPath(origin, path, perms);
    }
  }
}
