package guestarmor.image;

import java.nio.file.Path;

/**
 * Where the chain walk finds the file behind a host path ({@code /var/lib/libvirt/images/base.qcow2}):
 * under the machine's root, which is {@code /} in production and a test's tree otherwise. Every layer
 * and every name a header stores is a host path; only this turns one into a file to open.
 */
public interface HostFiles {

  /** The file standing for the host path; null when none can (no valid path, or it resolves outside the root). */
  Path file(String hostPath);
}
