package guestarmor.domain;

import static guestarmor.domain.DomainXmlReaderTest.UUID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The typed views rules read: disks, chardevs (with libvirt's console compatibility), boot files, graphics, NICs. */
class DeviceViewsTest {

  private static Domain withDevices(String devices) throws DomainXmlException {
    return DomainXmlReaderTest.parse(DomainXmlReaderTest.domain("kvm", "vm", UUID, "<devices>" + devices + "</devices>"));
  }

  private static Domain withOs(String os) throws DomainXmlException {
    return DomainXmlReaderTest.parse("<domain type='kvm'><name>vm</name><uuid>" + UUID + "</uuid><os><type>hvm</type>"
        + os + "</os></domain>");
  }

  // ---- disks

  @Test
  void aFileDiskGivesItsSourceFormatTargetAndWritability() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        + "<source file='/v/a.qcow2'/><target dev='vda' bus='virtio'/></disk>")).get(0);
    assertEquals(new Disk("file", "disk", "vda", "qcow2", "/v/a.qcow2", false, new BackingChain(false, List.of()), null), d);
    assertTrue(d.isLocal());
  }

  @Test
  void aReadOnlyCdromIsReadOnly() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file' device='cdrom'><source file='/v/x.iso'/>"
        + "<target dev='sdc'/><readonly/></disk>")).get(0);
    assertTrue(d.readonly());
    assertEquals("cdrom", d.device());
    assertNull(d.format());
  }

  @Test
  void blockAndDirDisksAreLocalWithTheirDevAndDirSources() throws Exception {
    List<Disk> disks = Disk.all(withDevices(
        "<disk type='block'><source dev='/dev/sdb'/><target dev='vdb'/></disk>"
            + "<disk type='dir'><source dir='/srv/fat'/><target dev='hdc'/></disk>"));
    assertEquals("/dev/sdb", disks.get(0).source());
    assertTrue(disks.get(0).isLocal());
    assertEquals("/srv/fat", disks.get(1).source());
    assertTrue(disks.get(1).isLocal());
  }

  @Test
  void aNetworkDiskIsNotLocal() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='network'><source protocol='nbd' name='x'>"
        + "<host name='h' port='10809'/></source><target dev='vdc'/></disk>")).get(0);
    assertFalse(d.isLocal());
    assertNull(d.source());
  }

  @Test
  void anEmptyOrMissingSourceHasNoPath() throws Exception {
    List<Disk> disks = Disk.all(withDevices("<disk type='file' device='cdrom'><source file=''/><target dev='sda'/></disk>"
        + "<disk type='file' device='cdrom'><target dev='sdb'/></disk>"));
    assertNull(disks.get(0).source());
    assertNull(disks.get(1).source());
  }

  @Test
  void aDiskWithoutTypeIsAFileAndWithoutTargetIsNamedByItsIndex() throws Exception {
    Disk d = Disk.all(withDevices("<disk><source file='/v/a'/></disk>")).get(0);
    assertEquals("file", d.type());
    assertEquals("#0", d.target());
  }

  @Test
  void noBackingStoreElementMeansTheChainIsNotDeclared() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file'><source file='/v/a'/><target dev='vda'/></disk>")).get(0);
    assertFalse(d.backing().declared());
  }

  @Test
  void anEmptyBackingStoreDeclaresNoBacking() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file'><source file='/v/a'/><backingStore/><target dev='vda'/></disk>")).get(0);
    assertEquals(new BackingChain(true, List.of()), d.backing());
  }

  @Test
  void aNestedBackingStoreIsReadTopFirst() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file'><driver type='qcow2'/><source file='/v/top.qcow2'/>"
        + "<backingStore type='file'><format type='qcow2'/><source file='/v/mid.qcow2'/>"
        + "<backingStore type='block'><format type='raw'/><source dev='/dev/vg/base'/>"
        + "<backingStore/></backingStore></backingStore><target dev='vda'/></disk>")).get(0);
    assertEquals(new BackingChain(true, List.of(new BackingChain.Layer("file", "qcow2", "/v/mid.qcow2", null),
        new BackingChain.Layer("block", "raw", "/dev/vg/base", null))), d.backing());
  }

  @Test
  void aNetworkBackingLayerIsDeclaredButNotLocal() throws Exception {
    Disk d = Disk.all(withDevices("<disk type='file'><source file='/v/top'/>"
        + "<backingStore type='network'><format type='raw'/><source protocol='nbd' name='x'/></backingStore>"
        + "<target dev='vda'/></disk>")).get(0);
    BackingChain.Layer layer = d.backing().layers().get(0);
    assertFalse(layer.isLocal());
    assertNull(layer.source());
  }

  // ---- chardevs and console compatibility (behaviour 4.1)

  @Test
  void chardevsComeInTheHelpersOrderSerialsConsolesParallelsChannels() throws Exception {
    List<Chardev> all = Chardev.all(withDevices(
        "<channel type='unix'><source mode='bind' path='/c'/><target type='virtio'/></channel>"
            + "<parallel type='file'><source path='/p'/></parallel>"
            + "<console type='pty'><source path='/dev/pts/1'/><target type='virtio'/></console>"
            + "<serial type='file'><source path='/s'/></serial>"));
    assertEquals(List.of("serial 0", "console 0", "parallel 0", "channel 0"), all.stream().map(Chardev::label).toList());
  }

  @Test
  void aConsoleWithoutSerialBecomesSerialZero() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<console type='pipe'><source path='/v/p'/><target type='serial'/></console>"));
    assertEquals(List.of(new Chardev("serial", 0, "pipe", "/v/p", "serial", null)), all);
    assertTrue(all.get(0).expandsPipe());
  }

  @Test
  void aConsoleWithoutTargetTypeAndWithoutSerialBecomesSerialZero() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<console type='file'><source path='/v/c.log'/></console>"));
    assertEquals(1, all.size());
    assertEquals("serial", all.get(0).kind());
    assertEquals("/v/c.log", all.get(0).path());
  }

  @Test
  void aConsoleDifferentFromSerialZeroIsDiscarded() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<serial type='file'><source path='/v/s.log'/></serial>"
        + "<console type='file'><source path='/v/other.log'/><target type='serial'/></console>"));
    assertEquals(List.of("serial 0"), all.stream().map(Chardev::label).toList());
  }

  @Test
  void aConsoleIdenticalToSerialZeroIsKept() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<serial type='pty'><source path='/dev/pts/3'/></serial>"
        + "<console type='pty'><source path='/dev/pts/3'/><target type='serial'/></console>"));
    assertEquals(List.of("serial 0", "console 0"), all.stream().map(Chardev::label).toList());
    assertEquals("/dev/pts/3", all.get(1).path());
  }

  @Test
  void aVirtioConsoleIsKeptBesideASerialAndDoesNotExpandItsPipe() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<serial type='file'><source path='/v/s.log'/></serial>"
        + "<console type='pipe'><source path='/v/p'/><target type='virtio'/></console>"));
    assertEquals(List.of("serial 0", "console 0"), all.stream().map(Chardev::label).toList());
    assertFalse(all.get(1).expandsPipe());
  }

  @Test
  void aVirtioConsoleWithoutSerialStaysAConsole() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<console type='pipe'><source path='/v/p'/><target type='virtio'/></console>"));
    assertEquals(List.of(new Chardev("console", 0, "pipe", "/v/p", "virtio", null)), all);
  }

  @Test
  void consoleCompatibilityAppliesOnlyToHvmGuests() throws Exception {
    Domain exe = DomainXmlReaderTest.parse("<domain type='lxc'><name>ct</name><uuid>" + UUID
        + "</uuid><os><type>exe</type></os><devices><console type='pty'/></devices></domain>");
    assertEquals(List.of("console 0"), Chardev.all(exe).stream().map(Chardev::label).toList());
  }

  @Test
  void onlyFilePipeUnixDevAndPtyWithAPathNameAHostPath() throws Exception {
    List<Chardev> all = Chardev.all(withDevices("<serial type='tcp'><source mode='bind' host='0' service='1'/></serial>"
        + "<parallel type='dev'><source path='/dev/parport0'/></parallel>"
        + "<channel type='unix'><target type='virtio' name='x'/></channel>"));
    assertFalse(all.get(0).hasHostPath());
    assertTrue(all.get(1).hasHostPath());
    assertFalse(all.get(2).hasHostPath());
  }

  @Test
  void aChardevWithoutTypeIsAPty() throws Exception {
    assertEquals("pty", Chardev.all(withDevices("<parallel><source path='/dev/pts/2'/></parallel>")).get(0).type());
  }

  // ---- boot files

  @Test
  void bootFilesAreReadFromOs() throws Exception {
    BootFiles b = BootFiles.of(withOs("<loader readonly='yes' type='pflash'>/usr/share/OVMF/OVMF_CODE.fd</loader>"
        + "<nvram template='/usr/share/OVMF/OVMF_VARS.fd'>/var/lib/libvirt/qemu/nvram/vm_VARS.fd</nvram>"
        + "<kernel>/b/vmlinuz</kernel><initrd>/b/initrd</initrd><dtb>/b/x.dtb</dtb>"
        + "<acpi><table type='slic'>/b/slic.dat</table></acpi>"));
    assertEquals(new BootFiles("/b/vmlinuz", "/b/initrd", "/b/x.dtb", null, List.of("/b/slic.dat"), null,
        "/usr/share/OVMF/OVMF_CODE.fd", "yes", "pflash", "/var/lib/libvirt/qemu/nvram/vm_VARS.fd", null), b);
  }

  @Test
  void anNvramGivenAsAFileSourceIsRead() throws Exception {
    assertEquals("/v/vars.fd", BootFiles.of(withOs("<nvram type='file'><source file='/v/vars.fd'/></nvram>")).nvram());
  }

  @Test
  void aNetworkNvramNamesNoHostPath() throws Exception {
    assertNull(BootFiles.of(withOs("<nvram type='network'><source protocol='iscsi' name='x'/></nvram>")).nvram());
  }

  @Test
  void noBootFilesGiveNulls() throws Exception {
    assertEquals(new BootFiles(null, null, null, null, List.of(), null, null, null, null, null, null), BootFiles.of(withOs("")));
  }

  // ---- graphics

  @Test
  void aVncSocketAttributeIsAListenSocket() throws Exception {
    Graphics g = Graphics.all(withDevices("<graphics type='vnc' socket='/run/vnc.sock'/>")).get(0);
    assertEquals(new Graphics(0, "vnc", List.of("/run/vnc.sock"), null, false, null), g);
  }

  @Test
  void aListenOfTypeSocketIsRead() throws Exception {
    List<Graphics> all = Graphics.all(withDevices("<graphics type='vnc'><listen type='address' address='0.0.0.0'/></graphics>"
        + "<graphics type='spice'><listen type='socket' socket='/run/spice.sock'/></graphics>"));
    assertEquals(List.of(), all.get(0).sockets());
    assertEquals(List.of("/run/spice.sock"), all.get(1).sockets());
  }

  @Test
  void theSocketAttributeAndItsEchoedListenCountOnce() throws Exception {
    Graphics g = Graphics.all(withDevices("<graphics type='vnc' socket='/run/v.sock'>"
        + "<listen type='socket' socket='/run/v.sock'/></graphics>")).get(0);
    assertEquals(List.of("/run/v.sock"), g.sockets());
  }

  // ---- interfaces

  @Test
  void interfacesGiveTypeModelAndDriver() throws Exception {
    List<NetInterface> all = NetInterface.all(withDevices("<interface type='network'><model type='virtio'/>"
        + "<driver name='qemu'/></interface><interface type='bridge'/>"));
    assertEquals(List.of(new NetInterface(0, "network", "virtio", "qemu"), new NetInterface(1, "bridge", null, null)), all);
  }
}
