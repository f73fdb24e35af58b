package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shapes of file libvirtd passes with {@code -F} on hotplug (behaviour spec 2.4), on a fake host tree. */
class HotplugShapesTest {
  @TempDir Path root;
  LiveHost host;

  @BeforeEach
  void setUp() {
    host = new HostTree(root)
        .file("/var/lib/libvirt/images/new.qcow2", "")
        .dir("/var/lib/libvirt/qemu/domain-3-vm")
        .file("/dev/vfio/42", "")
        .pciDevice("0000:03:00.0", "config", "resource0", "vendor")
        .dir("/sys/kernel/config/target/vhost/naa.5001405df3e54061")
        .host();
  }

  List<String> appended(String file) throws RefusedPathException {
    return RuleLines.lines(new DomainRules(host).appended(file).rules());
  }

  @Test
  void aHotpluggedImageGetsReadWriteAndLock() throws RefusedPathException {
    assertEquals(List.of("  \"/var/lib/libvirt/images/new.qcow2\" rwk,"), appended("/var/lib/libvirt/images/new.qcow2"));
  }

  @Test
  void aDirectoryGetsARuleForItselfOnly() throws RefusedPathException {
    assertEquals(List.of("  \"/var/lib/libvirt/qemu/domain-3-vm\" rwk,"), appended("/var/lib/libvirt/qemu/domain-3-vm/"));
  }

  @Test
  void aSubtreeKeepsLibvirtdsGlobAroundTheCheckedDirectory() throws RefusedPathException {
    assertEquals(List.of("  \"/var/lib/libvirt/qemu/domain-3-vm/{,**}\" rwk,"),
        appended("/var/lib/libvirt/qemu/domain-3-vm/{,**}"));
  }

  @Test
  void aSubtreeOfARestrictedDirectoryIsRefused() {
    assertThrows(RefusedPathException.class, () -> appended("/etc/{,**}"));
  }

  @Test
  void aVfioGroupNodeIsAPlainPath() throws RefusedPathException {
    assertEquals(List.of("  \"/dev/vfio/42\" rwk,"), appended("/dev/vfio/42"));
  }

  @Test
  void aPciSysfsFileIsResolvedToItsDeviceDirectoryWhichTheOverrideAllows() throws RefusedPathException {
    assertEquals(List.of("  \"/sys/devices/pci0000:00/0000:03:00.0/config\" rwk,"),
        appended("/sys/bus/pci/devices/0000:03:00.0/config"));
  }

  @Test
  void theVhostScsiPathWithItsDoubleSlashIsNormalisedAndAllowed() throws RefusedPathException {
    assertEquals(List.of("  \"/sys/kernel/config/target/vhost/naa.5001405df3e54061\" rwk,"),
        appended("/sys/kernel/config/target/vhost//naa.5001405df3e54061"));
  }

  @Test
  void aSysfsPathOutsideTheOverridesIsRefused() {
    assertThrows(RefusedPathException.class, () -> appended("/sys/kernel/mm/transparent_hugepage/enabled"));
  }
}
