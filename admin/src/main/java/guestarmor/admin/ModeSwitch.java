package guestarmor.admin;

import guestarmor.profile.ProfileMode;
import guestarmor.store.PolicyException;
import guestarmor.store.PolicyLoader;
import guestarmor.store.ProfileChange;
import guestarmor.store.ProfileStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code complain}/{@code enforce}: sets a guest's mode where every later {@code -c}/{@code -r} of the
 * helper reads it (the marker, {@link ProfileStore#complainMarker}), puts the flag on the profile file,
 * and for a running guest reloads it through the helper's own {@link ProfileChange}, under its lock.
 */
final class ModeSwitch {
  private static final byte[] MARKER_TEXT = ("# guestarmor: this guest's profile is loaded in complain mode.\n"
      + "# Remove this file (guestarmor enforce DOMAIN) to enforce it again.\n").getBytes(StandardCharsets.UTF_8);

  private final ProfileStore store;
  private final PolicyLoader loader;

  ModeSwitch(ProfileStore store, PolicyLoader loader) {
    this.store = store;
    this.loader = loader;
  }

  /** What was done: whether the parser ran, and whether a profile file exists yet. */
  record Outcome(String profile, ProfileMode mode, Path marker, boolean hasProfile, boolean reloaded) {}

  Outcome set(String name, boolean running, ProfileMode mode) throws AdminException {
    Path marker = store.complainMarker(name);
    try (ProfileStore.ProfileLock lock = store.lock(name)) {
      ProfileMode before = store.mode(name);
      mark(marker, mode);
      Path profile = store.profile(name);
      if (!Files.exists(profile)) {
        return new Outcome(name, mode, marker, false, false);
      }
      try {
        boolean reloaded = running ? new ProfileChange(store, loader).apply(name, files(name), null, true, mode)
            : rewriteFlags(name, profile, mode);
        return new Outcome(name, mode, marker, true, running && reloaded);
      } catch (PolicyException e) {
        mark(marker, before); // the profile stays what was loaded; so does its mode
        throw new AdminException(e.getMessage());
      }
    } catch (IOException e) {
      throw new AdminException("cannot set the mode of " + name + ": " + e.getMessage());
    }
  }

  private void mark(Path marker, ProfileMode mode) throws IOException {
    if (mode == ProfileMode.COMPLAIN) {
      if (!Files.exists(marker)) {
        store.replace(marker, MARKER_TEXT);
      }
    } else {
      store.delete(marker);
    }
  }

  private String files(String name) throws IOException {
    Optional<byte[]> bytes = store.read(store.files(name));
    return bytes.map(b -> new String(b, StandardCharsets.UTF_8)).orElse(null);
  }

  // A shut-off guest: the file says the mode at once, the kernel gets it at the next start.
  private boolean rewriteFlags(String name, Path profile, ProfileMode mode) throws IOException, PolicyException {
    String text = new String(store.read(profile).orElseThrow(), StandardCharsets.UTF_8);
    String inMode = mode.applyTo(text, name);
    if (inMode == null) {
      if (mode == ProfileMode.COMPLAIN) {
        throw new PolicyException("cannot put " + profile + " in complain mode: it has no 'profile " + name
            + " ... {' line");
      }
      return false;
    }
    if (!inMode.equals(text)) {
      store.replace(profile, inMode.getBytes(StandardCharsets.UTF_8));
    }
    return false;
  }
}
