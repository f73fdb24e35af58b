package guestarmor.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** Loads, replaces and unloads profiles through {@link ApparmorParser}, with the C helper's status rules. */
public final class PolicyLoader {
  private final ApparmorParser parser;
  private final LoadedProfiles loaded;

  public PolicyLoader(ApparmorParser parser, LoadedProfiles loaded) {
    this.parser = parser;
    this.loaded = loaded;
  }

  /**
   * The parser as guestarmor runs it for the profiles in {@code profileDir}: the helper and the admin
   * tool alike. Outside {@link ProfileStore#SYSTEM_DIR} the parser is told where
   * {@code <libvirt/NAME.files>} is found ({@code -I} the directory's parent), and its compiled result
   * does not belong in the system's cache (no {@code -W}).
   */
  public static PolicyLoader forProfileDir(Path parser, Path profileDir, Path loadedProfiles) {
    Path dir = profileDir.toAbsolutePath();
    boolean system = dir.equals(ProfileStore.SYSTEM_DIR);
    List<String> includes = system ? List.of() : List.of("-I", dir.getParent().toString());
    return new PolicyLoader(new ApparmorParser(parser, includes, system), new LoadedProfiles(loadedProfiles));
  }

  public boolean isLoaded(String name) {
    return loaded.isLoaded(name);
  }

  /** {@code apparmor_parser -a} (new) or {@code -r} (replace) on an existing profile file. */
  public void load(Path profile, boolean replace) throws PolicyException {
    String flag = replace ? "-r" : "-a";
    ApparmorParser.Result r = run(flag, profile);
    if (!r.ok()) {
      throw new PolicyException("apparmor_parser " + flag + " " + profile + " failed: " + r.firstError());
    }
  }

  /** {@code apparmor_parser -R}; a profile the kernel does not have is a warning, not a failure. */
  public void unload(Path profile, Consumer<String> warnings) throws PolicyException {
    ApparmorParser.Result r = run("-R", profile);
    if (r.status() == ApparmorParser.NOT_LOADED) {
      warnings.accept("unable to unload already unloaded profile");
    } else if (!r.ok()) {
      throw new PolicyException("apparmor_parser -R " + profile + " failed: " + r.firstError());
    }
  }

  private ApparmorParser.Result run(String flag, Path profile) throws PolicyException {
    if (!Files.exists(profile)) {
      throw new PolicyException("profile does not exist: " + profile);
    }
    try {
      return parser.run(flag, profile);
    } catch (IOException e) {
      throw new PolicyException("failed to run apparmor_parser: " + e.getMessage());
    }
  }
}
