package guestarmor.image;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a name stored in a header into the host path it stands for: an absolute name is already one
 * (its file is found under the host's root by {@link HostFiles}, never on the helper's own {@code /}).
 */
final class BackingName {
  private BackingName() {}

  /**
   * The host path a backing or data-file name refers to, relative names resolved against the directory
   * of the referencing image (as qemu and libvirt's virStorageSourceNewFromBackingRelative do); empty for
   * a name that is not a local file.
   */
  static Optional<String> resolve(String referencingImage, String name) {
    if (name == null || name.isEmpty() || isProtocol(name)) {
      return Optional.empty();
    }
    try {
      Path path = Path.of(name);
      Path directory = Path.of(referencingImage).getParent();
      return Optional.of(path.isAbsolute() || directory == null
          ? path.toString() : directory.resolve(path).toString());
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }

  // libvirt's virStorageIsFile: a colon before the first slash is a protocol (nbd:, rbd:, json:, http://).
  private static boolean isProtocol(String name) {
    int colon = name.indexOf(':');
    int slash = name.indexOf('/');
    return colon >= 0 && (slash < 0 || colon < slash);
  }
}
