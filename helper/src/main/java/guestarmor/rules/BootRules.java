package guestarmor.rules;

import guestarmor.domain.BootFiles;
import guestarmor.domain.Domain;
import guestarmor.host.HostFacts;

/**
 * Files named under {@code <os>} (table rows 6-11): kernel, initrd, shim, dtb and ACPI tables
 * read-only; the pstore file read-write (11.x row 9a); the firmware read-only unless
 * {@code readonly='no'} or a pflash without {@code readonly}; the NVRAM store read-write and, when its format is declared, its backing
 * layers read-only. The {@code template=} file is not added (QEMU never opens it; libvirtd copies it).
 */
final class BootRules implements RuleSource {
  private final ImageChainRules chains;

  BootRules(HostFacts host) {
    this.chains = new ImageChainRules(host);
  }

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
    addIfSet(rules, "pstore", os.pstore(), "rw");
    addIfSet(rules, "os loader", os.loader(), writesLoader(os) ? "rwk" : "rk");
    if (os.nvram() != null) {
      addNvram(os, rules);
    }
  }

  // 9.0 always grants rk, 11.x rwk unless readonly='yes'. QEMU writes a pflash loader unless libvirt marks
  // it read-only (readonly='yes'), and never a ROM (-bios): so both versions' hosts get what QEMU opens,
  // and ROM firmware under the read-only firmware directories keeps working (11.x refuses it).
  private static boolean writesLoader(BootFiles os) {
    return "no".equals(os.loaderReadonly()) || ("pflash".equals(os.loaderType()) && os.loaderReadonly() == null);
  }

  // storage_source_add_files(nvram, depth 0): the store rwk, each layer below it rk. The chain is read
  // from the headers only for a format the XML declares (<nvram format='qcow2'>), never guessed.
  private void addNvram(BootFiles os, RuleCollector rules) throws RefusedPathException {
    rules.addPath("os nvram", os.nvram(), "rwk");
    if (os.nvramFormat() != null) {
      chains.addProbed("os nvram", os.nvram(), os.nvramFormat(), "rwk", rules);
    }
  }

  private static void addIfSet(RuleCollector rules, String origin, String path, String perms)
      throws RefusedPathException {
    if (path != null) {
      rules.addPath(origin, path, perms);
    }
  }
}
