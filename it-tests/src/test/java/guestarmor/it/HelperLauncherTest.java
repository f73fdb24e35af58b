package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/virt-aa-helper as libvirtd runs it, mode by mode, against a temporary profile directory. */
class HelperLauncherTest {
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String NAME = "libvirt-" + UUID;

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

  static List<String> ruleLines(String text) {
    return text.lines().filter(l -> l.startsWith("  ") && !l.startsWith("  #")).collect(Collectors.toList());
  }

  @Test
  void theLauncherStartsTheJvmWithTheFlagsOfTheOneFlagsFile() throws Exception {
    List<String> flags = Files.readAllLines(Checkout.root().resolve("helper/src/main/jvm/jvm.flags")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toList());
    assertEquals(10, flags.size(), flags.toString());
    Checkout.Result r = Checkout.run(List.of("sh", "-x", Checkout.root().resolve("bin/virt-aa-helper").toString(), "-h"),
        new byte[0]);
    assertEquals(0, r.status(), r.stderr());
    List<String> javaCalls = r.stderr().lines().filter(l -> l.contains("guestarmor.cli.VirtAaHelper -h"))
        .collect(Collectors.toList());
    assertEquals(1, javaCalls.size(), r.stderr());
    assertTrue(javaCalls.get(0).contains("java " + String.join(" ", flags) + " "), javaCalls.get(0));
    String launcher = Files.readString(Checkout.root().resolve("bin/virt-aa-helper"));
    assertFalse(launcher.contains(flags.get(0)), "bin/virt-aa-helper keeps no second copy of the flags");
  }

  @Test
  void aDryRunOfTheShippedExamplePrintsTheRulesInTheCHelpersShape() throws Exception {
    Checkout.Result r = Checkout.helper(web01, "-d", "-r", "-u", NAME);
    assertEquals(0, r.status(), r.stderr());
    List<String> lines = r.stderrLines();
    assertEquals("virt-aa-helper:", lines.get(0));
    assertEquals("/etc/apparmor.d/libvirt/" + NAME + ".files", lines.get(1));
    assertEquals("virt-aa-helper:", lines.get(2));
    assertEquals(List.of(
        "  \"/var/log/libvirt/**/web01.log\" w,",
        "  \"/var/lib/libvirt/qemu/domain-web01/monitor.sock\" rw,",
        "  \"/var/lib/libvirt/qemu/domain-7-web01/*\" rw,",
        "  \"/run/libvirt/**/web01.pid\" rwk,",
        "  \"/run/libvirt/**/*.tunnelmigrate.dest.web01\" rw,",
        "  \"/var/lib/libvirt/images/web01.qcow2\" rwk,",
        "  \"/var/lib/libvirt/images/debian-12-base.qcow2\" rk,",
        "  deny \"/var/lib/libvirt/images/debian-12-base.qcow2\" w,",
        "  \"/var/lib/libvirt/images/debian-12.iso\" rk,",
        "  deny \"/var/lib/libvirt/images/debian-12.iso\" w,",
        "  \"/var/log/libvirt/qemu/web01-serial.log\" rw,",
        "  \"/var/log/libvirt/qemu/web01-serial.log\" rw,",
        "  \"/var/lib/libvirt/qemu/channel/target/domain-7-web01/org.qemu.guest_agent.0\" rw,",
        "  \"/usr/share/OVMF/OVMF_CODE_4M.fd\" rk,",
        "  deny \"/usr/share/OVMF/OVMF_CODE_4M.fd\" w,",
        "  \"/var/lib/libvirt/qemu/nvram/web01_VARS.fd\" rwk,",
        "  \"/var/lib/libvirt/qemu/domain-7-web01/vnc.sock\" rw,",
        "  \"/dev/vhost-net\" rw,",
        "  \"/var/lib/libvirt/qemu/domain-7-web01/{,**}\" rwk,",
        "  \"/var/lib/libvirt/qemu/channel/target/domain-7-web01/{,**}\" rwk,",
        "  \"/var/lib/libvirt/qemu/domain-7-web01/master-key.aes\" rwk,"), ruleLines(r.stderr()));
    assertTrue(r.stderr().endsWith(",\n\n"), "the rules end with a newline and the block with another");
    assertEquals(List.of(), List.of(profiles.toFile().list()), "a dry run touches nothing");
  }

  @Test
  void createWritesAProfileAndRulesThatTheRealParserCompiles() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    Checkout.Result r = helper(web01, parser, "-c", "-u", NAME);
    assertEquals(0, r.status(), r.stderr());
    assertEquals(List.of("-I " + profiles.getParent() + " -a " + profiles.resolve(NAME)), parser.calls());
    String profile = Files.readString(profiles.resolve(NAME));
    assertTrue(profile.contains("profile " + NAME + " flags=(attach_disconnected) {"), profile);
    assertTrue(profile.contains("  #include if exists <libvirt/" + NAME + ".files>\n"), profile);
    assertTrue(profile.contains("  #include if exists <libvirt/" + NAME + ".local>\n"), profile);
    assertTrue(files().startsWith("# DO NOT EDIT THIS FILE DIRECTLY. IT IS MANAGED BY LIBVIRT.\n"));
    assertTrue(files().contains("  \"/var/lib/libvirt/images/web01.qcow2\" rwk,\n"));
  }

  @Test
  void createRefusesWhenTheProfileExistsAndChangesNothing() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    assertEquals(0, helper(web01, parser, "-c", "-u", NAME).status());
    String before = files();
    Checkout.Result again = helper(web01, parser, "-c", "-u", NAME);
    assertEquals(1, again.status());
    assertEquals(List.of("virt-aa-helper: error: profile exists: " + profiles.resolve(NAME)), again.stderrLines());
    assertEquals(before, files());
  }

  @Test
  void replaceRegeneratesTheRulesAndReplacesTheLoadedProfile() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    assertEquals(0, helper(web01, parser, "-c", "-u", NAME).status());
    byte[] changed = new String(web01, StandardCharsets.UTF_8)
        .replace("debian-12.iso", "debian-13.iso").getBytes(StandardCharsets.UTF_8);
    Checkout.Result r = helper(changed, parser, "-r", "-u", NAME);
    assertEquals(0, r.status(), r.stderr());
    assertTrue(files().contains("\"/var/lib/libvirt/images/debian-13.iso\" rk,"));
    assertFalse(files().contains("debian-12.iso"));
    assertEquals("-I " + profiles.getParent() + " -r " + profiles.resolve(NAME), parser.calls().get(1));
  }

  @Test
  void appendAddsTheHotpluggedFileOnceAndKeepsTheRest() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    assertEquals(0, helper(web01, parser, "-c", "-u", NAME).status());
    String before = files();
    for (int i = 0; i < 2; i++) {
      Checkout.Result r = helper(web01, parser, "-r", "-u", NAME, "-F", "/var/lib/libvirt/images/extra.qcow2");
      assertEquals(0, r.status(), r.stderr());
    }
    assertEquals(before + "  # -F (hotplug)\n  \"/var/lib/libvirt/images/extra.qcow2\" rwk,\n", files());
  }

  @Test
  void appendKeepsLibvirtdsSubtreeGlobForADomainDirectory() throws Exception {
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    assertEquals(0, helper(web01, parser, "-c", "-u", NAME).status());
    // libvirtd's hugepage directory of the guest (qemuProcessBuildDestroyMemoryPaths, SetPathLabel with subtree)
    Checkout.Result r = helper(web01, parser, "-r", "-u", NAME, "-F", "/dev/hugepages/libvirt/qemu/7-web01/{,**}");
    assertEquals(0, r.status(), r.stderr());
    assertTrue(files().endsWith("  \"/dev/hugepages/libvirt/qemu/7-web01/{,**}\" rwk,\n"), files());
  }

  @Test
  void theFCallsLibvirtdMakesAfterAStartFindTheirRulesAndRunNoParser() throws Exception {
    Path loaded = Files.writeString(tmp.resolve("profiles"), NAME + " (enforce)\n");
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    String[] where = {"--profile-dir", profiles.toString(), "--parser", parser.path().toString(),
        "--loaded-profiles", loaded.toString()};
    assertEquals(0, Checkout.helper(web01, concat(new String[] {"-c", "-u", NAME}, where)).status());
    String afterStart = files();
    List<String> appended = List.of("/var/lib/libvirt/qemu/domain-7-web01/{,**}",
        "/var/lib/libvirt/qemu/channel/target/domain-7-web01/{,**}", "/var/lib/libvirt/qemu/domain-7-web01/master-key.aes");
    for (String file : appended) {
      Checkout.Result r = Checkout.helper(web01, concat(new String[] {"-r", "-u", NAME, "-F", file}, where));
      assertEquals(0, r.status(), r.stderr());
    }
    assertEquals(afterStart, files());
    assertEquals(1, parser.calls().size(), "only the start call compiles: " + parser.calls());
    assertEquals(3, appended.stream().filter(f -> afterStart.contains("  \"" + f + "\" rwk,\n")).count());
  }

  @Test
  void deleteUnloadsAndRemovesTheRulesButKeepsTheProfile() throws Exception {
    assertEquals(0, helper(web01, ParserStandIn.compiling(tmp), "-c", "-u", NAME).status());
    ParserStandIn remover = ParserStandIn.exiting(tmp.resolve("x"), 0, "");
    Checkout.Result r = helper(null, remover, "-D", "-u", NAME);
    assertEquals(0, r.status(), r.stderr());
    assertEquals(List.of("-I " + profiles.getParent() + " -R " + profiles.resolve(NAME)), remover.calls());
    assertFalse(Files.exists(profiles.resolve(NAME + ".files")));
    assertTrue(Files.exists(profiles.resolve(NAME)));
  }

  @Test
  void removeOfAProfileTheKernelDoesNotHaveIsOnlyAWarning() throws Exception {
    assertEquals(0, helper(web01, ParserStandIn.compiling(tmp), "-c", "-u", NAME).status());
    ParserStandIn notLoaded = ParserStandIn.exiting(tmp.resolve("x"), 234, "Profile not found");
    Checkout.Result r = helper(null, notLoaded, "-R", "-u", NAME);
    assertEquals(0, r.status());
    assertEquals(List.of("virt-aa-helper: warning: unable to unload already unloaded profile"), r.stderrLines());
  }

  @Test
  void addLoadsTheExistingProfile() throws Exception {
    assertEquals(0, helper(web01, ParserStandIn.compiling(tmp), "-c", "-u", NAME).status());
    ParserStandIn loader = ParserStandIn.exiting(tmp.resolve("x"), 0, "");
    assertEquals(0, helper(null, loader, "-a", "-u", NAME).status());
    assertEquals(List.of("-I " + profiles.getParent() + " -a " + profiles.resolve(NAME)), loader.calls());
  }

  @Test
  void aParserRejectionLeavesThePreviousFilesInPlace() throws Exception {
    assertEquals(0, helper(web01, ParserStandIn.compiling(tmp), "-c", "-u", NAME).status());
    String before = files();
    String profileBefore = Files.readString(profiles.resolve(NAME));
    byte[] changed = new String(web01, StandardCharsets.UTF_8)
        .replace("debian-12.iso", "debian-13.iso").getBytes(StandardCharsets.UTF_8);
    ParserStandIn rejecting = ParserStandIn.exiting(tmp.resolve("x"), 1, "AppArmor parser error at line 3: syntax");
    Checkout.Result r = helper(changed, rejecting, "-r", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: apparmor_parser -r " + profiles.resolve(NAME)
        + " failed: AppArmor parser error at line 3: syntax"), r.stderrLines());
    assertEquals(before, files());
    assertEquals(profileBefore, Files.readString(profiles.resolve(NAME)));
  }

  @Test
  void aRefusedDiskPathIsOneErrorLineAndWritesNothing() throws Exception {
    byte[] evil = new String(web01, StandardCharsets.UTF_8)
        .replace("/var/lib/libvirt/images/web01.qcow2", "/var/lib/../../etc/shadow").getBytes(StandardCharsets.UTF_8);
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    Checkout.Result r = helper(evil, parser, "-c", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: disk vda: /var/lib/../../etc/shadow resolves to /etc/shadow,"
        + " under restricted /etc/"), r.stderrLines());
    assertEquals(List.of(), parser.calls());
    assertFalse(Files.exists(profiles.resolve(NAME)));
    assertFalse(Files.exists(profiles.resolve(NAME + ".files")));
  }

  @Test
  void replaceWithoutAProfileFailsAndLeavesNoRulesBehind() throws Exception {
    Checkout.Result r = helper(web01, ParserStandIn.compiling(tmp), "-r", "-u", NAME);
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: profile does not exist: " + profiles.resolve(NAME)), r.stderrLines());
    assertFalse(Files.exists(profiles.resolve(NAME + ".files")));
  }

  @Test
  void anUnchangedReplaceOfALoadedProfileDoesNotRunTheParser() throws Exception {
    Path loaded = Files.writeString(tmp.resolve("profiles"), NAME + " (enforce)\n");
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    String[] where = {"--profile-dir", profiles.toString(), "--parser", parser.path().toString(),
        "--loaded-profiles", loaded.toString()};
    assertEquals(0, Checkout.helper(web01, concat(new String[] {"-c", "-u", NAME}, where)).status());
    assertEquals(0, Checkout.helper(web01, concat(new String[] {"-r", "-u", NAME}, where)).status());
    assertEquals(1, parser.calls().size(), "the second call found nothing new: " + parser.calls());
  }

  @Test
  void rulesWrittenButNeverLoadedAreLoadedByTheNextIdenticalCall() throws Exception {
    Path loaded = Files.writeString(tmp.resolve("profiles"), NAME + " (enforce)\n");
    ParserStandIn parser = ParserStandIn.compiling(tmp);
    String[] where = {"--profile-dir", profiles.toString(), "--parser", parser.path().toString(),
        "--loaded-profiles", loaded.toString()};
    assertEquals(0, Checkout.helper(web01, concat(new String[] {"-c", "-u", NAME}, where)).status());
    // as a helper killed between the rename and the parser leaves it: new rules on disk, old ones loaded
    Files.writeString(profiles.resolve(NAME + ".files"), files() + "  \"/var/lib/libvirt/images/new.img\" rwk,\n");
    Checkout.Result r = Checkout.helper(web01, concat(new String[] {"-r", "-u", NAME, "-F",
        "/var/lib/libvirt/images/new.img"}, where));
    assertEquals(0, r.status(), r.stderr());
    assertEquals(2, parser.calls().size(), "the kernel never got these rules: " + parser.calls());
  }

  static String[] concat(String[] a, String[] b) {
    return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
  }

  @Test
  void aUuidThatDiffersFromTheXmlIsRefused() throws Exception {
    Checkout.Result r = helper(web01, ParserStandIn.compiling(tmp), "-c", "-u",
        "libvirt-00000000-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
    assertEquals(1, r.status());
    assertEquals(List.of("virt-aa-helper: error: -u libvirt-00000000-1c2d-4e5f-8a9b-0c1d2e3f4a5b does not match"
        + " the domain's uuid " + UUID), r.stderrLines());
  }
}
