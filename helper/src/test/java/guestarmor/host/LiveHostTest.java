package guestarmor.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveHostTest {
  @TempDir Path root;

  @Test
  void aSysfsSymlinkResolvesToTheHostPathWithoutTheFakeRoot() throws IOException {
    HostTree tree = new HostTree(root).pciDevice("0000:00:02.0", "config");
    LiveHost host = tree.host();
    assertEquals("/sys/devices/pci0000:00/0000:00:02.0/config",
        host.realPath("/sys/bus/pci/devices/0000:00:02.0/config"));
  }

  @Test
  void existenceIsCheckedInsideTheRoot() {
    LiveHost host = new HostTree(root).file("/dev/dri/renderD128", "").host();
    assertTrue(host.exists("/dev/dri/renderD128"));
    assertFalse(host.exists("/dev/dri/renderD129"));
  }

  @Test
  void aListingIsTheSortedNamesOfTheDirectory() {
    LiveHost host = new HostTree(root).file("/dev/dri/renderD129", "").file("/dev/dri/card0", "")
        .file("/dev/dri/renderD128", "").host();
    assertEquals(List.of("card0", "renderD128", "renderD129"), host.list("/dev/dri"));
  }

  @Test
  void aMissingDirectoryListsNothing() {
    assertEquals(List.of(), new HostTree(root).host().list("/sys/bus/usb/devices"));
  }

  @Test
  void theFirstLineOfASysfsAttributeComesWithoutItsNewline() {
    LiveHost host = new HostTree(root).file("/sys/bus/usb/devices/1-1/idVendor", "046d\nsecond\n").host();
    assertEquals("046d", host.readFirstLine("/sys/bus/usb/devices/1-1/idVendor"));
  }

  @Test
  void aMissingFileHasNoFirstLine() {
    assertNull(new HostTree(root).host().readFirstLine("/sys/bus/usb/devices/1-1/idVendor"));
  }

  @Test
  void aSymlinkThatLeavesTheRootHasNoHostPath() {
    LiveHost host = new HostTree(root).symlink("/dev/escape", "../../../../../../../../../tmp").host();
    assertThrows(IOException.class, () -> host.realPath("/dev/escape"));
  }

  @Test
  void theChainWalkFindsAHostPathsFileUnderTheRootAndNoneThroughASymlinkOutOfIt() throws IOException {
    Path outside = Files.createFile(root.resolve("outside"));
    LiveHost host = new HostTree(root.resolve("tree")).file("/var/lib/libvirt/images/a.qcow2", "").host();
    Files.createSymbolicLink(root.resolve("tree/var/lib/libvirt/images/b.qcow2"), outside);
    assertEquals(root.resolve("tree/var/lib/libvirt/images/a.qcow2"), host.file("/var/lib/libvirt/images/a.qcow2"));
    assertNull(host.file("/var/lib/libvirt/images/b.qcow2"));
    assertNull(host.file("bad\0name"));
  }

  @Test
  void theDefaultHostIsTheRealMachine() throws IOException {
    Path file = Files.createFile(root.resolve("real"));
    assertEquals(file.toRealPath().toString(), new LiveHost().realPath(file.toString()));
  }
}
