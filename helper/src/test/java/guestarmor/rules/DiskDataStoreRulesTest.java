package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskDataStoreRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    DeviceFixture.Tree tree = new DeviceFixture.Tree(root);
    return DeviceFixture.lines(new DiskRules(tree), domain, tree);
  }

  @Test
  void theDataStoreOfTheTopImageGetsTheTopImagesAccess() throws Exception {
    assertEquals(List.of("  \"/srv/vm/top.qcow2\" rwk,", "  \"/srv/vm/top.data\" rwk,"), rulesFor(kvm(
        "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/srv/vm/top.qcow2'>"
        + "<dataStore type='file'><format type='raw'/><source file='/srv/vm/top.data'/></dataStore></source>"
        + "<backingStore/><target dev='vda' bus='virtio'/></disk>")));
  }

  @Test
  void aNetworkDiskWithALocalBlockDataStoreGetsTheStoreReadWrite() throws Exception {
    assertEquals(List.of("  \"/dev/vg0/data\" rwk,"), rulesFor(kvm(
        "<disk type='network' device='disk'><driver name='qemu' type='qcow2'/>"
        + "<source protocol='nbd' name='img'><host transport='unix' socket='/run/nbd.sock'/>"
        + "<dataStore type='block'><format type='raw'/><source dev='/dev/vg0/data'/></dataStore></source>"
        + "<target dev='vdb' bus='virtio'/></disk>")));
  }

  @Test
  void theDataStoreOfABackingLayerIsReadOnlyAndANetworkDataStoreAddsNothing() throws Exception {
    assertEquals(List.of("  \"/srv/vm/top.qcow2\" rwk,",
        "  \"/srv/vm/base.qcow2\" rk,", "  deny \"/srv/vm/base.qcow2\" w,",
        "  \"/srv/vm/base.data\" rk,", "  deny \"/srv/vm/base.data\" w,"),
        rulesFor(kvm("<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>"
        + "<source file='/srv/vm/top.qcow2'><dataStore type='network'><format type='raw'/>"
        + "<source protocol='nbd' name='d'><host transport='unix' socket='/run/d.sock'/></source></dataStore></source>"
        + "<backingStore type='file'><format type='qcow2'/><source file='/srv/vm/base.qcow2'>"
        + "<dataStore type='file'><format type='raw'/><source file='/srv/vm/base.data'/></dataStore></source>"
        + "<backingStore/></backingStore><target dev='vda' bus='virtio'/></disk>")));
  }
}
