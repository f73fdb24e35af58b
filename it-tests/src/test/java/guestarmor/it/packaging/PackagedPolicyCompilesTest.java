package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AppArmor files in the .deb compile with the real apparmor_parser (-QK: no kernel, no cache)
 * against this machine's abstractions (package apparmor) and Debian's libvirt abstractions
 * (libvirt-daemon-system, fetched by it-tests/fetch-libvirt-abstractions.sh).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackagedPolicyCompilesTest {
  private Path tmp;
  private Path data;
  private Path libvirtPolicy;

  @BeforeAll
  void extract(@TempDir Path dir) throws Exception {
    tmp = dir;
    data = Packaged.extract(tmp.resolve("data"));
    libvirtPolicy = Packaged.libvirtPolicy();
  }

  @Test
  void theHelpersOwnProfileCompilesWithTheDropInOnAppArmor30() throws Exception {
    // The drop-in (etc/apparmor.d/usr/virt-aa-helper.d/guestarmor) found through -I; it uses only
    // variables this machine's AppArmor 3.0 tunables define.
    Run.of("apparmor_parser", "-QK", "-I", data.resolve("etc/apparmor.d").toString(), ourProfile()).ok();
    String expanded = Run.of("apparmor_parser", "-p", "-I", data.resolve("etc/apparmor.d").toString(), ourProfile()).ok().out();
    assertTrue(expanded.contains("/usr/lib/jvm/*/bin/java mrix,"), expanded);
  }

  @Test
  void theHelpersProfileCompilesWithAnAdminsLocalRules() throws Exception {
    // include if exists <local/...>: an admin's file under local/ is picked up (here via -I).
    Path local = tmp.resolve("site/local/usr.lib.libvirt.virt-aa-helper");
    java.nio.file.Files.createDirectories(local.getParent());
    java.nio.file.Files.writeString(local, "  /srv/site-images/** r,\n");
    Run.of("apparmor_parser", "-QK", "-I", tmp.resolve("site").toString(), "-I", data.resolve("etc/apparmor.d").toString(),
        ourProfile()).ok();
  }

  @Test
  void theHelpersProfileHasTheNameOfDebiansSoLoadingEitherReplacesTheOther() throws Exception {
    String ours = Run.of("apparmor_parser", "-N", "-I", data.resolve("etc/apparmor.d").toString(), ourProfile()).ok().out();
    String debians = Run.of("apparmor_parser", "-N", "-I", libvirtPolicy.toString(),
        libvirtPolicy.resolve("usr.lib.libvirt.virt-aa-helper").toString()).ok().out();
    assertEquals("virt-aa-helper\n", ours);
    assertEquals(debians, ours);
  }

  /** Shipped outside /etc/apparmor.d: postinst copies it there only while no other profile has its name. */
  private String ourProfile() {
    return data.resolve("usr/share/guestarmor/apparmor/usr.lib.libvirt.virt-aa-helper").toString();
  }

  @Test
  void theQemuTemplateCompilesAgainstDebiansLibvirtQemuAbstraction() throws Exception {
    Run.of("apparmor_parser", "-QK", "-I", libvirtPolicy.toString(),
        data.resolve("etc/apparmor.d/libvirt/TEMPLATE.qemu").toString()).ok();
  }

  @Test
  void theLxcTemplateCompilesAgainstDebiansLibvirtLxcAbstraction() throws Exception {
    Run.of("apparmor_parser", "-QK", "-I", libvirtPolicy.toString(),
        data.resolve("etc/apparmor.d/libvirt/TEMPLATE.lxc").toString()).ok();
  }
}
