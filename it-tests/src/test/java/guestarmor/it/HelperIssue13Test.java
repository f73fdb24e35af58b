package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/virt-aa-helper on what issue 13 fixed: write granted for a block job lifts the deny line until the plain
 * -r, directory disks, dry runs of parser-only modes, libvirt's parse-time checks and domain types without template.
 */
class HelperIssue13Test {
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String NAME = "libvirt-" + UUID;
  static final String ISO = "/var/lib/libvirt/images/debian-12.iso";

  @TempDir Path tmp;
  Path profiles;
  byte[] web01;

  @BeforeEach
  void setUp() throws IOException {
    profiles = Files.createDirectories(tmp.resolve("apparmor.d/libvirt"));
    web01 = Files.readAllBytes(Checkout.example("web01.xml"));
  }

  Checkout.Result helper(byte[] xml, ParserStandIn parser, String... args) throws Exception {
    String[] all = Stream.concat(Stream.of(args), Stream.of("--profile-dir", profiles.toString(),
        "--parser", parser.path().toString(), "--loaded-profiles", tmp.resolve("none").toString()))
        .toArray(String[]::new);
    return Checkout.helper(xml, all);
  }

  String files() throws IOException {
    return Files.readString(profiles.resolve(NAME + ".files"), StandardCharsets.UTF_8);
  }

  static byte[] domain(String os, String devices) {
    return ("<domain type='kvm'><name>web01</name><uuid>" + UUID + "</uuid><os>" + os + "</os><devices>" + devices
        + "</devices></domain>").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aWriteGrantForAReadOnlyImageLiftsItsDenyLineAndThePlainReplaceBringsItBack() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    assertEquals(0, helper(web01, parser, "-c", "-u", NAME).status());
    String deny = "  deny \"" + ISO + "\" w,\n";
    assertTrue(files().contains(deny), files());
    Checkout.Result grant = helper(web01, parser, "-r", "-u", NAME, "-F", ISO);
    assertEquals(0, grant.status(), grant.stderr());
    assertFalse(files().contains("deny \"" + ISO + "\""), files());
    assertTrue(files().endsWith("  # -F (hotplug)\n  \"" + ISO + "\" rwk,\n"), files());
    Checkout.Result restore = helper(web01, parser, "-r", "-u", NAME);
    assertEquals(0, restore.status(), restore.stderr());
    assertTrue(files().contains(deny), files());
    assertFalse(files().contains("-F (hotplug)"), files());
    assertEquals(3, parser.calls().size(), "each of the three calls compiled and loaded its profile");
  }

  @Test
  void aDirectoryDiskGetsAReadOnlyTreeThatTheRealParserCompiles() throws Exception {
    Path fat = Files.createDirectories(tmp.resolve("fat/sub"));
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    Checkout.Result r = helper(domain("<type arch='x86_64'>hvm</type>", "<disk type='dir' device='floppy'>"
        + "<driver name='qemu' type='fat'/><source dir='" + fat.getParent() + "'/><target dev='fda' bus='fdc'/>"
        + "<readonly/></disk>"), parser, "-c", "-u", NAME);
    assertEquals(0, r.status(), r.stderr());
    assertTrue(files().endsWith("  # disk fda\n  \"" + fat.getParent() + "/**\" r,\n  \"" + fat.getParent() + "/\" r,\n"),
        files());
    assertEquals(1, parser.calls().size());
  }

  @Test
  void aDirectoryDiskOfARestrictedDirectoryIsOneErrorLineAndWritesNothing() throws Exception {
    List<String> dirs = List.of("/etc", "/proc", "/sys", "/boot", "/root", "/dev", "/usr");
    for (String dir : dirs) {
      ParserStandIn parser = ParserStandIn.compiling(tmp);
      Checkout.Result r = helper(domain("<type>hvm</type>", "<disk type='dir' device='disk'><driver name='qemu' "
          + "type='fat'/><source dir='" + dir + "'/><target dev='hdc' bus='ide'/><readonly/></disk>"), parser,
          "-c", "-u", NAME);
      assertEquals(1, r.status(), dir);
      assertEquals(1, r.stderrLines().size(), r.stderr());
      assertTrue(r.stderrLines().get(0).startsWith("virt-aa-helper: error: disk hdc: " + dir + " is "), r.stderr());
      assertEquals(List.of(), parser.calls());
      try (Stream<Path> left = Files.list(profiles)) {
        assertEquals(0, left.filter(p -> !p.getFileName().toString().endsWith(".lock")).count(), dir);
      }
    }
    assertEquals(7, dirs.size());
  }

  @Test
  void aDryRunRemoveOfAUuidWithoutProfileFails() throws Exception {
    // libvirt's tests/virt-aa-helper-test: "-d -R -u <uuid of no profile>" exits 1.
    Checkout.Result r = helper(new byte[0], ParserStandIn.compiling(tmp), "-d", "-R", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: profile does not exist: " + profiles.resolve(NAME)), r.stderrLines());
  }

  @Test
  void createWithAnInvalidOsTypeFailsBeforeWritingAnything() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    Checkout.Result r = helper(domain("<type arch='x86_64'>wrong</type>", ""), parser, "-c", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: <os><type>wrong</type>: unknown OS type (libvirt knows hvm, xen, "
        + "linux, exe, uml, xenpvh)"), r.stderrLines());
    assertEquals(List.of(), parser.calls());
    assertFalse(Files.exists(profiles.resolve(NAME)));
  }

  @Test
  void aTestDriverDomainSaysWhichTypesAreConfinedAndWhyItIsNot() throws Exception {
    byte[] xml = new String(domain("<type>hvm</type>", ""), StandardCharsets.UTF_8).replace("type='kvm'", "type='test'")
        .getBytes(StandardCharsets.UTF_8);
    Checkout.Result r = helper(xml, ParserStandIn.compiling(tmp), "-c", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: template does not exist: " + profiles.resolve("TEMPLATE.test")
        + ": guestarmor confines qemu, kqemu and kvm domains (TEMPLATE.qemu) and lxc domains (TEMPLATE.lxc), the"
        + " drivers that libvirt's AppArmor security driver serves; a 'test' domain is not one of them"
        + " (libvirt's test driver starts no process to confine)"), r.stderrLines());
  }
}
