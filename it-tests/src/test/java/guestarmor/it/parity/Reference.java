package guestarmor.it.parity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One C helper to compare with, as it-tests/oracle/fetch-oracle.sh left it: the Debian version of its
 * libvirt, how c-helper.sh runs it ({@code unpacked} or {@code chroot}), its root, and that version's corpus.
 */
record Reference(String label, String version, String kind, Path root, Path corpus) {
  static final Path PROPERTIES = Path.of(System.getProperty("guestarmor.oracle", "target/oracle.properties"));

  /** libvirt 9.0 of Debian 12 (the host's libvirt0) or 11.3 of Debian 13 (the trixie root). */
  static Reference of(String label) {
    return switch (label) {
      case "9.0" -> load(label, "libvirt9", "unpacked");
      case "11.3" -> load(label, "libvirt11", "chroot");
      default -> throw new IllegalArgumentException("no reference " + label);
    };
  }

  private static Reference load(String label, String key, String kind) {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(PROPERTIES)) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(PROPERTIES + ": the build writes it with it-tests/oracle/fetch-oracle.sh", e);
    }
    String version = p.getProperty(key + ".version");
    if (!version.startsWith(label + ".")) {
      throw new IllegalStateException(key + " is libvirt " + version + ", want " + label);
    }
    return new Reference(label, version, kind, Path.of(p.getProperty(key + ".root")),
        Path.of(p.getProperty(key + ".corpus")));
  }
}
