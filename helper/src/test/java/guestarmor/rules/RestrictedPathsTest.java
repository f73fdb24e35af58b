package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** virt-aa-helper's valid_path() lists (behaviour 4.4): plain string prefixes, case-sensitive. */
class RestrictedPathsTest {
  private final RestrictedPaths paths = RestrictedPaths.libvirt();

  @Test
  void libWithoutSlashAlsoCoversLib64AndLibrary() {
    assertEquals("under restricted /lib", paths.refusal("/lib64/ld-linux-x86-64.so.2", false));
    assertEquals("under restricted /lib", paths.refusal("/library/x", false));
    assertEquals("under restricted /usr/lib", paths.refusal("/usr/lib64/x", false));
    assertEquals("under restricted /usr/local/lib", paths.refusal("/usr/local/libexec/x", false));
  }

  @Test
  void prefixesWithASlashDoNotCoverLongerNames() {
    assertNull(paths.refusal("/etcetera/x", true));
    assertNull(paths.refusal("/binaries/x", true));
    assertNull(paths.refusal("/process/x", true));
    assertEquals("under restricted /etc/", paths.refusal("/etc/x", false));
  }

  @Test
  void everyRestrictedPrefixIsRefusedEvenForReading() {
    for (String p : new String[] {"/bin/", "/etc/", "/lost+found/", "/proc/", "/sbin/", "/selinux/", "/sys/",
        "/usr/bin/", "/usr/sbin/", "/usr/share/", "/usr/local/bin/", "/usr/local/etc/", "/usr/local/sbin/"}) {
      assertEquals("under restricted " + p, paths.refusal(p + "x", false), p);
    }
  }

  @Test
  void overridesWinOverTheRestrictedSys() {
    assertNull(paths.refusal("/sys/devices/pci0000:00/0000:00:02.0/config", true));
    assertNull(paths.refusal("/sys/kernel/config/target/vhost/naa.1", true));
    assertNull(paths.refusal("/etc/libvirt-sandbox/services/x", true));
    assertEquals("under restricted /sys/", paths.refusal("/sys/kernel/x", false));
  }

  @Test
  void readOnlyPrefixesAllowReadingAndRefuseWriting() {
    for (String p : new String[] {"/boot/", "/vmlinuz", "/initrd", "/initrd.img", "/usr/share/edk2/",
        "/usr/share/OVMF/", "/usr/share/ovmf/", "/usr/share/AAVMF/", "/usr/share/qemu-efi/",
        "/usr/share/qemu-efi-aarch64/", "/usr/lib/u-boot/", "/usr/share/edk2-ovmf/",
        "/usr/share/qemu-efi-riscv64/"}) {
      assertNull(paths.refusal(p + "x", false), p);
    }
    assertEquals("under /boot/, which a guest may only read", paths.refusal("/boot/vmlinuz", true));
    assertEquals("under /vmlinuz, which a guest may only read", paths.refusal("/vmlinuz.old", true));
    assertEquals("under /initrd, which a guest may only read", paths.refusal("/initrdfoo", true));
  }

  @Test
  void prefixTestsAreCaseSensitive() {
    assertNull(paths.refusal("/ETC/passwd", true));
    assertEquals("under restricted /usr/share/", paths.refusal("/usr/share/ovmf2/x", false));
  }

  @Test
  void devAndTheRootAreNotRestricted() {
    assertNull(paths.refusal("/dev/sdb", true));
    assertNull(paths.refusal("/", true));
  }

  @Test
  void everyRestrictedDirectoryItselfIsRefusedWithOrWithoutItsSlash() {
    int dirs = 0;
    for (String p : paths.restricted()) {
      if (p.endsWith("/")) {
        String dir = p.substring(0, p.length() - 1);
        assertEquals("the restricted directory " + p, paths.refusal(dir, false), dir);
        assertEquals("the restricted directory " + p, paths.refusal(dir, true), dir);
        assertEquals("the restricted directory " + p, paths.refusal(p, false), p);
        dirs++;
      }
    }
    assertEquals(13, dirs); // every prefix but /lib, /usr/lib and /usr/local/lib, which match their own name already
    assertEquals("under restricted /lib", paths.refusal("/lib", false));
  }

  @Test
  void aDirectoryThatHoldsRestrictedOnesIsRefused() {
    assertEquals("a directory that holds restricted /usr/bin/", paths.refusal("/usr", false));
    assertEquals("a directory that holds restricted /usr/bin/", paths.refusal("/usr/", false));
    assertEquals("a directory that holds restricted /usr/local/bin/", paths.refusal("/usr/local", false));
  }

  @Test
  void devAndRootThemselvesAreRefusedButNotWhatTheyHold() {
    assertEquals("the host's /dev directory, which a guest may not have as a whole", paths.refusal("/dev", false));
    assertEquals("the host's /dev directory, which a guest may not have as a whole", paths.refusal("/dev/", false));
    assertEquals("the host's /root directory, which a guest may not have as a whole", paths.refusal("/root", true));
    assertNull(paths.refusal("/dev/sdb", true));
    assertNull(paths.refusal("/root/vm.img", true));
  }

  @Test
  void bootItselfIsRefusedThoughItsFilesMayBeRead() {
    assertEquals("the host's /boot directory, which a guest may not have as a whole", paths.refusal("/boot", false));
    assertEquals("the host's /usr/share/OVMF directory, which a guest may not have as a whole",
        paths.refusal("/usr/share/OVMF/", false));
    assertNull(paths.refusal("/boot/vmlinuz", false));
  }

  @Test
  void aReadOnlyPrefixAddedForOneDeviceFamilyMayBeHadWhole() {
    assertNull(paths.withReadOnly("/etc/pki/nssdb/").refusal("/etc/pki/nssdb/", false));
  }

  @Test
  void theOverridesUnderSysStillWin() {
    assertNull(paths.refusal("/sys/devices/pci0000:00", true));
    assertEquals("the restricted directory /sys/", paths.refusal("/sys", false));
  }
}
