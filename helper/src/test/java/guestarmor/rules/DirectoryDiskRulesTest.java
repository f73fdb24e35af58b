package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code <disk type='dir'>}, QEMU's vvfat (decisions file, item 13). */
class DirectoryDiskRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    DeviceFixture.Tree tree = new DeviceFixture.Tree(root);
    return DeviceFixture.lines(new DiskRules(tree), domain, tree);
  }

  private static Domain dirDisk(String dir) {
    return kvm("<disk type='dir' device='floppy'><driver name='qemu' type='fat'/><source dir='" + dir + "'/>"
        + "<target dev='fda' bus='fdc'/><readonly/></disk>");
  }

  @Test
  void aDirectoryDiskGetsTheDirectoryAndEverythingUnderItReadOnly() throws Exception {
    assertEquals(List.of("  \"/var/somefiles/**\" r,", "  \"/var/somefiles/\" r,"), rulesFor(dirDisk("/var/somefiles")));
    assertEquals(List.of("  \"/var/somefiles/**\" r,", "  \"/var/somefiles/\" r,"), rulesFor(dirDisk("/var/somefiles/")));
  }

  @Test
  void aDirectoryDiskWithoutReadonlyIsStillReadOnly() throws Exception {
    // libvirt refuses to start a read-write FAT disk ("cannot create virtual FAT disks in read-write mode").
    assertEquals(List.of("  \"/srv/fat/**\" r,", "  \"/srv/fat/\" r,"), rulesFor(kvm(
        "<disk type='dir' device='disk'><driver name='qemu' type='fat'/><source dir='/srv/fat'/><target dev='hdc'/></disk>")));
  }

  @Test
  void aRestrictedOrSystemDirectoryItselfIsRefusedWithOneLineNamingTheDiskAndThePath() {
    Map<String, String> why = Map.of(
        "/etc", "disk fda: /etc is the restricted directory /etc/",
        "/proc", "disk fda: /proc is the restricted directory /proc/",
        "/sys", "disk fda: /sys is the restricted directory /sys/",
        "/boot", "disk fda: /boot is the host's /boot directory, which a guest may not have as a whole",
        "/root", "disk fda: /root is the host's /root directory, which a guest may not have as a whole",
        "/dev", "disk fda: /dev is the host's /dev directory, which a guest may not have as a whole",
        "/usr", "disk fda: /usr is a directory that holds restricted /usr/bin/",
        "/usr/share", "disk fda: /usr/share is the restricted directory /usr/share/");
    for (Map.Entry<String, String> e : why.entrySet()) {
      RefusedPathException x = assertThrows(RefusedPathException.class, () -> rulesFor(dirDisk(e.getKey())), e.getKey());
      assertEquals(e.getValue(), x.getMessage());
    }
    assertEquals(8, why.size());
  }

  @Test
  void theHostsRootAsADirectoryDiskIsRefused() {
    RefusedPathException x = assertThrows(RefusedPathException.class, () -> rulesFor(dirDisk("/")));
    assertEquals("disk fda: / is the host's root directory, which a guest may not share", x.getMessage());
  }

  @Test
  void aFileDiskNamingARestrictedDirectoryIsRefusedToo() {
    RefusedPathException x = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(
        "<disk type='file' device='disk'><source file='/etc'/><target dev='vda'/></disk>")));
    assertEquals("disk vda: /etc is the restricted directory /etc/", x.getMessage());
  }
}
