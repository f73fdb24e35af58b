package guestarmor.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.cli.VirtAaHelper;
import guestarmor.host.LiveHost;
import guestarmor.it.Checkout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths that try to leave the places a guest may use, on a real directory tree and real images. */
class PathEscapeTest {
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  @TempDir Path tmp;
  String t;

  @BeforeEach
  void setUp() throws Exception {
    tmp = tmp.toRealPath();
    t = tmp.toString();
  }

  record Outcome(int status, String stderr) {
    List<String> rules() {
      return stderr.lines().filter(l -> l.startsWith("  ") && !l.startsWith("  #")).collect(Collectors.toList());
    }
  }

  Outcome disk(String path, String format) {
    String driver = format == null ? "" : "<driver name='qemu' type='" + format + "'/>";
    String xml = "<domain type='qemu'><name>vm</name><uuid>" + UUID + "</uuid><os><type>hvm</type></os><devices>"
        + "<disk type='file' device='disk'>" + driver + "<source file='" + path + "'/><target dev='vda'/></disk>"
        + "</devices></domain>";
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run("virt-aa-helper", new String[] {"-d", "-r", "-u", "libvirt-" + UUID},
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    return new Outcome(status, err.toString(StandardCharsets.UTF_8));
  }

  void assertRefused(Outcome o, String message) {
    assertEquals(1, o.status(), o.stderr());
    assertEquals("virt-aa-helper: error: " + message + "\n", o.stderr());
  }

  List<String> diskRules(String path) {
    return List.of("  \"" + path + "\" rwk,");
  }

  List<String> withoutFixed(Outcome o) {
    assertEquals(0, o.status(), o.stderr());
    return o.rules().stream().filter(r -> !r.contains("libvirt/")).collect(Collectors.toList());
  }

  @Test
  void dotDotThroughExistingDirectoriesIsResolvedAndRefused() {
    assertRefused(disk("/var/lib/../../etc/shadow", null),
        "disk vda: /var/lib/../../etc/shadow resolves to /etc/shadow, under restricted /etc/");
  }

  @Test
  void dotDotThroughAMissingDirectoryIsNormalisedAndRefused() {
    assertRefused(disk("/nonexistent-guestarmor/../etc/passwd", null),
        "disk vda: /nonexistent-guestarmor/../etc/passwd resolves to /etc/passwd, under restricted /etc/");
  }

  @Test
  void aDiskSymlinkedToShadowIsRefused() throws Exception {
    Files.createSymbolicLink(tmp.resolve("disk.img"), Path.of("/etc/shadow"));
    assertRefused(disk(t + "/disk.img", null),
        "disk vda: " + t + "/disk.img resolves to /etc/shadow, under restricted /etc/");
  }

  @Test
  void aParentDirectorySymlinkedToEtcIsRefusedEvenForAFileNotYetThere() throws Exception {
    Files.createSymbolicLink(tmp.resolve("images"), Path.of("/etc"));
    assertRefused(disk(t + "/images/new-guestarmor.img", null),
        "disk vda: " + t + "/images/new-guestarmor.img resolves to /etc/new-guestarmor.img, under restricted /etc/");
  }

  @Test
  void aSymlinkLoopGetsARuleForTheLinkNameOnlyWhichNothingCanOpen() throws Exception {
    Files.createSymbolicLink(tmp.resolve("loop1"), tmp.resolve("loop2"));
    Files.createSymbolicLink(tmp.resolve("loop2"), tmp.resolve("loop1"));
    assertEquals(diskRules(t + "/loop1"), withoutFixed(disk(t + "/loop1", null)));
  }

  @Test
  void aDanglingSymlinkIntoEtcGetsARuleForTheLinkNotItsTarget() throws Exception {
    // AppArmor checks the path the kernel opens: creating through this link lands in /etc and is denied.
    Files.createSymbolicLink(tmp.resolve("dangling.img"), Path.of("/etc/guestarmor-nonexistent"));
    assertEquals(diskRules(t + "/dangling.img"), withoutFixed(disk(t + "/dangling.img", null)));
  }

  @Test
  void aHardLinkIsRefusedBecauseItsOtherNamesAreUnknown() throws Exception {
    Path file = Files.writeString(tmp.resolve("base.img"), "x");
    Files.createLink(tmp.resolve("hard.img"), file);
    assertRefused(disk(t + "/hard.img", null), "disk vda: " + t
        + "/hard.img is a file with 2 hard links, whose other names guestarmor cannot check");
  }

  @Test
  void aBackingFileNamingShadowInTheImageHeaderIsRefused() throws Exception {
    qemuImg("create", "-q", "-f", "qcow2", "-u", "-b", "/etc/shadow", "-F", "raw", t + "/top.qcow2", "16M");
    assertRefused(disk(t + "/top.qcow2", "qcow2"), "disk vda backing 1: /etc/shadow is under restricted /etc/");
  }

  @Test
  void aBackingFileNamingADeviceInTheImageHeaderIsNotGranted() throws Exception {
    qemuImg("create", "-q", "-f", "qcow2", "-u", "-b", "/dev/null", "-F", "raw", t + "/top.qcow2", "16M");
    assertEquals(diskRules(t + "/top.qcow2"), withoutFixed(disk(t + "/top.qcow2", "qcow2")));
  }

  @Test
  void aQcow2HeaderInsideAnImageDeclaredRawOrUndeclaredIsNeverFollowed() throws Exception {
    qemuImg("create", "-q", "-f", "qcow2", "-u", "-b", "/etc/shadow", "-F", "raw", t + "/forged.img", "16M");
    assertEquals(diskRules(t + "/forged.img"), withoutFixed(disk(t + "/forged.img", "raw")));
    assertEquals(diskRules(t + "/forged.img"), withoutFixed(disk(t + "/forged.img", null)));
  }

  @Test
  void aPathLongerThanPathMaxIsRefused() {
    String longPath = "/srv/" + "a".repeat(4091);
    assertRefused(disk(longPath, null), "disk vda: a path of more than 4095 bytes cannot be opened");
    String longest = "/srv/" + "a/".repeat(2045);
    assertEquals(0, disk(longest, null).status(), "4095 bytes are still a path");
  }

  @Test
  void restrictedPrefixesAreStringPrefixesAsInLibvirt() {
    assertRefused(disk("/lib-guestarmor/x.img", null), "disk vda: /lib-guestarmor/x.img is under restricted /lib");
    assertEquals(diskRules("/etcetera/guestarmor.img"), withoutFixed(disk("/etcetera/guestarmor.img", null)));
    assertRefused(disk("/usr/share/OVMFX/x.fd", null), "disk vda: /usr/share/OVMFX/x.fd is under restricted /usr/share/");
  }

  @Test
  void firmwareDirectoriesMayBeReadButNotWritten() {
    assertRefused(disk("/usr/share/OVMF/guestarmor.fd", null),
        "disk vda: /usr/share/OVMF/guestarmor.fd is under /usr/share/OVMF/, which a guest may only read");
    String xml = "<domain type='qemu'><name>vm</name><uuid>" + UUID + "</uuid><os><type>hvm</type></os><devices>"
        + "<disk type='file' device='cdrom'><source file='/usr/share/OVMF/guestarmor.iso'/><target dev='sda'/>"
        + "</disk></devices></domain>";
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run("virt-aa-helper", new String[] {"-d", "-r", "-u", "libvirt-" + UUID},
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
  }

  private static void qemuImg(String... args) throws Exception {
    List<String> cmd = new java.util.ArrayList<>(List.of("qemu-img"));
    cmd.addAll(List.of(args));
    Checkout.Result r = Checkout.run(cmd, null);
    assertEquals(0, r.status(), r.stderr());
  }
}
