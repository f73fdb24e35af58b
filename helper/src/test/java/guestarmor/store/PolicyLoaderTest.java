package guestarmor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Behaviour 3.4: one flag and the profile path, a clean environment, 234 on -R is only a warning. */
class PolicyLoaderTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  @TempDir Path tmp;

  private PolicyLoader loader(FakeParser parser) {
    return new PolicyLoader(parser.parser(), new LoadedProfiles(tmp.resolve("no-such-list")));
  }

  private Path profile() throws Exception {
    return Files.writeString(tmp.resolve(NAME), "profile\n");
  }

  @Test
  void theParserGetsTheFlagAndTheProfileAndOnlyPathAndIfs() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 0);
    loader(parser).load(profile(), true);
    assertEquals(List.of("-r " + tmp.resolve(NAME)), parser.runs());
    String env = parser.environment();
    assertTrue(env.contains("PATH='/sbin:/usr/sbin'"), env);
    assertFalse(env.contains("HOME="), env);
    assertFalse(env.contains("LANG="), env);
  }

  @Test
  void outsideTheSystemProfileDirectoryTheParserIsToldWhereTheIncludesAreAndWritesNoCache() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 0);
    Path dir = Files.createDirectory(tmp.resolve("libvirt"));
    Path profile = Files.writeString(dir.resolve(NAME), "profile\n");
    PolicyLoader loader = PolicyLoader.forProfileDir(parser.script(), dir, tmp.resolve("no-such-list"));
    loader.load(profile, false);
    loader.unload(profile, w -> { });
    assertEquals(List.of("-I " + tmp + " -a " + profile, "-I " + tmp + " -R " + profile), parser.runs());
  }

  @Test
  void removingAnUnloadedProfileIsAWarning() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 234);
    List<String> warnings = new ArrayList<>();
    loader(parser).unload(profile(), warnings::add);
    assertEquals(List.of("unable to unload already unloaded profile"), warnings);
    assertEquals(List.of("-R " + tmp.resolve(NAME)), parser.runs());
  }

  @Test
  void addingWith234IsAnError() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 234);
    assertThrows(PolicyException.class, () -> loader(parser).load(profile(), false));
  }

  @Test
  void anyOtherFailureOfRemoveIsAnError() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 1);
    assertThrows(PolicyException.class, () -> loader(parser).unload(profile(), w -> { }));
  }

  @Test
  void aMissingProfileFileStopsBeforeTheParser() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 0);
    PolicyException e = assertThrows(PolicyException.class, () -> loader(parser).load(tmp.resolve(NAME), false));
    assertEquals("profile does not exist: " + tmp.resolve(NAME), e.getMessage());
    assertEquals(List.of(), parser.runs());
  }

  @Test
  void aLoadedProfileIsFoundByNameAndSpace() throws Exception {
    Path list = Files.writeString(tmp.resolve("profiles"), "/usr/sbin/libvirtd (enforce)\n" + NAME + " (complain)\n");
    assertTrue(new LoadedProfiles(list).isLoaded(NAME));
    assertFalse(new LoadedProfiles(list).isLoaded(NAME.substring(0, 40)));
    assertFalse(new LoadedProfiles(tmp.resolve("missing")).isLoaded(NAME));
  }
}
