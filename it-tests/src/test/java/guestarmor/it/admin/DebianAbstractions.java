package guestarmor.it.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where apparmor_parser finds {@code abstractions/libvirt-qemu}, which TEMPLATE.qemu includes: the
 * installed /etc/apparmor.d when libvirt-daemon-system is installed, else Debian's package unpacked
 * into a temporary directory ({@code apt-get download} and {@code dpkg -x}, as CI does).
 */
final class DebianAbstractions {
  private DebianAbstractions() {}

  static Path includeDir(Path tmp) throws IOException, InterruptedException {
    if (Files.exists(Path.of("/etc/apparmor.d/abstractions/libvirt-qemu"))
        && Files.exists(Path.of("/etc/apparmor.d/local/abstractions/libvirt-qemu"))) {
      return Path.of("/etc/apparmor.d");
    }
    Path download = Files.createDirectories(tmp.resolve("deb"));
    Run got = Run.exec(List.of("sh", "-c", "cd '" + download + "' && apt-get download libvirt-daemon-system"), null);
    if (got.status() != 0) {
      throw new IOException("apt-get download libvirt-daemon-system failed: " + got);
    }
    Path root = tmp.resolve("root");
    Run x = Run.exec(List.of("sh", "-c", "dpkg -x '" + download + "'/libvirt-daemon-system_*.deb '" + root + "'"), null);
    if (x.status() != 0) {
      throw new IOException("dpkg -x failed: " + x);
    }
    Path etc = root.resolve("etc/apparmor.d");
    // abstractions/libvirt-qemu includes local/abstractions/libvirt-qemu, which the package's postinst creates
    Path local = Files.createDirectories(etc.resolve("local/abstractions"));
    Files.writeString(local.resolve("libvirt-qemu"), "");
    return etc;
  }
}
