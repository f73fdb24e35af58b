package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskSocketAndVolumeRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    DeviceFixture.Tree tree = new DeviceFixture.Tree(root);
    return DeviceFixture.lines(new DiskRules(tree), domain, tree);
  }

  @Test
  void aVhostUserDiskGetsItsSocketReadWrite() throws Exception {
    assertEquals(List.of("  \"/run/vhost-blk/vda.sock\" rw,"), rulesFor(kvm(
        "<disk type='vhostuser' device='disk'><driver name='qemu' type='raw'/>"
        + "<source type='unix' path='/run/vhost-blk/vda.sock'><reconnect enabled='yes' timeout='10'/></source>"
        + "<target dev='vda' bus='virtio'/></disk>")));
  }

  @Test
  void aVolumeTranslatedToAFileIsLikeAFileDisk() throws Exception {
    assertEquals(List.of("  \"/var/lib/libvirt/images/vm1.img\" rwk,"), rulesFor(kvm(
        "<disk type='volume' device='disk'><driver name='qemu' type='raw'/>"
        + "<source pool='default' volume='vm1.img' file='/var/lib/libvirt/images/vm1.img'/>"
        + "<target dev='vda' bus='virtio'/></disk>")));
  }

  @Test
  void aReadOnlyVolumeTranslatedToABlockDeviceIsLikeAReadOnlyBlockDisk() throws Exception {
    assertEquals(List.of("  \"/dev/vg0/lv1\" rk,", "  deny \"/dev/vg0/lv1\" w,"), rulesFor(kvm(
        "<disk type='volume' device='cdrom'><driver name='qemu' type='raw'/>"
        + "<source pool='vg0' volume='lv1' dev='/dev/vg0/lv1'/><target dev='sda' bus='sata'/><readonly/></disk>")));
  }

  @Test
  void anUntranslatedOrDirectoryVolumeGetsNothing() throws Exception {
    assertEquals(List.of(), rulesFor(kvm(
        "<disk type='volume' device='disk'><source pool='default' volume='vm1.img'/><target dev='vda'/></disk>"
        + "<disk type='volume' device='disk'><source pool='dirs' volume='d' dir='/srv/d'/><target dev='vdb'/></disk>")));
  }

  @Test
  void aVolumeInARestrictedDirectoryIsRefusedLikeAFile() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(
        "<disk type='volume' device='disk'><source pool='p' volume='v' file='/etc/shadow'/><target dev='vda'/></disk>")));
    assertEquals("disk vda: /etc/shadow is under restricted /etc/", e.getMessage());
  }
}
