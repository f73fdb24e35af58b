package guestarmor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.host.LiveHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line end to end in-process: exit status and the exact lines on stdout and stderr (behaviour 1). */
class VirtAaHelperTest {
  static final String ARGV0 = "/usr/lib/libvirt/virt-aa-helper";
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String N = "libvirt-" + UUID;
  static final String UNSUPPORTED = "virt-aa-helper: error: unsupported option\n";
  static final String FIXED_WEB01 = "  # fixed\n"
      + "  \"/var/log/libvirt/**/web01.log\" w,\n"
      + "  \"/var/lib/libvirt/qemu/domain-web01/monitor.sock\" rw,\n"
      + "  \"/var/lib/libvirt/qemu/domain--1-web01/*\" rw,\n"
      + "  \"/run/libvirt/**/web01.pid\" rwk,\n"
      + "  \"/run/libvirt/**/*.tunnelmigrate.dest.web01\" rw,\n";

  record Result(int status, String out, String err) {}

  static Result runWith(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run(ARGV0, args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Result run(String... args) {
    return runWith("", args);
  }

  static String web01(String uuid, String devices) {
    return "<domain type='kvm'><name>web01</name><uuid>" + uuid + "</uuid><os><type>hvm</type></os>"
        + "<devices>" + devices + "</devices></domain>";
  }

  private static void assertUsage(String out) {
    assertTrue(out.contains("virt-aa-helper"), out);
    for (String opt : new String[] {"-a", "--add", "-c", "--create", "-D", "--delete", "-r", "--replace", "-R",
        "--remove", "-h", "--help", "-u", "--uuid", "-f", "--add-file", "-F", "--append-file", "-d", "--dryrun"}) {
      assertTrue(out.contains(opt + " "), opt + " missing from usage:\n" + out);
    }
  }

  // ---- options and getopt diagnostics (1.2, 1.3)

  @Test
  void anInvalidOptionIsNamedWithArgv0ThenUnsupported() {
    assertEquals(new Result(1, "", ARGV0 + ": invalid option -- 'z'\n" + UNSUPPORTED), run("-z", "-r", "-u", N));
  }

  @Test
  void anInvalidLetterInAClusterIsReportedLikeAlone() {
    assertEquals(new Result(1, "", ARGV0 + ": invalid option -- 'x'\n" + UNSUPPORTED), run("-rx", "-u", N));
  }

  @Test
  void aMissingUuidArgumentIsAGetoptError() {
    assertEquals(new Result(1, "", ARGV0 + ": option requires an argument -- 'u'\n" + UNSUPPORTED), run("-r", "-u"));
  }

  @Test
  void aMissingLongUuidArgumentIsAGetoptError() {
    assertEquals(new Result(1, "", ARGV0 + ": option '--uuid' requires an argument\n" + UNSUPPORTED), run("-r", "--uuid"));
  }

  @Test
  void anUnknownLongOptionIsUnrecognised() {
    assertEquals(new Result(1, "", ARGV0 + ": unrecognized option '--foo'\n" + UNSUPPORTED), run("--foo", "-r", "-u", N));
  }

  @Test
  void anAmbiguousPrefixListsThePossibilities() {
    assertEquals(new Result(1, "", ARGV0 + ": option '--re' is ambiguous; possibilities: '--replace' '--remove'\n"
        + UNSUPPORTED), run("--re", "-u", N));
  }

  @Test
  void aFlagGivenAnArgumentWithEqualsIsRefused() {
    assertEquals(new Result(1, "", ARGV0 + ": option '--replace' doesn't allow an argument\n" + UNSUPPORTED),
        run("--replace=x", "-u", N));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-H", "-b", "-p"})
  void theRemovedOptionsAreAcceptedByTheScannerButUnsupported(String opt) {
    assertEquals(new Result(1, "", UNSUPPORTED), run("-r", "-u", N, opt, "x"));
  }

  @Test
  void aLoneDashPIsFirstMissingItsArgument() {
    assertEquals(new Result(1, "", ARGV0 + ": option requires an argument -- 'p'\n" + UNSUPPORTED), run("-r", "-u", N, "-p"));
  }

  @Test
  void helpPrintsUsageOnStdoutAndSucceeds() {
    Result r = run("-h");
    assertEquals(0, r.status());
    assertEquals("", r.err());
    assertUsage(r.out());
  }

  @Test
  void helpAfterOtherOptionsStillWins() {
    Result r = run("-c", "-u", N, "-h");
    assertEquals(0, r.status());
    assertEquals("", r.err());
    assertUsage(r.out());
    assertEquals(0, run("--help").status());
  }

  @Test
  void helpAfterAnInvalidOptionIsNeverReached() {
    assertEquals(new Result(1, "", ARGV0 + ": invalid option -- 'z'\n" + UNSUPPORTED), run("-z", "-h"));
  }

  @Test
  void aValidProfileNameWithoutModePrintsUsageAndFails() {
    Result r = run("-u", N);
    assertEquals(1, r.status());
    assertEquals("", r.err());
    assertUsage(r.out());
  }

  @Test
  void noProfileNameIsAnInvalidUuid() {
    Result r = run("-a");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("virt-aa-helper: error: invalid UUID"), r.err());
    assertEquals(1, r.err().split("\n").length, r.err());
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt-11111111222233334444555555555555----", "LIBVIRT-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
      "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5", "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b0",
      "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5g"})
  void aBadProfileNameFailsWithOneInvalidUuidLine(String name) {
    Result r = run("-R", "-u", name);
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("virt-aa-helper: error: invalid UUID"), r.err());
    assertEquals(1, r.err().split("\n").length, r.err());
  }

  @Test
  void aTooLongProfileNameStopsTheScanBeforeHelp() {
    Result r = run("-u", N + "0", "-h");
    assertEquals(1, r.status());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("virt-aa-helper: error: invalid UUID"), r.err());
  }

  @Test
  void doubleDashEndsTheOptions() {
    Result r = run("-r", "--", "-u", N);
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("virt-aa-helper: error: invalid UUID"), r.err());
  }

  @Test
  void theMessagePrefixIsTheBasenameOfArgv0() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run("/opt/x/my-helper", new String[] {"-H", "x"}, new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    assertEquals(1, status);
    assertEquals("my-helper: error: unsupported option\n", err.toString(StandardCharsets.UTF_8));
  }

  // ---- the domain XML and the dry run (1.4, 1.6)

  @Test
  void aProfileNameThatDiffersFromTheXmlUuidFailsWithOneLine() {
    String other = "libvirt-11111111-2222-3333-4444-555555555555";
    Result r = runWith(web01(UUID, ""), "-d", "-r", "-u", other);
    assertEquals(new Result(1, "", "virt-aa-helper: error: -u " + other + " does not match the domain's uuid " + UUID + "\n"), r);
  }

  @Test
  void aProfileNameWithALeadingNewlineStillGivesOneErrorLine() {
    // libvirt's UUID syntax allows leading and trailing whitespace, so this 44-character name passes the syntax check
    String hex = UUID.replace("-", "");
    String name = "libvirt-\n" + hex + "   ";
    assertEquals(44, name.length());
    Result r = runWith(web01(UUID, ""), "-d", "-r", "-u", name);
    assertEquals(new Result(1, "", "virt-aa-helper: error: -u libvirt-\\n" + hex + "    does not match the domain's uuid "
        + UUID + "\n"), r);
  }

  @Test
  void anUpperCaseProfileNameDoesNotMatchTheCanonicalXmlUuid() {
    Result r = runWith(web01(UUID, ""), "-d", "-r", "-u", "libvirt-" + UUID.toUpperCase());
    assertEquals(1, r.status());
    assertEquals(1, r.err().split("\n").length, r.err());
  }

  @Test
  void anUpperCaseXmlUuidMatchesTheCanonicalProfileName() {
    assertEquals(0, runWith(web01(UUID.toUpperCase(), ""), "-d", "-r", "-u", N).status());
  }

  @Test
  void aDryRunReplacePrintsTheFilesPathAndTheRules() {
    assertEquals(new Result(0, "", "virt-aa-helper:\n"
        + "/etc/apparmor.d/libvirt/" + N + ".files\n"
        + "virt-aa-helper:\n"
        + FIXED_WEB01
        + "\n"), runWith(web01(UUID, ""), "-d", "-r", "-u", N));
  }

  @Test
  void aDryRunCreateAlsoPrintsTheProfileBlockWithIncludeIfExists() {
    assertEquals(new Result(0, "", "virt-aa-helper:\n"
        + "/etc/apparmor.d/libvirt/" + N + ".files\n"
        + "virt-aa-helper:\n"
        + FIXED_WEB01
        + "\n"
        + "virt-aa-helper:\n"
        + "/etc/apparmor.d/libvirt/" + N + "\n"
        + "virt-aa-helper:\n"
        + N + "\n"
        + "virt-aa-helper:\n"
        + "  #include if exists <libvirt/" + N + ".files>\n"
        + "\n"), runWith(web01(UUID, ""), "-d", "-c", "-u", N));
  }

  @Test
  void aDryRunWithAddFileEndsWithIt() {
    Result r = runWith(web01(UUID, ""), "-d", "-r", "-u", N, "-f", "/srv/golden/x.sock");
    assertEquals(0, r.status());
    assertTrue(r.err().endsWith(FIXED_WEB01 + "  # -f\n  \"/srv/golden/x.sock\" rwk,\n\n"), r.err());
  }

  @Test
  void aDryRunWithAppendFilePrintsOnlyThatRule() {
    assertEquals(new Result(0, "", "virt-aa-helper:\n"
        + "/etc/apparmor.d/libvirt/" + N + ".files\n"
        + "virt-aa-helper:\n"
        + "  # -F (hotplug)\n"
        + "  \"/srv/golden/hot.img\" rwk,\n"
        + "\n"), runWith(web01(UUID, ""), "-d", "-r", "-u", N, "-F", "/srv/golden/hot.img"));
  }

  @Test
  void aRelativeExtraFileIsAWarningAndNoRule() {
    assertEquals(new Result(0, "", "virt-aa-helper: warning: -F (hotplug): skipped non-absolute path rel/x\n"
        + "virt-aa-helper:\n"
        + "/etc/apparmor.d/libvirt/" + N + ".files\n"
        + "virt-aa-helper:\n"
        + "\n"), runWith(web01(UUID, ""), "-d", "-r", "-u", N, "-F", "rel/x"));
  }

  @Test
  void anAppendedSubtreeOfEtcIsRefused() {
    assertEquals(new Result(1, "", "virt-aa-helper: error: -F (hotplug): /etc is the restricted directory /etc/\n"),
        runWith(web01(UUID, ""), "-d", "-r", "-u", N, "-F", "/etc/{,**}"));
  }

  @Test
  void aRestrictedDiskFailsWithTheOneLineReason() {
    String xml = web01(UUID, "<disk type='file'><source file='/etc/passwd'/><target dev='vda'/></disk>");
    assertEquals(new Result(1, "", "virt-aa-helper: error: disk vda: /etc/passwd is under restricted /etc/\n"),
        runWith(xml, "-d", "-r", "-u", N));
  }

  @Test
  void aMalformedDomainFailsWithOneLine() {
    Result r = runWith("<domain type='kvm'><name>web01</name>", "-d", "-r", "-u", N);
    assertEquals(1, r.status());
    assertEquals(1, r.err().split("\n").length, r.err());
    assertTrue(r.err().startsWith("virt-aa-helper: error: "), r.err());
  }

  @Test
  void emptyStdinFails() {
    Result r = runWith("", "-d", "-c", "-u", N);
    assertEquals(new Result(1, "", "virt-aa-helper: error: domain XML is empty\n"), r);
  }

  @Test
  void aDoctypeFailsWithOneLine() {
    Result r = runWith("<!DOCTYPE domain [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>" + web01(UUID, "<description>&x;</description>"),
        "-d", "-r", "-u", N);
    assertEquals(new Result(1, "", "virt-aa-helper: error: domain XML must not have a DOCTYPE\n"), r);
  }

  @Test
  void aDryRunCreateStillRefusesAnExistingProfile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(N), "profile\n");
    Result r = runWith(web01(UUID, ""), "-d", "-c", "-u", N, "--profile-dir", dir.toString());
    assertEquals(1, r.status());
    assertTrue(r.err().startsWith("virt-aa-helper: error: profile exists"), r.err());
    assertEquals(1, r.err().split("\n").length, r.err());
  }

  @Test
  void parserOnlyModesDoNotReadStdin(@TempDir Path dir) throws Exception {
    // a dry-run -a would only describe the parser call; stdin holds no XML and must not matter
    Files.writeString(dir.resolve(N), "profile\n");
    Result r = runWith("this is not xml", "-d", "-a", "-u", N, "--profile-dir", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertFalse(r.err().contains("XML"), r.err());
  }

  @Test
  void aDryRunOfAParserOnlyModeFailsWhenTheProfileDoesNotExist(@TempDir Path dir) throws Exception {
    // libvirt's virt-aa-helper-test: "-d -R" with the uuid of no profile must exit 1.
    String[] modes = {"-R", "-a", "-D"};
    for (String mode : modes) {
      Result r = runWith("", "-d", mode, "-u", N, "--profile-dir", dir.toString());
      assertEquals(new Result(1, "", "virt-aa-helper: error: profile does not exist: " + dir.resolve(N) + "\n"), r, mode);
    }
    assertEquals(3, modes.length);
    try (var left = Files.list(dir)) {
      assertEquals(0, left.count(), "a dry run writes nothing, not even a lock file");
    }
  }

  @Test
  void aDryRunRemoveOfAnExistingProfileDescribesTheParserCallAndChangesNothing(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve(N), "profile\n");
    Result r = runWith("", "-d", "-R", "-u", N, "--profile-dir", dir.toString());
    assertEquals(0, r.status(), r.err());
    assertTrue(r.err().contains(" -R " + dir.resolve(N)), r.err());
    assertEquals("profile\n", Files.readString(dir.resolve(N)));
  }
}
