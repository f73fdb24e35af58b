package guestarmor.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's list of loaded profiles ({@code /sys/kernel/security/apparmor/profiles}). */
public final class LoadedProfiles {
  private final Path list;

  public LoadedProfiles(Path list) {
    this.list = list;
  }

  /** Whether the profile is loaded: a line {@code NAME (mode)}, as libvirt's profile_loaded() looks for. */
  public boolean isLoaded(String name) {
    try {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        if (line.startsWith(name + " ")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }
}
