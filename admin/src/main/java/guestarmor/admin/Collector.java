package guestarmor.admin;

import guestarmor.store.PolicyException;
import guestarmor.store.PolicyLoader;
import guestarmor.store.ProfileStore;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code gc}: unloads and removes the profiles of uuids no domain has. Never a defined domain's, running
 * or not (asked again under the profile's lock, in case libvirtd defined it meanwhile); never an
 * admin's {@code .local}.
 */
final class Collector {
  private final ProfileDirectory dir;
  private final Path parser;
  private final Path loadedList;
  private final List<Path> cacheDirs;
  private final boolean dryRun;

  Collector(ProfileDirectory dir, Path parser, Path loadedList, List<Path> cacheDirs, boolean dryRun) {
    this.dir = dir;
    this.parser = parser;
    this.loadedList = loadedList;
    this.cacheDirs = List.copyOf(cacheDirs);
    this.dryRun = dryRun;
  }

  List<GcAction> collect(Set<String> defined, Catalog catalog) throws AdminException {
    List<GcAction> actions = new ArrayList<>();
    for (ProfileDirectory.Guest g : dir.guests().values()) {
      if (!defined.contains(g.uuid())) {
        collectOne(g, catalog, actions);
      }
    }
    return actions;
  }

  private void collectOne(ProfileDirectory.Guest g, Catalog catalog, List<GcAction> actions) throws AdminException {
    if (dryRun) {
      plan(g, actions, "dry-run");
      return;
    }
    if (!g.profile() && !g.files() && !g.lock() && !g.complain() && cacheEntries(g.name()).isEmpty()) {
      plan(g, actions, "done"); // only an admin's .local is left: report it, create no lock file for it
      return;
    }
    Path lockFile = dir.lockFile(g.name());
    try (ProfileStore.ProfileLock lock = dir.store().lock(g.name())) {
      if (catalog.defines(g.uuid())) {
        actions.add(new GcAction(g.uuid(), "skip", g.name(), "a domain with this uuid was defined meanwhile"));
        return;
      }
      if (g.profile() && !unload(g, actions)) {
        return; // still loaded: keep its files so it can be unloaded later
      }
      List<GcAction> planned = new ArrayList<>();
      plan(g, planned, "done");
      for (GcAction a : planned) {
        actions.add(a.action().equals("remove") && !Path.of(a.target()).equals(lockFile) ? remove(a) : a);
      }
      // The lock file goes last, while it is held: a helper waiting on it then works on a fresh one.
      actions.add(remove(new GcAction(g.uuid(), "remove", lockFile.toString(), "done")));
    } catch (IOException e) {
      actions.add(new GcAction(g.uuid(), "remove", lockFile.toString(), "failed: " + e.getMessage()));
    }
  }

  /** What removing this guest means, in order; the lock file is not listed here when it is taken. */
  private void plan(ProfileDirectory.Guest g, List<GcAction> actions, String outcome) throws AdminException {
    if (dryRun && g.profile()) {
      actions.add(new GcAction(g.uuid(), "unload", g.name(), outcome));
    }
    if (g.profile()) {
      actions.add(new GcAction(g.uuid(), "remove", dir.store().profile(g.name()).toString(), outcome));
    }
    if (g.files()) {
      actions.add(new GcAction(g.uuid(), "remove", dir.store().files(g.name()).toString(), outcome));
    }
    if (g.complain()) {
      actions.add(new GcAction(g.uuid(), "remove", dir.store().complainMarker(g.name()).toString(), outcome));
    }
    for (Path cached : cacheEntries(g.name())) {
      actions.add(new GcAction(g.uuid(), "remove", cached.toString(), outcome));
    }
    if (dryRun && g.lock()) {
      actions.add(new GcAction(g.uuid(), "remove", dir.lockFile(g.name()).toString(), outcome));
    }
    if (g.local()) {
      actions.add(new GcAction(g.uuid(), "keep", dir.localFile(g.name()).toString(), "kept"));
    }
  }

  // The parser's cache keeps a compiled copy per profile file name, directly or under a features-hash directory.
  private List<Path> cacheEntries(String name) throws AdminException {
    List<Path> found = new ArrayList<>();
    for (Path cache : cacheDirs) {
      if (Files.isRegularFile(cache.resolve(name))) {
        found.add(cache.resolve(name));
      }
      if (!Files.isDirectory(cache)) {
        continue;
      }
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(cache, Files::isDirectory)) {
        for (Path sub : ds) {
          if (Files.isRegularFile(sub.resolve(name))) {
            found.add(sub.resolve(name));
          }
        }
      } catch (IOException e) {
        throw new AdminException("cannot list " + cache + ": " + e.getMessage());
      }
    }
    return found;
  }

  private boolean unload(ProfileDirectory.Guest g, List<GcAction> actions) {
    PolicyLoader loader = PolicyLoader.forProfileDir(parser, dir.store().dir(), loadedList);
    List<String> warnings = new ArrayList<>();
    try {
      loader.unload(dir.store().profile(g.name()), warnings::add);
      actions.add(new GcAction(g.uuid(), "unload", g.name(), warnings.isEmpty() ? "done" : "not loaded"));
      return true;
    } catch (PolicyException e) {
      actions.add(new GcAction(g.uuid(), "unload", g.name(), "failed: " + e.getMessage()));
      return false;
    }
  }

  private static GcAction remove(GcAction a) {
    try {
      Files.deleteIfExists(Path.of(a.target()));
      return a;
    } catch (IOException e) {
      return new GcAction(a.uuid(), a.action(), a.target(), "failed: " + e.getMessage());
    }
  }
}
