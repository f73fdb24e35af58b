package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void theHelpersOwnProfileCompiles() throws Exception {
    Run.of("apparmor_parser", "-QK", data.resolve("etc/apparmor.d/usr.lib.libvirt.virt-aa-helper").toString()).ok();
  }

  @Test
  void theHelpersProfileCompilesWithAnAdminsLocalRules() throws Exception {
    // include if exists <local/...>: an admin's file under local/ is picked up (here via -I).
    Path local = tmp.resolve("site/local/usr.lib.libvirt.virt-aa-helper");
    java.nio.file.Files.createDirectories(local.getParent());
    java.nio.file.Files.writeString(local, "  /srv/site-images/** r,\n");
    Run.of("apparmor_parser", "-QK", "-I", tmp.resolve("site").toString(),
        data.resolve("etc/apparmor.d/usr.lib.libvirt.virt-aa-helper").toString()).ok();
  }

  @Test
  void theHelpersProfileHasTheNameOfDebiansSoLoadingEitherReplacesTheOther() throws Exception {
    String ours = Run.of("apparmor_parser", "-N", data.resolve("etc/apparmor.d/usr.lib.libvirt.virt-aa-helper").toString()).ok().out();
    String debians = Run.of("apparmor_parser", "-N", "-I", libvirtPolicy.toString(),
        libvirtPolicy.resolve("usr.lib.libvirt.virt-aa-helper").toString()).ok().out();
    assertEquals("virt-aa-helper\n", ours);
    assertEquals(debians, ours);
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
