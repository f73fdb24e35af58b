package guestarmor.cli;

import guestarmor.store.ApparmorParser;
import guestarmor.store.LoadedProfiles;
import guestarmor.store.ProfileStore;
import java.nio.file.Path;

/**
 * Where the helper reads and writes. The defaults are the compiled-in system locations; tests move
 * them with long options libvirtd never passes ({@code --profile-dir}, {@code --template-dir},
 * {@code --parser}, {@code --loaded-profiles}), never through the environment.
 *
 * @param templateDir where {@code TEMPLATE.<driver>} is read; the profile directory unless moved
 */
record Locations(Path profileDir, Path templateDir, Path parser, Path loadedProfiles) {
  static Locations system() {
    return new Locations(ProfileStore.SYSTEM_DIR, ProfileStore.SYSTEM_DIR, ApparmorParser.SYSTEM_PARSER,
        LoadedProfiles.KERNEL_LIST);
  }
}
