package guestarmor.admin;

import guestarmor.store.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest files in a profile directory, by uuid: {@code libvirt-<uuid>} (profile),
 * {@code .files} (generated rules), {@code .local} (the admin's), {@code .libvirt-<uuid>.lock} and
 * {@code .libvirt-<uuid>.complain} (the complain-mode marker).
 * Anything else ({@code TEMPLATE.*}, temp files) is not a guest's.
 */
final class ProfileDirectory {
  private static final Pattern GUEST = Pattern.compile(
      "(\\.?)libvirt-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\\.files|\\.local|\\.lock|\\.complain)?");

  /** What exists for one uuid. */
  record Guest(String uuid, boolean profile, boolean files, boolean local, boolean lock, boolean complain) {
    String name() {
      return "libvirt-" + uuid;
    }
  }

  private final ProfileStore store;

  ProfileDirectory(Path dir) {
    this.store = new ProfileStore(dir);
  }

  ProfileStore store() {
    return store;
  }

  Path lockFile(String name) {
    return store.lockFile(name);
  }

  Path localFile(String name) {
    return store.dir().resolve(name + ".local");
  }

  /** Every uuid with any file here, sorted. */
  Map<String, Guest> guests() throws AdminException {
    Map<String, boolean[]> seen = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(store.dir())) {
      for (Path p : ds) {
        Matcher m = GUEST.matcher(p.getFileName().toString());
        if (!m.matches() || (m.group(1).isEmpty() == hidden(m.group(3)))) {
          continue; // a lock and a marker are hidden; nothing else is
        }
        boolean[] kinds = seen.computeIfAbsent(m.group(2), k -> new boolean[5]);
        kinds[kind(m.group(3))] = true;
      }
    } catch (IOException e) {
      throw new AdminException("cannot list " + store.dir() + ": " + e.getMessage());
    }
    Map<String, Guest> guests = new TreeMap<>();
    seen.forEach((uuid, k) -> guests.put(uuid, new Guest(uuid, k[0], k[1], k[2], k[3], k[4])));
    return guests;
  }

  private static boolean hidden(String suffix) {
    return ".lock".equals(suffix) || ".complain".equals(suffix);
  }

  private static int kind(String suffix) {
    if (suffix == null) {
      return 0;
    }
    return switch (suffix) {
      case ".files" -> 1;
      case ".local" -> 2;
      case ".lock" -> 3;
      default -> 4;
    };
  }

  /** A file's text, or null when it does not exist. */
  String read(Path file) throws AdminException {
    try {
      return store.read(file).map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
    } catch (IOException e) {
      throw new AdminException("cannot read " + file + ": " + e.getMessage());
    }
  }
}
