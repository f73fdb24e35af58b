package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import guestarmor.profile.FilesRenderer;
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

  // blockcommit with -f: the regeneration names base.qcow2 as a read-only layer, -f asks for write to it.
  private static final String CHAIN_XML = "<domain type='kvm'><name>vm</name><uuid>6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b</uuid>"
      + "<os><type>hvm</type></os><devices><disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
      + "<source file='/var/lib/libvirt/images/new.qcow2'/><backingStore type='file'><format type='qcow2'/>"
      + "<source file='/var/lib/libvirt/images/base.qcow2'/><backingStore/></backingStore>"
      + "<target dev='vda' bus='virtio'/></disk></devices></domain>";

  private List<String> regenerated(String extra) throws Exception {
    var domain = new guestarmor.domain.DomainXmlReader().parse(CHAIN_XML.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    // the .files leaves out the deny lines -f lifts (FilesDocument.of)
    return List.of(FilesRenderer.rulesText(new DomainRules(host).compute(domain, extra).rules()).split("\n"));
  }

  @Test
  void aRegenerationWithWriteAskedForABackingLayerHasNoDenyLineForIt() throws Exception {
    String deny = "  deny \"/var/lib/libvirt/images/base.qcow2\" w,";
    assertEquals(true, regenerated(null).contains(deny));
    List<String> withF = regenerated("/var/lib/libvirt/images/base.qcow2");
    assertEquals(false, withF.contains(deny), withF.toString());
    assertEquals(List.of("  \"/var/lib/libvirt/images/base.qcow2\" rk,", "  \"/var/lib/libvirt/images/base.qcow2\" rwk,"),
        withF.stream().filter(l -> l.contains("base.qcow2")).toList());
  }

  @Test
  void aRegenerationWithWriteAskedForAnotherFileKeepsTheLayersDenyLine() throws Exception {
    assertEquals(true, regenerated("/var/lib/libvirt/images/new2.qcow2").contains("  deny \"/var/lib/libvirt/images/base.qcow2\" w,"));
  }
}
