package guestarmor.store;

import guestarmor.profile.ProfileMode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The profile directory ({@code /etc/apparmor.d/libvirt}): reads, atomic replaces (temp file in the
 * same directory, fsync, rename, fsync of the directory) and a per-profile lock.
 */
public final class ProfileStore {
  /** Where libvirt's guest profiles live (the C helper's APPARMOR_DIR "/libvirt"). */
  public static final Path SYSTEM_DIR = Path.of("/etc/apparmor.d/libvirt");

  /** The C helper refuses profile and include files over 10 MiB (MAX_FILE_LEN). */
  public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

  private final Path dir;

  public ProfileStore(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  /** {@code DIR/libvirt-<uuid>}. */
  public Path profile(String name) {
    return dir.resolve(name);
  }

  /** Whether the guest's profile file exists (following symlinks, as the parser would open it). */
  public boolean hasProfile(String name) {
    return Files.exists(profile(name));
  }

  /** Whether the profile exists with no bytes: what a crash of the C helper could leave behind. */
  public boolean hasEmptyProfile(String name) throws IOException {
    Path p = profile(name);
    return Files.exists(p) && Files.size(p) == 0;
  }

  /** {@code DIR/libvirt-<uuid>.files}. */
  public Path files(String name) {
    return dir.resolve(name + ".files");
  }

  /**
   * {@code DIR/.libvirt-<uuid>.complain}: its existence puts the guest in complain mode at every load
   * (decisions file, complain mode). Hidden, so apparmor_parser skips it when it loads a directory.
   */
  public Path complainMarker(String name) {
    return dir.resolve("." + name + ".complain");
  }

  /** The guest's mode: one stat of the marker, the only cost complain mode adds to a start. */
  public ProfileMode mode(String name) {
    return Files.exists(complainMarker(name)) ? ProfileMode.COMPLAIN : ProfileMode.ENFORCE;
  }

  /** The file's bytes, or empty when it does not exist. */
  public Optional<byte[]> read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      if (ch.size() > MAX_FILE_BYTES) {
        throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
      }
      ByteBuffer buf = ByteBuffer.allocate((int) ch.size());
      while (buf.hasRemaining() && ch.read(buf) >= 0) {
        // read until full or end of file
      }
      return Optional.of(buf.array());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Replaces the file's content atomically: readers see the old bytes or the new, never a mix. */
  public void replace(Path file, byte[] content) throws IOException {
    if (content.length > MAX_FILE_BYTES) {
      throw new IOException("new content for " + file + " is larger than " + MAX_FILE_BYTES + " bytes");
    }
    Path tmp = writeTemp(file, content);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
      move(tmp, file);
      syncDirectory();
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  // The content in a new .NAME.<pid>-<n>.tmp beside the file, synced; created with O_EXCL (never an existing
  // file or link). Files.createTempFile would draw the name from SecureRandom, which loads the JDK's security
  // providers at every write (issue 14: 6 ms on 17).
  private Path writeTemp(Path file, byte[] content) throws IOException {
    String prefix = "." + file.getFileName() + "." + ProcessHandle.current().pid() + "-";
    for (int n = 0; ; n++) {
      Path tmp = dir.resolve(prefix + n + ".tmp");
      FileChannel ch;
      try {
        ch = FileChannel.open(tmp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
      } catch (FileAlreadyExistsException e) {
        if (n >= MAX_TEMP_ATTEMPTS) {
          throw e; // a hundred leftovers of killed helpers of this pid: say so rather than loop
        }
        continue;
      }
      try (ch) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
      return tmp;
    }
  }

  private static final int MAX_TEMP_ATTEMPTS = 100;

  /** Puts back what {@link #read} returned earlier: the old bytes, or no file at all. */
  public void restore(Path file, Optional<byte[]> old) throws IOException {
    if (old.isPresent()) {
      replace(file, old.get());
    } else {
      delete(file);
    }
  }

  /** Removes the file if it exists. */
  public boolean delete(Path file) throws IOException {
    boolean gone = Files.deleteIfExists(file);
    if (gone) {
      syncDirectory();
    }
    return gone;
  }

  /**
   * {@code DIR/.libvirt-<uuid>.lock}: the profile's lock file, which also keeps the loaded stamp. Hidden,
   * so apparmor_parser skips it when it loads a directory.
   */
  public Path lockFile(String name) {
    return dir.resolve("." + name + ".lock");
  }

  /**
   * Takes the profile's lock, waiting for any other guestarmor process working on the same profile.
   * The lock file is hidden ({@code .libvirt-<uuid>.lock}) and kept: removing it would race.
   */
  public ProfileLock lock(String name) throws IOException {
    FileChannel ch = FileChannel.open(lockFile(name), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE);
    try {
      ch.lock();
      return new ProfileLock(ch);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** A held profile lock; closing it closes the lock file, which releases the lock. */
  public static final class ProfileLock implements AutoCloseable {
    private final FileChannel channel;

    private ProfileLock(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /**
   * What the last successful load of this profile contained (see {@link ProfileChange}), kept in the
   * lock file; empty when unknown.
   */
  public String loadedStamp(String name) throws IOException {
    Optional<byte[]> stamp = read(lockFile(name));
    return stamp.isPresent() ? new String(stamp.get(), java.nio.charset.StandardCharsets.US_ASCII) : "";
  }

  /**
   * What tells this file's content on disk from any other: inode, size, change and modification time (in
   * nanoseconds, as the kernel keeps them); "-" when there is no such file.
   */
  public String identity(Path file) throws IOException {
    try {
      Map<String, Object> a = Files.readAttributes(file, "unix:ino,size,ctime,lastModifiedTime");
      return a.get("ino") + ":" + a.get("size") + ":" + nanos(a.get("ctime")) + ":" + nanos(a.get("lastModifiedTime"));
    } catch (NoSuchFileException e) {
      return "-";
    }
  }

  private static long nanos(Object time) {
    return ((FileTime) time).to(TimeUnit.NANOSECONDS);
  }

  /** Records what was just loaded; a torn write only makes the next call run the parser again. */
  public void writeLoadedStamp(String name, String stamp) throws IOException {
    try (FileChannel ch = FileChannel.open(lockFile(name), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer buf = ByteBuffer.wrap(stamp.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      while (buf.hasRemaining()) {
        ch.write(buf);
      }
    }
  }

  private static void move(Path tmp, Path file) throws IOException {
    try {
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + file + " atomically: " + e.getMessage(), e);
    }
  }

  // The rename is durable only once the directory entry is on disk.
  private void syncDirectory() throws IOException {
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    }
  }
}
