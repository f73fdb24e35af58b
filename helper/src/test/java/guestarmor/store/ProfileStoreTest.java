package guestarmor.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions 2.8: atomic replace, restore, the per-profile lock; behaviour 3.2 for the size limit and mode. */
class ProfileStoreTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  @TempDir Path dir;

  private List<String> entries() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void filesAndProfileLiveInTheProfileDirectory() {
    ProfileStore store = new ProfileStore(dir);
    assertEquals(dir.resolve(NAME), store.profile(NAME));
    assertEquals(dir.resolve(NAME + ".files"), store.files(NAME));
  }

  @Test
  void aLeftoverTempFileOfAKilledHelperWithTheSamePidIsSkippedNotReused() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    String leftover = "." + NAME + ".files." + ProcessHandle.current().pid() + "-0.tmp";
    Files.writeString(dir.resolve(leftover), "what a killed helper left");
    store.replace(store.files(NAME), "new\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("new\n", Files.readString(store.files(NAME)));
    assertEquals("what a killed helper left", Files.readString(dir.resolve(leftover)));
    assertEquals(List.of(leftover, NAME + ".files"), entries());
  }

  @Test
  void theIdentityOfAFileChangesWithEveryReplaceEvenToTheSameBytes() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    assertEquals("-", store.identity(store.files(NAME)));
    store.replace(store.files(NAME), "same\n".getBytes(StandardCharsets.UTF_8));
    String first = store.identity(store.files(NAME));
    assertEquals(first, store.identity(store.files(NAME)), "nothing written, the same identity");
    store.replace(store.files(NAME), "same\n".getBytes(StandardCharsets.UTF_8));
    assertFalse(first.equals(store.identity(store.files(NAME))), first);
  }

  @Test
  void replaceWritesTheContentWithMode0644AndLeavesNoTempFile() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    store.replace(store.files(NAME), "new\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("new\n", Files.readString(store.files(NAME)));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.files(NAME))));
    assertEquals(List.of(NAME + ".files"), entries());
  }

  @Test
  void replaceOverAnExistingFileSwapsTheWholeContent() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.files(NAME), "a much longer old content than the new one\n");
    Files.setPosixFilePermissions(store.files(NAME), PosixFilePermissions.fromString("rw-------"));
    store.replace(store.files(NAME), "short\n".getBytes(StandardCharsets.UTF_8));
    assertEquals("short\n", Files.readString(store.files(NAME)));
    assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(store.files(NAME))));
    assertEquals(List.of(NAME + ".files"), entries());
  }

  @Test
  void replaceWithMoreThanTenMibIsRefusedAndChangesNothing() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.files(NAME), "old\n");
    assertThrows(IOException.class, () -> store.replace(store.files(NAME), new byte[ProfileStore.MAX_FILE_BYTES + 1]));
    assertEquals("old\n", Files.readString(store.files(NAME)));
    assertEquals(List.of(NAME + ".files"), entries());
  }

  @Test
  void readGivesTheBytesOrEmptyWhenMissing() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    assertEquals(Optional.empty(), store.read(store.files(NAME)));
    Files.write(store.files(NAME), new byte[] {1, 2, 3});
    assertArrayEquals(new byte[] {1, 2, 3}, store.read(store.files(NAME)).orElseThrow());
  }

  @Test
  void readRefusesAFileOverTenMib() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    try (RandomAccessFile f = new RandomAccessFile(store.files(NAME).toFile(), "rw")) {
      f.setLength(ProfileStore.MAX_FILE_BYTES + 1L); // sparse: no 10 MiB written
    }
    assertThrows(IOException.class, () -> store.read(store.files(NAME)));
  }

  @Test
  void readAcceptsAFileOfExactlyTenMib() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    try (RandomAccessFile f = new RandomAccessFile(store.files(NAME).toFile(), "rw")) {
      f.setLength(ProfileStore.MAX_FILE_BYTES);
    }
    assertEquals(ProfileStore.MAX_FILE_BYTES, store.read(store.files(NAME)).orElseThrow().length);
  }

  @Test
  void restorePutsBackTheOldBytes() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.files(NAME), "old\n");
    Optional<byte[]> old = store.read(store.files(NAME));
    store.replace(store.files(NAME), "new\n".getBytes(StandardCharsets.UTF_8));
    store.restore(store.files(NAME), old);
    assertEquals("old\n", Files.readString(store.files(NAME)));
  }

  @Test
  void restoringAFileThatDidNotExistRemovesIt() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Optional<byte[]> old = store.read(store.files(NAME));
    store.replace(store.files(NAME), "new\n".getBytes(StandardCharsets.UTF_8));
    store.restore(store.files(NAME), old);
    assertFalse(Files.exists(store.files(NAME)));
  }

  @Test
  void deleteSaysWhetherThereWasAFile() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Files.writeString(store.profile(NAME), "p");
    assertTrue(store.delete(store.profile(NAME)));
    assertFalse(store.delete(store.profile(NAME)));
  }

  @Test
  void theLockExcludesASecondLockerInThisProcess() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Path lockFile = dir.resolve("." + NAME + ".lock");
    try (ProfileStore.ProfileLock held = store.lock(NAME);
        FileChannel other = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      assertThrows(OverlappingFileLockException.class, other::tryLock);
    }
  }

  @Test
  void theLockExcludesAnotherProcessUntilReleased() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    Path lockFile = dir.resolve("." + NAME + ".lock");
    try (ProfileStore.ProfileLock held = store.lock(NAME)) {
      assertEquals("busy", probe(lockFile));
    }
    assertEquals("locked", probe(lockFile));
  }

  @Test
  void theLockFileIsHiddenAndKept() throws Exception {
    ProfileStore store = new ProfileStore(dir);
    store.lock(NAME).close();
    assertEquals(List.of("." + NAME + ".lock"), entries());
  }

  private static String probe(Path lockFile) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LockProbe.class.getName(),
        lockFile.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out;
  }
}
