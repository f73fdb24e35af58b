package guestarmor.it.admin;

import guestarmor.it.Checkout;
import java.nio.file.Path;

/**
 * Where apparmor_parser finds {@code abstractions/libvirt-qemu}, which TEMPLATE.qemu includes:
 * Debian's libvirt-daemon-system policy, fetched once by the build (it-tests/fetch-libvirt-abstractions.sh).
 */
final class DebianAbstractions {
  private DebianAbstractions() {}

  static Path includeDir(Path unusedTmp) {
    return Checkout.libvirtPolicy();
  }
}
