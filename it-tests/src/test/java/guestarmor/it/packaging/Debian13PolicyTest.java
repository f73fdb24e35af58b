package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The package against Debian 13 (trixie), as far as this Debian 12 machine can run it: trixie's own
 * apparmor_parser 4.1 (with trixie's glibc) compiles the package's AppArmor files against trixie's policy,
 * trixie's libvirt ships every file the package diverts at the path it diverts, and the dependencies resolve
 * from trixie's package lists (it-tests/fetch-trixie-policy.sh fetches all of it). Under real libvirtd on
 * trixie: scripts/e2e --release=trixie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Debian13PolicyTest {
  private static final String HELPER_PROFILE = "etc/apparmor.d/usr.lib.libvirt.virt-aa-helper";
  /** Where the package ships its own: postinst copies it to HELPER_PROFILE while no other profile has its name. */
  private static final String OUR_PROFILE = "usr/share/guestarmor/apparmor/usr.lib.libvirt.virt-aa-helper";

  private Path tmp;
  private Path data;
  private Path trixie;

  @BeforeAll
  void fetchTrixieAndExtractThePackage(@TempDir Path dir) throws Exception {
    tmp = dir;
    data = Packaged.extract(tmp.resolve("data"));
    Path dest = Packaged.root().resolve("it-tests/target/trixie-policy");
    trixie = Path.of(Run.of(Packaged.root().resolve("it-tests/fetch-trixie-policy.sh").toString(), dest.toString())
        .ok().out().strip());
  }

  @Test
  void trixiesParserIsApparmor41() throws Exception {
    assertTrue(parser("--version").ok().out().startsWith("AppArmor parser version 4.1."));
  }

  @Test
  void theHelpersProfileCompilesWithTrixiesParserAsDeclaredAndUnderAbi40Rules() throws Exception {
    // One file for both releases: abi/3.0 is the newest bookworm's parser has; 4.1 must also accept every rule under 4.0.
    String profile = data.resolve(OUR_PROFILE).toString();
    String dropIn = data.resolve("etc/apparmor.d").toString(); // its include <usr/virt-aa-helper.d/guestarmor>
    assertTrue(Files.readString(data.resolve(OUR_PROFILE)).contains("\nabi <abi/3.0>,\n"));
    parser("-QK", "-I", dropIn, profile).ok();
    parser("-QK", "-I", dropIn, "--override-policy-abi=" + trixie.resolve("root/etc/apparmor.d/abi/4.0"), profile).ok();
  }

  @Test
  void theTemplatesCompileWithTrixiesParserAgainstTrixiesLibvirtAbstractions() throws Exception {
    for (String template : List.of("TEMPLATE.qemu", "TEMPLATE.lxc")) {
      parser("-QK", data.resolve("etc/apparmor.d/libvirt").resolve(template).toString()).ok();
    }
    assertTrue(Files.isRegularFile(trixie.resolve("root/etc/apparmor.d/abstractions/libvirt-qemu")));
    assertTrue(Files.isRegularFile(trixie.resolve("root/etc/apparmor.d/abstractions/libvirt-lxc")));
  }

  @Test
  void theHelpersProfileHasTheNameOfTrixiesStockProfileSoLoadingEitherReplacesTheOther() throws Exception {
    assertEquals("virt-aa-helper\n", parser("-N", "-I", data.resolve("etc/apparmor.d").toString(),
        data.resolve(OUR_PROFILE).toString()).ok().out());
    assertEquals("virt-aa-helper\n", parser("-N", trixie.resolve("root").resolve(HELPER_PROFILE).toString()).ok().out());
  }

  @Test
  void trixiesLibvirtShipsEveryDivertedFileAtTheDivertedPathInTheseFourPackages() throws Exception {
    // The paths preinst diverts (as on Debian 12), and the trixie package found shipping each (11.3 split the daemon).
    Map<String, String> expected = new TreeMap<>(Map.of(
        "/usr/lib/libvirt/virt-aa-helper", "libvirt-daemon",
        "/etc/apparmor.d/usr.lib.libvirt.virt-aa-helper", "libvirt-daemon-common",
        "/etc/apparmor.d/libvirt/TEMPLATE.qemu", "libvirt-daemon-driver-qemu",
        "/etc/apparmor.d/libvirt/TEMPLATE.lxc", "libvirt-daemon-driver-lxc"));
    Map<String, String> shipper = new TreeMap<>();
    try (var debs = Files.list(trixie.resolve("debs"))) {
      for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
        String pkg = Run.of("dpkg-deb", "--field", deb.toString(), "Package").ok().out().strip();
        for (String line : Run.of("dpkg-deb", "--contents", deb.toString()).ok().out().split("\n")) {
          String path = line.substring(line.lastIndexOf(' ') + 1).substring(1);
          if (expected.containsKey(path)) {
            shipper.put(path, pkg);
          }
        }
      }
    }
    assertEquals(expected, shipper);
  }

  @Test
  void theDependenciesResolveFromTrixiesListsWithItsDefaultJre21() throws Exception {
    String plan = simulateInstall(trixie.resolve("apt/apt.conf"));
    assertTrue(plan.contains("\nInst default-jre-headless (2:1.21"), plan);
    assertTrue(plan.contains("\nInst openjdk-21-jre-headless "), plan);
    assertTrue(plan.contains("\nInst apparmor (4.1"), plan);
    assertTrue(plan.contains("\nConf guestarmor (0.1.0 "), plan);
  }

  @Test
  void theDependenciesResolveFromBookwormsListsWithItsDefaultJre17() throws Exception {
    // This machine's lists, an empty dpkg status: everything the package needs, from nothing.
    Path status = Files.createFile(tmp.resolve("bookworm.status"));
    Path conf = Files.writeString(tmp.resolve("bookworm.apt.conf"), "Dir::State::status \"" + status + "\";\n");
    String plan = simulateInstall(conf);
    assertTrue(plan.contains("\nInst default-jre-headless (2:1.17"), plan);
    assertTrue(plan.contains("\nInst openjdk-17-jre-headless "), plan);
    assertTrue(plan.contains("\nInst apparmor (3.0"), plan);
    assertTrue(plan.contains("\nConf guestarmor (0.1.0 "), plan);
  }

  /** apt-get's plan (-s: nothing is installed) for installing the .deb on a machine with nothing installed. */
  private static String simulateInstall(Path aptConf) throws IOException, InterruptedException {
    Run run = Run.of("env", "APT_CONFIG=" + aptConf, "apt-get", "-s", "-q", "--no-install-recommends", "install",
        Packaged.deb().toString());
    return "\n" + run.ok().out();
  }

  private Run parser(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>();
    argv.add(trixie.resolve("apparmor_parser").toString());
    argv.addAll(List.of(args));
    return Run.of(argv);
  }
}
