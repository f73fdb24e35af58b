package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.host.LiveHost;
import guestarmor.rules.PathPattern;
import guestarmor.rules.Rule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathExplainerTest {
  @TempDir
  Path tmp;

  private final PathExplainer explainer = new PathExplainer(new LiveHost());

  @Test
  void aPathThroughASymlinkIsJudgedByWhereItLeads() throws Exception {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path disk = Files.writeString(images.resolve("a.img"), "");
    Path link = Files.createSymbolicLink(tmp.resolve("current"), images);
    List<Rule> rules = List.of(Rule.allow("disk vda", PathPattern.literal(disk.toRealPath().toString()), "rwk"));
    PathVerdict v = explainer.explain(link + "/a.img", rules);
    assertEquals(PathVerdict.Kind.ALLOWED, v.kind());
    assertEquals(disk.toRealPath().toString(), v.resolved());
    assertEquals("rwk", v.perms());
  }

  @Test
  void aDenyLineTakesWriteOutOfTheGrantedPermissions() throws Exception {
    PathPattern iso = PathPattern.literal("/srv/iso/a.iso");
    PathVerdict v = explainer.explain("/srv/iso/a.iso", List.of(Rule.allow("disk sdb", iso, "rk"),
        Rule.denyWrite("disk sdb", iso)));
    assertEquals("rk", v.perms());
    assertEquals(1, v.denying().size());
  }

  @Test
  void aLibvirtReadOnlyLocationIsNotCoveredWithItsReason() throws Exception {
    PathVerdict v = explainer.explain("/usr/share/OVMF/OVMF_VARS.fd", List.of());
    assertEquals(PathVerdict.Kind.NOT_COVERED, v.kind());
    assertEquals("under /usr/share/OVMF/, which a guest may only read", v.reason());
  }

  @Test
  void aRestrictedLocationIsRefused() throws Exception {
    PathVerdict v = explainer.explain("/proc/self/mem", List.of());
    assertEquals(PathVerdict.Kind.REFUSED, v.kind());
    assertEquals("under restricted /proc/", v.reason());
  }

  @Test
  void hintsNameTheElementKindForDevicesSocketsAndFiles() {
    assertEquals("<hostdev type='usb'>", PathExplainer.hint("/dev/bus/usb/001/002"));
    assertEquals("<serial>/<console> type='pty' or 'dev'", PathExplainer.hint("/dev/pts/3"));
    assertEquals("<channel>/<serial> type='unix', or <graphics> listen type='socket'",
        PathExplainer.hint("/var/lib/libvirt/qemu/x.sock"));
    assertEquals("<disk> source (a file), or <filesystem> (a directory tree)", PathExplainer.hint("/srv/vm.img"));
  }

  @Test
  void aRelativePathIsAnError() {
    assertThrows(AdminException.class, () -> explainer.explain("images/a.img", List.of()));
  }
}
