package guestarmor.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code TEMPLATE.<driver>}: the installed file, so an admin's edit is honoured; when it is absent,
 * the copy built into guestarmor (the same bytes the package installs).
 */
public final class Templates {
  private final Path dir;

  public Templates(Path dir) {
    this.dir = dir;
  }

  // The C helper's mapping (get_definition): qemu, kqemu, kvm use TEMPLATE.qemu, every other type TEMPLATE.<type>.
  private static String whyNotConfined(String driver) {
    return ": guestarmor confines qemu, kqemu and kvm domains (TEMPLATE.qemu) and lxc domains (TEMPLATE.lxc), the"
        + " drivers that libvirt's AppArmor security driver serves; a '" + driver + "' domain is not one of them"
        + (driver.equals("test") ? " (libvirt's test driver starts no process to confine)" : "");
  }

  public String read(String driver) throws PolicyException {
    String fileName = "TEMPLATE." + driver;
    Path installed = dir.resolve(fileName);
    try {
      if (Files.exists(installed)) {
        if (Files.size(installed) > ProfileStore.MAX_FILE_BYTES) {
          throw new PolicyException("template " + installed + " is larger than " + ProfileStore.MAX_FILE_BYTES + " bytes");
        }
        return Files.readString(installed, StandardCharsets.UTF_8);
      }
      try (InputStream bundled = Templates.class.getResourceAsStream("/guestarmor/templates/" + fileName)) {
        if (bundled == null) {
          throw new PolicyException("template does not exist: " + installed + whyNotConfined(driver));
        }
        return new String(bundled.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new PolicyException("failed to read AppArmor template " + installed + ": " + e.getMessage());
    }
  }
}
