package guestarmor.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The kernel's list of loaded profiles ({@code /sys/kernel/security/apparmor/profiles}). */
public final class LoadedProfiles {
  /** The kernel's list, one {@code NAME (mode)} a line (libvirt's profile_loaded() reads it). */
  public static final Path KERNEL_LIST = Path.of("/sys/kernel/security/apparmor/profiles");

  private final Path list;

  public LoadedProfiles(Path list) {
    this.list = list;
  }

  /** Whether the profile is loaded: a line {@code NAME (mode)}, as libvirt's profile_loaded() looks for. */
  public boolean isLoaded(String name) {
    return mode(name) != null;
  }

  /** The mode the kernel has the profile in ({@code enforce}, {@code complain}, ...), or null when not loaded. */
  public String mode(String name) {
    try {
      for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
        if (line.startsWith(name + " ")) {
          String mode = line.substring(name.length() + 1).strip();
          return mode.startsWith("(") && mode.endsWith(")") ? mode.substring(1, mode.length() - 1) : mode;
        }
      }
      return null;
    } catch (IOException e) {
      return null;
    }
  }
}
