package guestarmor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the getopt-compatible scan makes of a command line (behaviour 1.2, 1.4; decisions 1 and 2.5). */
class HelperArgumentsTest {
  static final String N = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  private static Invocation parse(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    PrintStream ps = new PrintStream(sink, true, StandardCharsets.UTF_8);
    HelperArguments.Outcome o = HelperArguments.parse("/usr/lib/libvirt/virt-aa-helper", args, ps, new Messages("virt-aa-helper", ps));
    HelperArguments.Run run = assertInstanceOf(HelperArguments.Run.class, o, () -> sink.toString(StandardCharsets.UTF_8));
    return run.invocation();
  }

  @Test
  void eachShortModeFlagSelectsItsMode() {
    assertEquals(Mode.ADD, parse("-a", "-u", N).mode());
    assertEquals(Mode.CREATE, parse("-c", "-u", N).mode());
    assertEquals(Mode.REPLACE, parse("-r", "-u", N).mode());
    assertEquals(Mode.REMOVE, parse("-R", "-u", N).mode());
    assertEquals(Mode.DELETE, parse("-D", "-u", N).mode());
  }

  @Test
  void eachLongModeSelectsItsMode() {
    assertEquals(Mode.ADD, parse("--add", "--uuid", N).mode());
    assertEquals(Mode.CREATE, parse("--create", "--uuid", N).mode());
    assertEquals(Mode.REPLACE, parse("--replace", "--uuid", N).mode());
    assertEquals(Mode.REMOVE, parse("--remove", "--uuid", N).mode());
    assertEquals(Mode.DELETE, parse("--delete", "--uuid", N).mode());
  }

  @Test
  void theLastModeWins() {
    assertEquals(Mode.REPLACE, parse("-c", "-r", "-u", N).mode());
    assertEquals(Mode.CREATE, parse("-r", "-c", "-u", N).mode());
    assertEquals(Mode.DELETE, parse("-a", "-u", N, "-R", "--delete").mode());
  }

  @Test
  void aClusterCarriesFlagsAndTheAttachedProfileName() {
    Invocation inv = parse("-dru" + N);
    assertEquals(Mode.REPLACE, inv.mode());
    assertTrue(inv.dryRun());
    assertEquals(N, inv.profileName());
  }

  @Test
  void theProfileNameMayBeAttachedOrGivenWithEquals() {
    assertEquals(N, parse("-r", "-u" + N).profileName());
    assertEquals(N, parse("-r", "--uuid=" + N).profileName());
    assertEquals(N, parse("-r", "--uu=" + N).profileName());
  }

  @Test
  void unambiguousLongPrefixesWork() {
    Invocation inv = parse("--dry", "--rep", "--uu", N);
    assertTrue(inv.dryRun());
    assertEquals(Mode.REPLACE, inv.mode());
  }

  @Test
  void withoutDashDTheRunIsReal() {
    assertFalse(parse("-r", "-u", N).dryRun());
  }

  @Test
  void theLastExtraFileFlagWinsForNameAndAppend() {
    Invocation fThenF = parse("-r", "-u", N, "-f", "/a", "-F", "/b");
    assertEquals("/b", fThenF.extraFile());
    assertTrue(fThenF.append());
    Invocation FThenf = parse("-r", "-u", N, "-F", "/a", "-f", "/b");
    assertEquals("/b", FThenf.extraFile());
    assertFalse(FThenf.append());
  }

  @Test
  void anAttachedExtraFileIsTaken() {
    assertEquals("/path", parse("-r", "-u", N, "-f/path").extraFile());
  }

  @Test
  void theLongExtraFileOptionsTakeTheirArgument() {
    Invocation add = parse("-r", "-u", N, "--add-file", "/x");
    assertEquals("/x", add.extraFile());
    assertFalse(add.append());
    Invocation append = parse("-r", "-u", N, "--append-file", "/y");
    assertEquals("/y", append.extraFile());
    assertTrue(append.append());
    assertEquals("/z", parse("-r", "-u", N, "--add-file=/z").extraFile());
  }

  @Test
  void withoutAnExtraFileThereIsNone() {
    assertNull(parse("-r", "-u", N).extraFile());
  }

  @Test
  void nonOptionArgumentsAreSkippedAndOptionsAfterThemStillCount() {
    Invocation inv = parse("stray", "-r", "another", "-u", N);
    assertEquals(Mode.REPLACE, inv.mode());
    assertEquals(N, inv.profileName());
  }

  @Test
  void theDefaultLocationsAreTheSystemOnes() {
    Locations loc = parse("-r", "-u", N).locations();
    assertEquals(Locations.system(), loc);
    assertEquals("/etc/apparmor.d/libvirt", loc.profileDir().toString());
    assertEquals("/sbin/apparmor_parser", loc.parser().toString());
    assertEquals("/sys/kernel/security/apparmor/profiles", loc.loadedProfiles().toString());
  }

  @Test
  void theTemplateDirectoryFollowsTheProfileDirectoryUnlessMoved() {
    Locations moved = parse("-r", "-u", N, "--profile-dir", "/t/p").locations();
    assertEquals("/t/p", moved.templateDir().toString());
    Locations both = parse("-r", "-u", N, "--template-dir", "/t/t", "--profile-dir", "/t/p", "--parser", "/t/ap",
        "--loaded-profiles", "/t/l").locations();
    assertEquals("/t/t", both.templateDir().toString());
    assertEquals("/t/p", both.profileDir().toString());
    assertEquals("/t/ap", both.parser().toString());
    assertEquals("/t/l", both.loadedProfiles().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "libvirt-6B1A7E2C-1C2D-4E5F-8A9B-0C1D2E3F4A5B",
      "libvirt-----11111111222233334444555555555555", "libvirt-1111-1111-2222-3333-4444555555555555",
      "libvirt-    11111111222233334444555555555555", "libvirt-11111111222233334444555555555555    "})
  void theseProfileNamesAreValid(String name) {
    assertTrue(HelperArguments.validProfileName(name), name);
  }

  @ParameterizedTest
  @ValueSource(strings = {"libvirt-11111111222233334444555555555555----", "LIBVIRT-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
      "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5", "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b0",
      "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5g", "libvirx-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
      "libvirt-1111111-12222-3333-4444-555555555555", ""})
  void theseProfileNamesAreInvalid(String name) {
    assertFalse(HelperArguments.validProfileName(name), name);
  }
}
