package guestarmor.cli;

import java.nio.file.Path;

/**
 * Where the helper reads and writes. The defaults are the compiled-in system locations; tests move
 * them with long options libvirtd never passes ({@code --profile-dir}, {@code --template-dir},
 * {@code --parser}, {@code --loaded-profiles}), never through the environment.
 *
 * @param templateDir where {@code TEMPLATE.<driver>} is read; the profile directory unless moved
 */
public record Locations(Path profileDir, Path templateDir, Path parser, Path loadedProfiles) {
  public static final Path PROFILE_DIR = Path.of("/etc/apparmor.d/libvirt");
  public static final Path PARSER = Path.of("/sbin/apparmor_parser");
  public static final Path LOADED_PROFILES = Path.of("/sys/kernel/security/apparmor/profiles");

  public static Locations system() {
    return new Locations(PROFILE_DIR, PROFILE_DIR, PARSER, LOADED_PROFILES);
  }

  /** Whether the profile directory is the system one, where the parser finds includes unaided. */
  public boolean systemProfileDir() {
    return profileDir.equals(PROFILE_DIR);
  }
}
