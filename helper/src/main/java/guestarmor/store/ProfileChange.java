package guestarmor.store;

import guestarmor.profile.ProfileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * One create or replace of a guest's files, all or nothing: the new {@code .files} (and, for a new
 * guest, the profile) are written atomically, the parser loads them, and if it refuses, the previous
 * files are put back so the previous profile stays what is loaded and on disk (decisions file, item 8).
 * The caller holds the profile's lock.
 */
public final class ProfileChange {
  private final ProfileStore store;
  private final PolicyLoader loader;

  public ProfileChange(ProfileStore store, PolicyLoader loader) {
    this.store = store;
    this.loader = loader;
  }

  /**
   * @param filesText the new {@code .files}, or null when the guest has none (LXC)
   * @param newProfile the instantiated template when the profile is to be created, else null
   * @return whether the parser ran (it does not when nothing changed and the profile is loaded)
   */
  public boolean apply(String name, String filesText, String newProfile) throws PolicyException {
    return apply(name, filesText, newProfile, newProfile == null);
  }

  /**
   * The same, loading with {@code apparmor_parser -r} when {@code replace}, else {@code -a}: a {@code -r}
   * call that recreated a purged zero-size profile still replaces (virt-aa-helper-behaviour.md 3.5, mode
   * semantics, step 7). The guest's mode ({@link ProfileStore#mode}) is enforced on the header of the
   * profile, new or on disk.
   */
  public boolean apply(String name, String filesText, String newProfile, boolean replace) throws PolicyException {
    return apply(name, filesText, newProfile, replace, store.mode(name));
  }

  /** The same in the given mode: a profile in another mode is rewritten with only its flags changed. */
  public boolean apply(String name, String filesText, String newProfile, boolean replace, ProfileMode mode)
      throws PolicyException {
    Path files = store.files(name);
    Path profile = store.profile(name);
    Optional<byte[]> oldFiles = read(files);
    Optional<byte[]> oldProfile = newProfile == null ? read(profile) : Optional.empty();
    boolean filesChanged = filesText != null && !sameBytes(oldFiles, filesText);
    boolean profileChanged = false;
    try {
      if (newProfile == null && oldProfile.isEmpty()) {
        throw new PolicyException("profile does not exist: " + profile);
      }
      String wanted = inMode(name, newProfile != null ? newProfile
          : new String(oldProfile.get(), StandardCharsets.UTF_8), mode, profile);
      profileChanged = newProfile != null || !sameBytes(oldProfile, wanted);
      if (filesChanged) {
        store.replace(files, filesText.getBytes(StandardCharsets.UTF_8));
      }
      if (profileChanged) {
        store.replace(profile, wanted.getBytes(StandardCharsets.UTF_8));
      }
      // libvirtd calls the helper many times per start with nothing new: skip the parser then (decisions.md 2.9),
      // but only if the kernel has exactly these bytes: a helper killed after the rename never loaded them.
      String stamp = stamp(files, profile);
      if (!filesChanged && !profileChanged && loader.isLoaded(name) && stamp.equals(store.loadedStamp(name))) {
        return false;
      }
      loader.load(profile, replace);
      store.writeLoadedStamp(name, stamp);
      return true;
    } catch (PolicyException | IOException | RuntimeException e) {
      putBack(files, oldFiles, filesChanged, profile, profileChanged ? oldProfile : null);
      if (e instanceof PolicyException p) {
        throw p;
      }
      throw new PolicyException("could not write " + files + ": " + e.getMessage());
    }
  }

  // Complain needs the header to carry the flag; enforce leaves a profile without one as it is.
  private static String inMode(String name, String text, ProfileMode mode, Path profile) throws PolicyException {
    String inMode = mode.applyTo(text, name);
    if (inMode != null) {
      return inMode;
    }
    if (mode == ProfileMode.COMPLAIN) {
      throw new PolicyException("cannot put " + profile + " in complain mode: it has no 'profile " + name
          + " ... {' line");
    }
    return text;
  }

  /** @param oldProfile the profile's bytes before (empty: none), or null when it was not written */
  private void putBack(Path files, Optional<byte[]> oldFiles, boolean filesChanged, Path profile,
      Optional<byte[]> oldProfile) {
    try {
      if (filesChanged) {
        store.restore(files, oldFiles);
      }
      if (oldProfile != null) {
        store.restore(profile, oldProfile);
      }
    } catch (IOException ignored) {
      // the original failure is what the caller reports; the atomic writes left whole files either way
    }
  }

  private Optional<byte[]> read(Path files) throws PolicyException {
    try {
      return store.read(files);
    } catch (IOException e) {
      throw new PolicyException("could not read " + files + ": " + e.getMessage());
    }
  }

  /**
   * Which files on disk a load puts in the kernel: the identity (inode, size, change and modification time) of
   * the profile and the {@code .files} as they are now. Every write renames a new file into place, so files
   * that a killed helper wrote and never loaded, or that someone edited, have another stamp; no digest of the
   * bytes is needed (a JCA digest loads the JDK's security providers at every call: issue 14, 7 ms on JDK 17).
   */
  private String stamp(Path files, Path profile) throws IOException {
    return "v2 " + store.identity(profile) + " " + store.identity(files);
  }

  private static boolean sameBytes(Optional<byte[]> old, String text) {
    return old.isPresent() && old.get().length > 0
        && Arrays.equals(old.get(), text.getBytes(StandardCharsets.UTF_8));
  }
}
