package guestarmor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.profile.ProfileMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions 2.8 (restore on parser failure) and 2.9 (no parser run when nothing changed and loaded). */
class ProfileChangeTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  @TempDir Path tmp;
  private Path profiles;
  private Path loadedList;
  private ProfileStore store;

  @BeforeEach
  void dirs() throws IOException {
    profiles = Files.createDirectory(tmp.resolve("libvirt"));
    loadedList = tmp.resolve("profiles");
    Files.writeString(loadedList, "virt-aa-helper (enforce)\n");
    store = new ProfileStore(profiles);
  }

  private ProfileChange change(FakeParser parser) {
    return new ProfileChange(store, new PolicyLoader(parser.parser(), new LoadedProfiles(loadedList)));
  }

  private List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(profiles)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aNewProfileIsWrittenAndAdded() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "rules\n", "profile\n"));
    assertEquals("rules\n", Files.readString(store.files(NAME)));
    assertEquals("profile\n", Files.readString(store.profile(NAME)));
    assertEquals(List.of("-a " + store.profile(NAME)), parser.runs());
    assertEquals(List.of("." + NAME + ".lock", NAME, NAME + ".files"), entries(), "the lock file holds the load stamp");
  }

  @Test
  void aChangedFilesIsWrittenAndTheProfileReplaced() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "old\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "new\n", null));
    assertEquals("new\n", Files.readString(store.files(NAME)));
    assertEquals(List.of("-r " + store.profile(NAME)), parser.runs());
  }

  @Test
  void whenTheParserRefusesAReplaceTheOldFilesComeBack() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "old\n");
    FakeParser parser = FakeParser.exiting(tmp, 1);
    PolicyException e = assertThrows(PolicyException.class, () -> change(parser).apply(NAME, "new\n", null));
    assertEquals("apparmor_parser -r " + store.profile(NAME) + " failed: AppArmor parser error for "
        + parser.script() + ": fake failure", e.getMessage());
    assertEquals("old\n", Files.readString(store.files(NAME)));
    assertEquals("profile\n", Files.readString(store.profile(NAME)));
    assertEquals(List.of(NAME, NAME + ".files"), entries());
  }

  @Test
  void whenTheParserRefusesANewProfileNeitherFileIsLeft() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 1);
    assertThrows(PolicyException.class, () -> change(parser).apply(NAME, "rules\n", "profile\n"));
    assertEquals(List.of("-a " + store.profile(NAME)), parser.runs());
    assertEquals(List.of(), entries());
  }

  @Test
  void whenTheParserRefusesARecreatedProfileTheOldFilesComeBackAndTheNewProfileGoes() throws Exception {
    Files.writeString(store.files(NAME), "old\n");
    FakeParser parser = FakeParser.exiting(tmp, 1);
    assertThrows(PolicyException.class, () -> change(parser).apply(NAME, "new\n", "profile\n"));
    assertEquals("old\n", Files.readString(store.files(NAME)));
    assertEquals(List.of(NAME + ".files"), entries());
  }

  @Test
  void nothingChangedAndLoadedMeansTheParserDoesNotRun() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(loadedList, "virt-aa-helper (enforce)\n" + NAME + " (enforce)\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "same\n", null), "the first load runs the parser");
    assertFalse(change(parser).apply(NAME, "same\n", null));
    assertEquals(List.of("-r " + store.profile(NAME)), parser.runs());
  }

  @Test
  void filesOnDiskThatWereNeverLoadedAreLoadedEvenWhenUnchanged() throws Exception {
    // what a helper killed between the rename and the parser leaves: no stamp for these bytes
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "same\n");
    Files.writeString(loadedList, NAME + " (enforce)\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "same\n", null));
    assertEquals(List.of("-r " + store.profile(NAME)), parser.runs());
  }

  @Test
  void nothingChangedButNotLoadedMeansTheParserRuns() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "same\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "same\n", null));
    assertEquals(List.of("-r " + store.profile(NAME)), parser.runs());
  }

  @Test
  void aLoadedProfileWithAnotherUuidPrefixDoesNotCount() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "same\n");
    Files.writeString(loadedList, NAME + "0 (enforce)\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "same\n", null));
  }

  @Test
  void anEmptyOldFilesIsRewrittenEvenWhenTheNewTextIsEmptyToo() throws Exception {
    // the C helper leaves a non-empty identical file alone; an empty one is always written
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "");
    Files.writeString(loadedList, NAME + " (enforce)\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "", null));
  }

  @Test
  void replacingWithoutAProfileFailsAndPutsTheOldFilesBack() throws Exception {
    Files.writeString(store.files(NAME), "old\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    PolicyException e = assertThrows(PolicyException.class, () -> change(parser).apply(NAME, "new\n", null));
    assertEquals("profile does not exist: " + store.profile(NAME), e.getMessage());
    assertEquals("old\n", Files.readString(store.files(NAME)));
    assertEquals(List.of(), parser.runs());
  }

  @Test
  void anLxcGuestWritesNoFilesButItsProfile() throws Exception {
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, null, "lxc profile\n"));
    assertEquals(List.of("." + NAME + ".lock", NAME), entries());
  }

  private static final String HEADER = "profile " + NAME + " flags=(attach_disconnected) {\n}\n";
  private static final String COMPLAIN = "profile " + NAME + " flags=(attach_disconnected, complain) {\n}\n";

  @Test
  void withTheComplainMarkerAnUnchangedReplaceRewritesOnlyTheFlagsAndReloads() throws Exception {
    Files.writeString(store.profile(NAME), HEADER);
    Files.writeString(store.files(NAME), "same\n");
    Files.writeString(loadedList, NAME + " (enforce)\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "same\n", null), "loaded once so the stamp is known");
    Files.writeString(store.complainMarker(NAME), "");
    assertEquals(ProfileMode.COMPLAIN, store.mode(NAME));
    assertTrue(change(parser).apply(NAME, "same\n", null));
    assertEquals(COMPLAIN, Files.readString(store.profile(NAME)));
    assertEquals(List.of("-r " + store.profile(NAME), "-r " + store.profile(NAME)), parser.runs());
    Files.writeString(loadedList, NAME + " (complain)\n");
    assertFalse(change(parser).apply(NAME, "same\n", null), "in the mode already and loaded: no parser run");
  }

  @Test
  void aNewProfileIsWrittenInComplainModeWhenTheMarkerIsThere() throws Exception {
    Files.writeString(store.complainMarker(NAME), "");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "rules\n", HEADER));
    assertEquals(COMPLAIN, Files.readString(store.profile(NAME)));
    assertEquals(List.of("-a " + store.profile(NAME)), parser.runs());
  }

  @Test
  void withoutTheMarkerTheComplainFlagGoes() throws Exception {
    Files.writeString(store.profile(NAME), COMPLAIN);
    FakeParser parser = FakeParser.exiting(tmp, 0);
    assertTrue(change(parser).apply(NAME, "rules\n", null));
    assertEquals(HEADER, Files.readString(store.profile(NAME)));
  }

  @Test
  void whenTheParserRefusesTheModeChangeTheOldProfileComesBack() throws Exception {
    Files.writeString(store.profile(NAME), HEADER);
    Files.writeString(store.files(NAME), "same\n");
    FakeParser parser = FakeParser.exiting(tmp, 1);
    assertThrows(PolicyException.class, () -> change(parser).apply(NAME, "same\n", null, true, ProfileMode.COMPLAIN));
    assertEquals(HEADER, Files.readString(store.profile(NAME)));
    assertEquals(List.of(NAME, NAME + ".files"), entries());
  }

  @Test
  void complainModeOnAProfileWithoutItsHeaderLineFailsBeforeTheParserAndChangesNothing() throws Exception {
    Files.writeString(store.profile(NAME), "profile\n");
    Files.writeString(store.files(NAME), "old\n");
    FakeParser parser = FakeParser.exiting(tmp, 0);
    PolicyException e = assertThrows(PolicyException.class,
        () -> change(parser).apply(NAME, "new\n", null, true, ProfileMode.COMPLAIN));
    assertEquals("cannot put " + store.profile(NAME) + " in complain mode: it has no 'profile " + NAME
        + " ... {' line", e.getMessage());
    assertEquals("old\n", Files.readString(store.files(NAME)));
    assertEquals(List.of(), parser.runs());
  }
}
