package guestarmor.store;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Run in a second JVM: prints {@code locked} or {@code busy} for the lock file given as the argument. */
public final class LockProbe {
  private LockProbe() {}

  public static void main(String[] args) throws Exception {
    try (FileChannel ch = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      FileLock lock = ch.tryLock();
      System.out.print(lock == null ? "busy" : "locked");
    }
  }
}
