package guestarmor.it.admin;

import static guestarmor.it.admin.TestDriver.DB01;
import static guestarmor.it.admin.TestDriver.ORPHAN;
import static guestarmor.it.admin.TestDriver.WEB01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.it.ParserStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guestarmor complain|enforce} and the helper that keeps the mode: bin/guestarmor and
 * bin/virt-aa-helper as processes on one profile directory, the parser a stand-in that records each
 * call and compiles the profile with the real {@code apparmor_parser -Q -K} (only the kernel load is missing).
 */
class ComplainModeTest {
  private static final String WEB = "libvirt-" + WEB01;
  private static final String COMPLAIN_HEADER = "profile " + WEB + " flags=(attach_disconnected, complain) {";
  private static final String ENFORCE_HEADER = "profile " + WEB + " flags=(attach_disconnected) {";
  @TempDir
  Path tmp;
  private Path dir;
  private Path loaded;
  private ParserStandIn parser;

  @BeforeEach
  void helperWroteWeb01AndDb01() throws Exception {
    dir = Files.createDirectories(tmp.resolve("libvirt"));
    TestDriver.helperCreates(dir, "web01", WEB01);
    TestDriver.helperCreates(dir, "db01", DB01);
    loaded = Files.writeString(tmp.resolve("profiles"), WEB + " (enforce)\n");
    parser = ParserStandIn.compiling(tmp.resolve("parser"));
  }

  private Run guestarmor(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-c", Run.URI, "--profile-dir", dir.toString(),
        "--loaded-profiles", loaded.toString(), "--parser", parser.path().toString(), "--cache-dir",
        tmp.resolve("cache").toString()));
    all.addAll(List.of(args));
    return Run.guestarmor(all.toArray(String[]::new));
  }

  /** libvirtd's next start or hotplug: {@code virt-aa-helper -r} with the domain's XML on stdin. */
  private Run helper(String mode, String name, String uuid) throws Exception {
    Path xml = Files.writeString(tmp.resolve(name + ".xml"), TestDriver.domainXml(name), StandardCharsets.UTF_8);
    return Run.exec(List.of(Run.ROOT.resolve("bin/virt-aa-helper").toString(), mode, "-u", "libvirt-" + uuid,
        "--profile-dir", dir.toString(), "--parser", parser.path().toString(), "--loaded-profiles",
        loaded.toString()), xml);
  }

  private String profile(String uuid) throws Exception {
    return Files.readString(dir.resolve("libvirt-" + uuid));
  }

  private Path marker(String uuid) {
    return dir.resolve(".libvirt-" + uuid + ".complain");
  }

  @Test
  void complainOnARunningGuestWritesTheMarkerFlagsTheProfileAndReloadsItCompiled() throws Exception {
    String before = profile(WEB01);
    Run r = guestarmor("complain", "web01");
    assertEquals(0, r.status(), r::toString);
    assertEquals("web01: complain mode for " + WEB + "; reloaded (apparmor_parser -r)\n", r.out());
    assertTrue(Files.exists(marker(WEB01)));
    assertEquals(before.replace(ENFORCE_HEADER, COMPLAIN_HEADER), profile(WEB01), "only the flags changed");
    assertEquals(List.of("-I " + tmp + " -r " + dir.resolve(WEB)), parser.calls());
  }

  @Test
  void theHelpersNextReplaceAndARecreatedProfileKeepComplainModeAndEnforceUndoesIt() throws Exception {
    assertEquals(0, guestarmor("complain", "web01").status());
    Run replace = helper("-r", "web01", WEB01);
    assertEquals(0, replace.status(), replace::toString);
    assertTrue(profile(WEB01).contains(COMPLAIN_HEADER), "-r kept the mode");
    Files.delete(dir.resolve(WEB));
    Run create = helper("-c", "web01", WEB01);
    assertEquals(0, create.status(), create::toString);
    assertTrue(profile(WEB01).contains(COMPLAIN_HEADER), "-c wrote the profile in complain mode");

    Run enforce = guestarmor("enforce", "web01");
    assertEquals(0, enforce.status(), enforce::toString);
    assertEquals("web01: enforce mode for " + WEB + "; reloaded (apparmor_parser -r)\n", enforce.out());
    assertFalse(Files.exists(marker(WEB01)));
    assertTrue(profile(WEB01).contains(ENFORCE_HEADER));
    assertEquals(0, helper("-r", "web01", WEB01).status());
    assertTrue(profile(WEB01).contains(ENFORCE_HEADER), "-r kept enforce mode");
    // complain, -c, enforce, each compiled; the two -r found the kernel holding exactly those bytes (stamp)
    assertEquals(List.of("-I " + tmp + " -r " + dir.resolve(WEB), "-I " + tmp + " -a " + dir.resolve(WEB),
        "-I " + tmp + " -r " + dir.resolve(WEB)), parser.calls());
  }

  @Test
  void aShutOffGuestGetsTheMarkerAndTheFlagOnDiskButNoLoad() throws Exception {
    Run r = guestarmor("complain", "db01");
    assertEquals(0, r.status(), r::toString);
    assertEquals("db01: complain mode for libvirt-" + DB01
        + "; the guest is shut off: loaded in this mode at its next start\n", r.out());
    assertTrue(Files.exists(marker(DB01)));
    assertTrue(profile(DB01).contains("profile libvirt-" + DB01 + " flags=(attach_disconnected, complain) {"));
    assertEquals(List.of(), parser.calls());
  }

  @Test
  void whenTheParserRefusesTheReloadTheModeAndTheProfileStayAsTheyWere() throws Exception {
    String before = profile(WEB01);
    parser = ParserStandIn.exiting(tmp.resolve("failing"), 1, "AppArmor parser error: refused");
    Run r = guestarmor("complain", "web01");
    assertEquals(1, r.status(), r::toString);
    assertEquals("guestarmor: error: apparmor_parser -r " + dir.resolve(WEB)
        + " failed: AppArmor parser error: refused\n", r.err());
    assertFalse(Files.exists(marker(WEB01)));
    assertEquals(before, profile(WEB01));
  }

  @Test
  void auditShowsTheModeAndCallsAGuestTheKernelHasInTheOtherModeStale() throws Exception {
    assertEquals(0, guestarmor("complain", "web01").status());
    Run stale = guestarmor("audit");
    assertTrue(stale.out().lines().anyMatch(l -> l.equals("stale    " + WEB
        + "  web01    running   complain  kernel's mode differs: loaded in enforce, complain set")), stale::toString);
    Files.writeString(loaded, WEB + " (complain)\n");
    Run ok = guestarmor("audit");
    assertTrue(ok.out().lines().anyMatch(l -> l.equals("ok       " + WEB + "  web01    running   complain")),
        ok::toString);
    assertTrue(ok.out().lines().anyMatch(l -> l.equals("ok       libvirt-" + DB01 + "  db01     shut off  enforce")),
        ok::toString);
  }

  @Test
  void gcRemovesTheMarkerOfAnOrphanedProfile() throws Exception {
    Files.writeString(dir.resolve("libvirt-" + ORPHAN), "profile libvirt-" + ORPHAN + " flags=(complain) {\n}\n");
    Files.writeString(marker(ORPHAN), "");
    Run dry = guestarmor("gc", "--dry-run");
    assertTrue(dry.out().contains("would remove " + marker(ORPHAN) + "\n"), dry::toString);
    Run r = guestarmor("gc");
    assertEquals(0, r.status(), r::toString);
    assertFalse(Files.exists(marker(ORPHAN)));
    assertFalse(Files.exists(dir.resolve("libvirt-" + ORPHAN)));
    assertTrue(Files.exists(dir.resolve(WEB)), "web01 untouched");
  }
}
