package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * dpkg -i, libvirtd's calls, dpkg -r and dpkg -P of the .deb, as root, in a throwaway overlay of this
 * machine (it-tests/deb-install-sandbox.sh) where Debian's libvirt-daemon-system is unpacked and a
 * stand-in C helper sits at /usr/lib/libvirt/virt-aa-helper. AppArmor counts as enabled there, with
 * an apparmor_parser that logs its arguments and compiles (-QK) what it is asked to load. The sandbox
 * records what it sees; the expectations below are written by hand from the package's design.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageInstallTest {
  private static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String PROFILE = "/etc/apparmor.d/usr.lib.libvirt.virt-aa-helper";
  private static final String DROPIN = "/etc/apparmor.d/usr/virt-aa-helper.d/guestarmor";
  /** The stand-in for apparmor.d's profile, as the package apparmord-fixture installs it. */
  private static final String APPARMORD = "/etc/apparmor.d/virt-aa-helper";
  private static final String LOAD = "-r -T -W ";

  private Path out;
  private byte[] dpkgStatusBefore;
  private byte[] dpkgDiversionsBefore;
  private List<String> sandboxesBefore;

  @BeforeAll
  void installExerciseRemoveAndPurgeInASandbox(@TempDir Path dir) throws Exception {
    out = dir;
    dpkgStatusBefore = Files.readAllBytes(Path.of("/var/lib/dpkg/status"));
    dpkgDiversionsBefore = Files.readAllBytes(Path.of("/var/lib/dpkg/diversions"));
    sandboxesBefore = sandboxes();
    Path fixture = Packaged.apparmordFixtureDeb(Files.createDirectories(dir.resolve("fixture")));
    Run.of(Packaged.root().resolve("it-tests/deb-install-sandbox.sh").toString(), Packaged.deb().toString(),
        Packaged.libvirtDeb().toString(), Packaged.root().resolve("examples/web01.xml").toString(), fixture.toString(),
        Packaged.trixieParser().dir().toString(), out.toString()).ok();
  }

  @Test
  void installDivertsLibvirtsHelperItsProfileAndBothTemplates() throws IOException {
    assertEquals("0", read("install.rc"));
    assertEquals("""
        diversion of /etc/apparmor.d/libvirt/TEMPLATE.lxc to /etc/apparmor.d/libvirt/TEMPLATE.lxc.distrib by guestarmor
        diversion of /etc/apparmor.d/libvirt/TEMPLATE.qemu to /etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib by guestarmor
        diversion of /etc/apparmor.d/usr.lib.libvirt.virt-aa-helper to /etc/apparmor.d/.usr.lib.libvirt.virt-aa-helper.distrib by guestarmor
        diversion of /usr/lib/libvirt/virt-aa-helper to /usr/lib/libvirt/virt-aa-helper.distrib by guestarmor
        """, read("installed.diversions") + "\n");
    assertEquals("install ok installed", read("status-installed.out"));
  }

  @Test
  void afterInstallGuestarmorAnswersAtLibvirtdsPathWhereTheCHelperAnsweredBefore() throws IOException {
    assertEquals("C helper", read("before.helper-h.out"));
    assertTrue(read("installed.helper-h.out").contains("Usage: virt-aa-helper [options] [< def.xml]"), read("installed.helper-h.out"));
  }

  @Test
  void debiansProfileMovesToAHiddenNameThatApparmorSkipsAndOursTakesItsPlace() throws IOException {
    assertTrue(exists("installed").contains("/etc/apparmor.d/.usr.lib.libvirt.virt-aa-helper.distrib"));
    assertArrayEquals(Files.readAllBytes(Packaged.root().resolve("packaging/src/deb/apparmor/usr.lib.libvirt.virt-aa-helper")),
        Files.readAllBytes(out.resolve("installed.profile")));
  }

  @Test
  void postinstBuildsTheClassDataArchiveAndLoadsTheHelpersProfile() throws IOException {
    assertTrue(exists("installed").contains("/var/cache/guestarmor/helper.jsa"));
    assertEquals("-r -T -W " + PROFILE, read("installed.parser.log"));
  }

  @Test
  void postinstNotesTheJavaTheArchiveIsForAndTheLauncherPassesItsOption() throws IOException {
    // This machine's JDK is 17: AppCDS, a dynamic archive (bench/README.md).
    String java = Path.of("/usr/bin/java").toRealPath().toString();
    assertEquals(java + "\n-XX:SharedArchiveFile=/var/cache/guestarmor/helper.jsa", read("installed.launcher.conf"));
    assertEquals("0", read("launcher-trace.rc"));
    assertTrue(read("launcher-trace.err").contains(" -XX:SharedArchiveFile=/var/cache/guestarmor/helper.jsa -Dguestarmor.argv0="),
        read("launcher-trace.err"));
  }

  @Test
  void aDryRunThroughTheLauncherPrintsTheRulesAndIgnoresJavaToolOptions() throws IOException {
    assertEquals("0", read("dry-run.rc"));
    String err = read("dry-run.err");
    assertTrue(err.contains("\"/var/lib/libvirt/images/web01.qcow2\" rwk,"), err);
    assertFalse(err.contains("Picked up JAVA_TOOL_OPTIONS"), err);
  }

  @Test
  void createReplaceAndDeleteRunThroughTheLauncherWithTheSystemParser() throws IOException {
    assertEquals(List.of("0", "0", "0"), List.of(read("create.rc"), read("replace-append.rc"), read("delete.rc")));
    String profile = "/etc/apparmor.d/libvirt/libvirt-" + UUID;
    // loads from the system directory let the parser keep its compiled cache (-W); unloads need none
    assertEquals("-W -a " + profile + "\n-W -r " + profile + "\n-R " + profile, read("modes.parser.log"));
  }

  @Test
  void theProfileCreatedFromTheInstalledTemplateCompilesAgainstDebiansPolicy() throws IOException {
    assertTrue(read("created.profile").contains("profile libvirt-" + UUID + " "), read("created.profile"));
    assertTrue(read("created.files").contains("\"/var/lib/libvirt/images/web01.qcow2\" rwk,"), read("created.files"));
    // The parser stand-in ran the real apparmor_parser -QK on each profile it was asked to load.
    assertFalse(read("parser.compile.log").contains("error"), read("parser.compile.log"));
  }

  @Test
  void appendingAFileAddsItsRuleAndDeleteRemovesOnlyTheFilesFile() throws IOException {
    // -F appends one rule with the C helper's perms for an extra file (rwk), after a provenance comment.
    assertTrue(read("appended.files").endsWith("  # -F (hotplug)\n  \"/var/lib/libvirt/images/hotplug.qcow2\" rwk,"),
        read("appended.files"));
    assertEquals("""
        .libvirt-%1$s.lock
        TEMPLATE.lxc
        TEMPLATE.lxc.distrib
        TEMPLATE.qemu
        TEMPLATE.qemu.distrib
        libvirt-%1$s""".formatted(UUID), read("after-delete.ls"));
  }

  @Test
  void reinstallingKeepsTheDiversionsAndRebuildsTheArchive() throws IOException {
    assertEquals("0", read("reinstall.rc"));
    assertEquals(read("installed.diversions"), read("reinstalled.diversions"));
    assertEquals(exists("installed"), exists("reinstalled"));
    assertEquals("-r -T -W " + PROFILE, read("reinstalled.parser.log"));
  }

  @Test
  void aJdkUpgradeTriggerRebuildsTheArchiveWithoutReloadingTheProfile() throws IOException {
    // The sandbox deleted the archive, then activated the /usr/lib/jvm file trigger.
    assertEquals("0", read("trigger.rc"));
    assertTrue(exists("triggered").contains("/var/cache/guestarmor/helper.jsa"));
    assertEquals(read("installed.launcher.conf"), read("triggered.launcher.conf"));
    assertEquals("", read("triggered.parser.log"));
  }

  @Test
  void removeGivesBackTheCHelperAndDebiansProfileAndReloadsIt() throws IOException {
    assertEquals("0", read("remove.rc"));
    assertEquals("C helper", read("removed.helper-h.out"));
    assertArrayEquals(Files.readAllBytes(out.resolve("debian.profile")), Files.readAllBytes(out.resolve("removed.profile")));
    assertEquals("-r -T -W " + PROFILE, read("removed.parser.log"));
    assertEquals("deinstall ok config-files", read("status-removed.out"));
  }

  @Test
  void removeDeletesTheJarsAndTheArchiveButKeepsTheTemplateConffilesDivertedUntilPurge() throws IOException {
    assertEquals(List.of(
        "/usr/lib/libvirt/virt-aa-helper",
        PROFILE,
        "/etc/apparmor.d/libvirt/TEMPLATE.qemu",
        "/etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib",
        "/etc/apparmor.d/libvirt/TEMPLATE.lxc",
        "/etc/apparmor.d/libvirt/TEMPLATE.lxc.distrib",
        "/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper"), exists("removed"));
    assertEquals("""
        diversion of /etc/apparmor.d/libvirt/TEMPLATE.lxc to /etc/apparmor.d/libvirt/TEMPLATE.lxc.distrib by guestarmor
        diversion of /etc/apparmor.d/libvirt/TEMPLATE.qemu to /etc/apparmor.d/libvirt/TEMPLATE.qemu.distrib by guestarmor""",
        read("removed.diversions"));
  }

  @Test
  void purgeLeavesLibvirtsFilesAsTheyWereAndNoDiversion() throws IOException {
    assertEquals("0", read("purge.rc"));
    assertEquals("", read("purged.diversions"));
    assertEquals(List.of(
        "/usr/lib/libvirt/virt-aa-helper",
        PROFILE,
        "/etc/apparmor.d/libvirt/TEMPLATE.qemu",
        "/etc/apparmor.d/libvirt/TEMPLATE.lxc",
        "/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper"), exists("purged"));
    assertEquals("C helper", read("purged.helper-h.out"));
    assertArrayEquals(Files.readAllBytes(out.resolve("debian.TEMPLATE.qemu")), Files.readAllBytes(out.resolve("purged.TEMPLATE.qemu")));
    assertArrayEquals(Files.readAllBytes(out.resolve("debian.profile")), Files.readAllBytes(out.resolve("purged.profile")));
    assertEquals("1", read("status-purged.rc"), "dpkg no longer knows the package");
  }

  @Test
  void theAdminsLocalRulesSurviveInstallRemoveAndPurge() throws IOException {
    assertEquals("  /srv/site-images/** r,\n", Files.readString(out.resolve("purged.local"), StandardCharsets.UTF_8));
  }

  @Test
  void theMachineItselfIsUntouched() throws IOException {
    assertArrayEquals(dpkgStatusBefore, Files.readAllBytes(Path.of("/var/lib/dpkg/status")));
    assertArrayEquals(dpkgDiversionsBefore, Files.readAllBytes(Path.of("/var/lib/dpkg/diversions")));
    assertEquals(sandboxesBefore, sandboxes(), "the sandbox directory is removed");
    assertFalse(Files.exists(Path.of("/usr/share/guestarmor")));
  }

  // --- beside apparmor.d's virt-aa-helper profile (the stand-in package apparmord-fixture) ---

  @Test
  void guestarmorFirstInstallsItsOwnProfileAndTheDropIn() throws IOException {
    assertEquals("0", read("a-install.rc"));
    assertHelperProfile("a-guestarmor", PROFILE, LOAD + PROFILE);
    assertTrue(exists("a-guestarmor").contains(DROPIN));
  }

  @Test
  void apparmordArrivingAfterGuestarmorMakesOursStepAsideAndIsReloadedWithTheDropIn() throws IOException {
    assertEquals("0", read("a-fixture-install.rc"));
    // the stand-in's postinst loads its two profiles; then guestarmor's trigger reloads the helper's
    assertHelperProfile("a-fixture-added", APPARMORD,
        LOAD + "/etc/apparmor.d/apparmor_parser\n" + LOAD + APPARMORD + "\n" + LOAD + APPARMORD);
    assertFalse(exists("a-fixture-added").contains(PROFILE));
    assertTrue(exists("a-fixture-added").contains(DROPIN));
    assertFalse(read("a-fixture-install.err").contains("could not load"), read("a-fixture-install.err"));
  }

  @Test
  void apparmordGoingBringsGuestarmorsProfileBackAndLoadsIt() throws IOException {
    assertEquals("0", read("a-fixture-remove.rc"));
    assertHelperProfile("a-fixture-removed", PROFILE, LOAD + PROFILE);
    assertArrayEquals(Files.readAllBytes(Packaged.root().resolve("packaging/src/deb/apparmor/usr.lib.libvirt.virt-aa-helper")),
        Files.readAllBytes(out.resolve("a-fixture-removed.profile")));
    assertEquals("0", read("a-fixture-reinstall.rc"));
    assertHelperProfile("a-fixture-back", APPARMORD,
        LOAD + "/etc/apparmor.d/apparmor_parser\n" + LOAD + APPARMORD + "\n" + LOAD + APPARMORD);
  }

  @Test
  void removingGuestarmorBesideApparmordLeavesNoDropInGivesDebiansBackAndReloadsApparmordsWithoutIt() throws IOException {
    assertEquals("0", read("a-remove.rc"));
    List<String> removed = exists("a-guestarmor-removed");
    assertFalse(removed.contains(DROPIN));
    assertTrue(removed.contains(APPARMORD));
    assertArrayEquals(Files.readAllBytes(out.resolve("debian.profile")), Files.readAllBytes(out.resolve("a-guestarmor-removed.profile")));
    assertEquals(LOAD + APPARMORD, read("a-guestarmor-removed.parser.log"));
    // Debian's and apparmor.d's again, as before guestarmor: the two packages' own clash, not ours
    assertEquals(List.of(PROFILE, APPARMORD), lines("a-guestarmor-removed.helper-profiles"));
    assertEquals("0", read("a-purge.rc"));
    assertEquals("", read("a-guestarmor-purged.diversions"));
    assertEquals("C helper", read("a-guestarmor-purged.helper-h.out"));
  }

  @Test
  void apparmordFirstThenGuestarmorNeverInstallsOursAndReloadsApparmordsWithTheDropIn() throws IOException {
    assertEquals(List.of("0", "0"), List.of(read("b-fixture-install.rc"), read("b-install.rc")));
    assertHelperProfile("b-guestarmor", APPARMORD, LOAD + APPARMORD);
    assertFalse(exists("b-guestarmor").contains(PROFILE));
    assertTrue(exists("b-guestarmor").contains(DROPIN));
    assertFalse(read("b-install.err").contains("could not load"), read("b-install.err"));
  }

  @Test
  void upgradingGuestarmorBesideApparmordKeepsOursAside() throws IOException {
    assertEquals("0", read("b-reinstall.rc"));
    assertHelperProfile("b-reinstalled", APPARMORD, LOAD + APPARMORD);
    assertFalse(exists("b-reinstalled").contains(PROFILE));
  }

  @Test
  void apparmordGoingAfterwardsBringsOursInAndPurgeGivesEverythingBack() throws IOException {
    assertEquals("0", read("b-fixture-remove.rc"));
    assertHelperProfile("b-fixture-removed", PROFILE, LOAD + PROFILE);
    assertEquals("0", read("b-purge.rc"));
    assertEquals("", read("b-end.diversions"));
    assertFalse(exists("b-end").contains(DROPIN));
    assertArrayEquals(Files.readAllBytes(out.resolve("debian.profile")), Files.readAllBytes(out.resolve("b-end.profile")));
    assertEquals(LOAD + PROFILE, read("b-end.parser.log"), "remove reloads Debian's");
  }

  @Test
  void everyProfileLoadedInTheSandboxCompiledWithTheRealParsers() throws IOException {
    // AppArmor 4 files (the stand-in) with Debian 13's parser, the others with this machine's.
    assertFalse(read("parser.compile.log").toLowerCase(java.util.Locale.ROOT).contains("error"), read("parser.compile.log"));
    assertTrue(read("a-fixture-added.parser.log").contains(APPARMORD), "the stand-in was compiled at least once");
  }

  /** After step: exactly one file declares profile virt-aa-helper (file), and the parser calls were parserLog. */
  private void assertHelperProfile(String step, String file, String parserLog) throws IOException {
    assertEquals(List.of(file), lines(step + ".helper-profiles"), step);
    assertEquals(parserLog, read(step + ".parser.log"), step);
  }

  private List<String> lines(String name) throws IOException {
    return Files.readAllLines(out.resolve(name), StandardCharsets.UTF_8);
  }

  private String read(String name) throws IOException {
    return Files.readString(out.resolve(name), StandardCharsets.UTF_8).strip();
  }

  private List<String> exists(String step) throws IOException {
    return Files.readAllLines(out.resolve(step + ".exists"), StandardCharsets.UTF_8);
  }

  private static List<String> sandboxes() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/var/tmp"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("guestarmor-deb-sandbox.")).sorted().toList();
    }
  }
}
