package guestarmor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Host locations a guest may never get, or may only read. The lists are virt-aa-helper's
 * {@code valid_path()} tables (libvirt 9.0, with the firmware directories 11.x added).
 * Prefix tests are plain string prefixes, as in libvirt: {@code /lib} also covers {@code /lib64}.
 *
 * @param wholeOnly directories whose contents may be given to a guest but never the directory itself
 *     ({@code /dev}, {@code /root}, {@code /boot}, ...; decisions file, item 13)
 */
record RestrictedPaths(List<String> overrides, List<String> restricted, List<String> readOnly,
    List<String> wholeOnly) {

  public RestrictedPaths {
    overrides = List.copyOf(overrides);
    restricted = List.copyOf(restricted);
    readOnly = List.copyOf(readOnly);
    wholeOnly = List.copyOf(wholeOnly);
  }

  /** No restriction: a path resolved only ({@code guestarmor explain}). */
  static RestrictedPaths none() {
    return new RestrictedPaths(List.of(), List.of(), List.of(), List.of());
  }

  public static RestrictedPaths libvirt() {
    return withWholeOnly(
        List.of("/sys/devices/pci", "/sys/kernel/config/target/vhost", "/etc/libvirt-sandbox/services/"),
        List.of("/bin/", "/etc/", "/lib", "/lost+found/", "/proc/", "/sbin/", "/selinux/", "/sys/",
            "/usr/bin/", "/usr/lib", "/usr/sbin/", "/usr/share/", "/usr/local/bin/", "/usr/local/etc/",
            "/usr/local/lib", "/usr/local/sbin/"),
        List.of("/boot/", "/vmlinuz", "/initrd", "/initrd.img", "/usr/share/edk2/", "/usr/share/OVMF/",
            "/usr/share/ovmf/", "/usr/share/AAVMF/", "/usr/share/qemu-efi/", "/usr/share/qemu-efi-aarch64/",
            "/usr/lib/u-boot/", "/usr/lib/riscv64-linux-gnu/opensbi", "/usr/share/edk2-ovmf/",
            "/usr/share/qemu-efi-loongarch64/", "/usr/share/qemu-efi-riscv64/", "/usr/share/qemu/"));
  }

  // Their contents may be disks (/dev/sdb, /root/vm.img, a kernel under /boot/), the directories never as a whole:
  // every device, root's home, every kernel and the boot loader's configuration.
  private static RestrictedPaths withWholeOnly(List<String> overrides, List<String> restricted, List<String> readOnly) {
    List<String> whole = new ArrayList<>(List.of("/dev", "/root"));
    for (String ro : readOnly) {
      if (ro.endsWith("/")) {
        whole.add(ro.substring(0, ro.length() - 1));
      }
    }
    return new RestrictedPaths(overrides, restricted, readOnly, whole);
  }

  /** The same lists with more prefixes a guest may read (and not write). */
  public RestrictedPaths withReadOnly(String... prefixes) {
    List<String> more = new ArrayList<>(readOnly);
    more.addAll(List.of(prefixes));
    return new RestrictedPaths(overrides, restricted, more, wholeOnly);
  }

  /**
   * Why the path may not be opened with this access, or null when it may.
   *
   * @param write whether write access is asked for
   */
  public String refusal(String path, boolean write) {
    if (startsWithAny(path, overrides) != null) {
      return null;
    }
    String whole = directoryItself(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path);
    if (whole != null) {
      return whole;
    }
    String ro = startsWithAny(path, readOnly);
    if (ro != null) {
      return write ? "under " + ro + ", which a guest may only read" : null;
    }
    String r = startsWithAny(path, restricted);
    return r == null ? null : "under restricted " + r;
  }

  /**
   * Why a rule over everything under the directory would reach a location refused on its own, or null:
   * a share of {@code /usr} would hand out {@code /usr/bin/}, a writable one of {@code /} also {@code /boot/}.
   */
  public String enclosed(String dir, boolean write) {
    String d = dir.endsWith("/") ? dir : dir + "/";
    for (String r : restricted) {
      if (r.startsWith(d)) {
        return "contains restricted " + r;
      }
    }
    if (write) {
      for (String ro : readOnly) {
        if (ro.startsWith(d)) {
          return "contains " + ro + ", which a guest may only read";
        }
      }
    }
    return null;
  }

  /**
   * Why a path naming a restricted directory itself (not something under it) is refused, or null: virt-aa-helper's
   * prefixes end with a slash, so {@code /etc} passed them; a {@code type='dir'} disk of it would get the whole tree.
   */
  private String directoryItself(String dir) {
    if (wholeOnly.contains(dir)) {
      return "the host's " + dir + " directory, which a guest may not have as a whole";
    }
    for (String r : restricted) {
      if (r.endsWith("/") && dir.equals(r.substring(0, r.length() - 1))) {
        return "the restricted directory " + r;
      }
      if (!dir.equals("/") && r.startsWith(dir + "/")) {
        return "a directory that holds restricted " + r;
      }
    }
    return null;
  }

  private static String startsWithAny(String path, List<String> prefixes) {
    for (String p : prefixes) {
      if (path.startsWith(p)) {
        return p;
      }
    }
    return null;
  }
}
