package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootRulesTest {
  private static final String DENY = "  # don't audit writes to readonly files";

  @TempDir Path root;
  private LiveHost host;
  private BootRules boot;

  @BeforeEach
  void emptyHost() {
    host = new HostTree(root).host();
    boot = new BootRules(host);
  }

  @Test
  void theSlicTableIsReadOnlyWithADenyLine() throws RefusedPathException {
    assertEquals(List.of(
        "  \"/var/lib/libvirt/acpi/slic.dat\" r,",
        DENY,
        "  deny \"/var/lib/libvirt/acpi/slic.dat\" w,"),
        RuleLines.of(boot, RuleLines.sample("os-acpi-slic-table.xml"), host));
  }

  @Test
  void everyAcpiTableIsAddedAsLibvirt11Does() throws RefusedPathException {
    String os = "<acpi><table type='slic'>/v/slic.dat</table><table type='msdm'>/v/msdm.dat</table></acpi>";
    assertEquals(List.of(
        "  \"/v/slic.dat\" r,", DENY, "  deny \"/v/slic.dat\" w,",
        "  \"/v/msdm.dat\" r,", DENY, "  deny \"/v/msdm.dat\" w,"),
        RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host));
  }

  @Test
  void thePstoreFileIsReadWriteAfterTheAcpiTablesAndBeforeTheLoader() throws RefusedPathException {
    String os = "<loader readonly='yes' type='pflash'>/v/CODE.fd</loader><acpi><table type='slic'>/v/slic.dat</table></acpi>";
    String devices = "<pstore backend='acpi-erst'><path>/var/lib/libvirt/qemu/nvram/g1_PSTORE.raw</path>"
        + "<size unit='KiB'>8</size></pstore>";
    assertEquals(List.of(
        "  \"/v/slic.dat\" r,", DENY, "  deny \"/v/slic.dat\" w,",
        "  \"/var/lib/libvirt/qemu/nvram/g1_PSTORE.raw\" rw,",
        "  \"/v/CODE.fd\" rk,", DENY, "  deny \"/v/CODE.fd\" w,"),
        RuleLines.of(boot, RuleLines.domain("kvm", os, devices, ""), host));
  }

  @Test
  void aPflashLoaderWithoutReadonlyIsWrittenByQemuSoItIsReadWriteAsLibvirt11Grants() throws RefusedPathException {
    String os = "<loader type='pflash'>/var/lib/libvirt/qemu/nvram/g1_BOTH.fd</loader>";
    assertEquals(List.of("  \"/var/lib/libvirt/qemu/nvram/g1_BOTH.fd\" rwk,"),
        RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host));
  }

  @Test
  void aRomLoaderWithoutReadonlyStaysReadOnlySoFirmwareDirectoriesKeepWorking() throws RefusedPathException {
    assertEquals(List.of("  \"/usr/share/OVMF/OVMF.fd\" rk,", DENY, "  deny \"/usr/share/OVMF/OVMF.fd\" w,"),
        RuleLines.of(boot, RuleLines.domain("kvm", "<loader>/usr/share/OVMF/OVMF.fd</loader>", "", ""), host));
    assertEquals(List.of("  \"/usr/share/OVMF/OVMF.fd\" rk,", DENY, "  deny \"/usr/share/OVMF/OVMF.fd\" w,"),
        RuleLines.of(boot, RuleLines.domain("kvm", "<loader type='rom'>/usr/share/OVMF/OVMF.fd</loader>", "", ""), host));
  }

  @Test
  void aLoaderMarkedReadWriteIsReadWrite() throws RefusedPathException {
    assertEquals(List.of("  \"/v/fw.fd\" rwk,"),
        RuleLines.of(boot, RuleLines.domain("kvm", "<loader readonly='no'>/v/fw.fd</loader>", "", ""), host));
  }

  @Test
  void directKernelBootFilesComeInTheCHelpersOrder() throws RefusedPathException {
    String os = "<dtb>/b/dtb</dtb><shim>/b/shim</shim><initrd>/b/initrd</initrd><kernel>/b/kernel</kernel>";
    List<String> lines = RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host);
    assertEquals(List.of("  \"/b/kernel\" r,", "  \"/b/initrd\" r,", "  \"/b/shim\" r,", "  \"/b/dtb\" r,"),
        lines.stream().filter(l -> l.endsWith(" r,")).toList());
  }

  @Test
  void anNvramStoreUnderTheReadOnlyFirmwareDirectoryIsRefused() {
    // os-nvram-in-firmware-dir.xml names /usr/share/OVMF/OVMF_VARS.fd as the store, which QEMU would write.
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> RuleLines.of(boot, RuleLines.sample("os-nvram-in-firmware-dir.xml"), host));
    assertTrue(e.getMessage().startsWith("os nvram: /usr/share/OVMF/OVMF_VARS.fd"), e.getMessage());
  }

  @Test
  void aFileNvramWithAFormatIsReadWriteAndItsTemplateIsNotAdded() throws RefusedPathException {
    String os = "<loader readonly='yes' type='pflash' format='qcow2'>/usr/share/edk2/ovmf/OVMF_CODE.qcow2</loader>"
        + "<nvram type='file' format='qcow2' template='/usr/share/edk2/ovmf/OVMF_VARS.qcow2' templateFormat='qcow2'>"
        + "<source file='/var/lib/libvirt/qemu/nvram/g1_VARS.qcow2'/></nvram>";
    assertEquals(List.of(
        "  \"/usr/share/edk2/ovmf/OVMF_CODE.qcow2\" rk,", DENY, "  deny \"/usr/share/edk2/ovmf/OVMF_CODE.qcow2\" w,",
        "  \"/var/lib/libvirt/qemu/nvram/g1_VARS.qcow2\" rwk,"),
        RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host));
  }

  @Test
  void aBlockDeviceNvramIsReadWrite() throws RefusedPathException {
    String os = "<nvram type='block'><source dev='/dev/vg0/g1-vars'/></nvram>";
    assertEquals(List.of("  \"/dev/vg0/g1-vars\" rwk,"), RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host));
  }

  @Test
  void aNetworkNvramNamesNoHostFile() throws RefusedPathException {
    String os = "<nvram type='network'><source protocol='iscsi' name='iqn.2013-07.com.example:iscsi-nopool/0'>"
        + "<host name='example.com' port='6000'/></source></nvram>";
    assertEquals(List.of(), RuleLines.of(boot, RuleLines.domain("kvm", os, "", ""), host));
  }

  @Test
  void thePseriesNvramDeviceIsNotAFirmwareStore() throws RefusedPathException {
    assertEquals(List.of(), RuleLines.of(boot, RuleLines.sample("pseries-nvram-device.xml"), host));
  }
}
