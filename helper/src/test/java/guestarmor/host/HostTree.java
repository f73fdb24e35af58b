package guestarmor.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A fake machine for tests: real files, directories and symlinks under a temporary root, shaped like
 * the host's (/sys, /dev), and a {@link LiveHost} that sees that root as {@code /}.
 */
public final class HostTree {
  private final Path root;

  public HostTree(Path root) {
    this.root = root;
  }

  public LiveHost host() {
    return new LiveHost(root);
  }

  /** A file with this content (parent directories created); the path is in host form. */
  public HostTree file(String hostPath, String content) {
    try {
      Path p = at(hostPath);
      Files.createDirectories(p.getParent());
      Files.writeString(p, content, StandardCharsets.UTF_8);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A directory (and its parents). */
  public HostTree dir(String hostPath) {
    try {
      Files.createDirectories(at(hostPath));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A symlink with a relative target, as sysfs makes them ({@code ../../../devices/...}). */
  public HostTree symlink(String hostPath, String target) {
    try {
      Path p = at(hostPath);
      Files.createDirectories(p.getParent());
      Files.createSymbolicLink(p, Path.of(target));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A PCI device as sysfs shows it: the device directory under /sys/devices/pci0000:00/ holding these
   * attribute files, and the /sys/bus/pci/devices/NAME symlink to it.
   */
  public HostTree pciDevice(String name, String... attributes) {
    return pciDeviceAt("pci0000:00/" + name, name, attributes);
  }

  /** The same with the device directory at /sys/devices/DEVICEPATH. */
  public HostTree pciDeviceAt(String devicePath, String name, String... attributes) {
    for (String a : attributes) {
      file("/sys/devices/" + devicePath + "/" + a, "0x0000\n");
    }
    return symlink("/sys/bus/pci/devices/" + name, "../../../devices/" + devicePath);
  }

  /** A USB device under /sys/bus/usb/devices/NAME, with its /dev/bus/usb node. */
  public HostTree usbDevice(String name, String vendor, String product, int bus, int dev) {
    String d = "/sys/bus/usb/devices/" + name + "/";
    file(d + "idVendor", vendor + "\n");
    file(d + "idProduct", product + "\n");
    file(d + "busnum", bus + "\n");
    file(d + "devnum", dev + "\n");
    return file(String.format("/dev/bus/usb/%03d/%03d", bus, dev), "");
  }

  private Path at(String hostPath) {
    return root.resolve(hostPath.substring(1));
  }
}
