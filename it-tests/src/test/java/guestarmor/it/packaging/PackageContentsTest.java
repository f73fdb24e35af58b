package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The .deb that mvn package built, read with dpkg-deb: control fields, files, conffiles, scripts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PackageContentsTest {
  @TempDir
  Path tmp;

  /** path (without the leading '.') -> mode string as dpkg-deb --contents prints it, e.g. -rwxr-xr-x */
  private Map<String, String> files;

  @BeforeAll
  void listThePackage() throws Exception {
    files = new TreeMap<>();
    for (String line : Run.of("dpkg-deb", "--contents", Packaged.deb().toString()).ok().out().split("\n")) {
      String[] f = line.trim().split("\\s+");
      files.put(f[f.length - 1].substring(1), f[0]);
    }
  }

  @Test
  void theControlFieldsDeclareAnArchitectureIndependentPackageThatNeedsAHeadlessJre17AndApparmor() throws Exception {
    String fields = Run.of("dpkg-deb", "--field", Packaged.deb().toString(),
        "Package", "Version", "Architecture", "Depends", "Recommends").ok().out();
    assertEquals("""
        Package: guestarmor
        Version: 0.1.0
        Architecture: all
        Depends: default-jre-headless (>= 2:1.17) | openjdk-17-jre-headless | java17-runtime-headless, apparmor
        Recommends: libvirt-daemon-system
        """, fields);
  }

  @Test
  void dpkgDebAcceptsThePackageAndItsDescription() throws Exception {
    String info = Run.of("dpkg-deb", "--info", Packaged.deb().toString()).ok().out();
    assertTrue(info.contains(" Description: drop-in Java replacement for libvirt's virt-aa-helper\n"), info);
    assertTrue(info.contains(" Installed-Size: "), info);
  }

  @Test
  void onlyTheTwoTemplatesAreConffiles() throws Exception {
    // The helper's profile is not one: dpkg keeps conffiles on remove, which would block giving
    // Debian's profile back; site rules go in local/.
    String conffiles = Run.of("dpkg-deb", "--info", Packaged.deb().toString(), "conffiles").ok().out();
    assertEquals("/etc/apparmor.d/libvirt/TEMPLATE.lxc\n/etc/apparmor.d/libvirt/TEMPLATE.qemu\n", conffiles);
  }

  @Test
  void theLaunchersAreExecutableAndEverythingElseIsReadOnly() {
    Map<String, String> expected = new TreeMap<>(Map.of(
        "/usr/lib/libvirt/virt-aa-helper", "-rwxr-xr-x",
        "/usr/bin/guestarmor", "-rwxr-xr-x",
        "/usr/share/guestarmor/guestarmor-helper.jar", "-rw-r--r--",
        "/usr/share/guestarmor/guestarmor-templates.jar", "-rw-r--r--",
        "/usr/share/guestarmor/guestarmor-admin.jar", "-rw-r--r--",
        "/usr/share/guestarmor/cds-training.xml", "-rw-r--r--",
        "/usr/share/guestarmor/apparmor/usr.lib.libvirt.virt-aa-helper", "-rw-r--r--",
        "/etc/apparmor.d/libvirt/TEMPLATE.qemu", "-rw-r--r--",
        "/etc/apparmor.d/libvirt/TEMPLATE.lxc", "-rw-r--r--",
        "/usr/share/man/man8/guestarmor-virt-aa-helper.8.gz", "-rw-r--r--"));
    expected.put("/etc/apparmor.d/usr/virt-aa-helper.d/guestarmor", "-rw-r--r--");
    expected.forEach((path, mode) -> assertEquals(mode, files.get(path), path));
  }

  @Test
  void theAdminToolsLibrariesShipInLibWithoutASecondCopyOfGuestarmorsJars() throws Exception {
    TreeSet<String> expected = jarNames(Packaged.root().resolve("admin/target/lib"));
    expected.removeIf(n -> n.startsWith("guestarmor-"));
    TreeSet<String> shipped = files.keySet().stream().filter(p -> p.startsWith("/usr/share/guestarmor/lib/") && p.endsWith(".jar"))
        .map(p -> p.substring("/usr/share/guestarmor/lib/".length())).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, shipped);
    assertTrue(shipped.contains("picocli.jar"), shipped.toString());
  }

  @Test
  void theAdminToolsManPagesAndCompletionShipWhenTheAdminModuleGeneratedThem() throws Exception {
    Path man = Packaged.root().resolve("admin/target/man");
    TreeSet<String> generated = new TreeSet<>();
    if (Files.isDirectory(man)) {
      try (Stream<Path> s = Files.list(man)) {
        s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".1"))
            .forEach(n -> generated.add("/usr/share/man/man1/" + n + ".gz"));
      }
    }
    TreeSet<String> shipped = files.keySet().stream().filter(p -> p.startsWith("/usr/share/man/man1/") && p.endsWith(".gz"))
        .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(generated, shipped);
    boolean completion = Files.isRegularFile(Packaged.root().resolve("admin/target/completion/guestarmor"));
    assertEquals(completion, files.containsKey("/usr/share/bash-completion/completions/guestarmor"));
  }

  @Test
  void theShippedTemplatesAreTheProjectsTemplatesByteForByte() throws Exception {
    Path data = Packaged.extract(tmp.resolve("data"));
    for (String t : List.of("TEMPLATE.qemu", "TEMPLATE.lxc")) {
      assertArrayEquals(Files.readAllBytes(Packaged.root().resolve("templates").resolve(t)),
          Files.readAllBytes(data.resolve("etc/apparmor.d/libvirt").resolve(t)), t);
    }
  }

  @Test
  void theManPageIsGzippedTroffThatManRendersWithoutWarnings() throws Exception {
    Path data = Packaged.extract(tmp.resolve("man"));
    Run run = Run.of("man", "--warnings", "-l", data.resolve("usr/share/man/man8/guestarmor-virt-aa-helper.8.gz").toString()).ok();
    assertTrue(run.out().contains("/usr/lib/libvirt/virt-aa-helper.distrib"), run.out());
    assertEquals("", run.err());
  }

  @Test
  void theMaintainerScriptsAreExecutableShellScriptsThatParse() throws Exception {
    Path control = tmp.resolve("control");
    Run.of("dpkg-deb", "--control", Packaged.deb().toString(), control.toString()).ok();
    for (String script : List.of("preinst", "postinst", "prerm", "postrm")) {
      Path file = control.resolve(script);
      assertTrue(Files.isExecutable(file), script);
      assertTrue(Files.readString(file).startsWith("#!/bin/sh\n"), script);
      Run.of("sh", "-n", file.toString()).ok();
    }
  }

  @Test
  void theInstalledLauncherAndPostinstRunTheJvmWithTheFlagsOfTheOneFlagsFile() throws Exception {
    List<String> flags = Files.readAllLines(Packaged.root().resolve("helper/src/main/jvm/jvm.flags")).stream()
        .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertEquals(10, flags.size(), flags.toString());
    String joined = String.join(" ", flags);
    String launcher = Files.readString(Packaged.extract(tmp.resolve("flags")).resolve("usr/lib/libvirt/virt-aa-helper"));
    List<String> launcherFlags = launcher.lines().filter(l -> l.startsWith("  -XX:")).toList();
    assertEquals(List.of("  " + joined + " \\"), launcherFlags, launcher);
    Path control = tmp.resolve("flags-control");
    Run.of("dpkg-deb", "--control", Packaged.deb().toString(), control.toString()).ok();
    String postinst = Files.readString(control.resolve("postinst"));
    assertEquals(List.of("FLAGS=\"" + joined + "\""), postinst.lines().filter(l -> l.startsWith("FLAGS=")).toList());
    assertTrue(!launcher.contains("@JVM_FLAGS@") && !postinst.contains("@JVM_FLAGS@"), "every token replaced");
  }

  @Test
  void aJdkUpgradeTriggersARebuildOfTheClassDataArchive() throws Exception {
    String triggers = Run.of("dpkg-deb", "--info", Packaged.deb().toString(), "triggers").ok().out();
    assertTrue(triggers.lines().anyMatch("interest-noawait /usr/lib/jvm"::equals), triggers);
  }

  @Test
  void aPolicyFileComingOrGoingTriggersTheChoiceOfTheHelpersProfile() throws Exception {
    String triggers = Run.of("dpkg-deb", "--info", Packaged.deb().toString(), "triggers").ok().out();
    assertTrue(triggers.lines().anyMatch("interest-noawait /etc/apparmor.d"::equals), triggers);
  }

  @Test
  void noFileOfThePackageInEtcApparmorDDeclaresAProfileSoNoneCanClashWithApparmordsByName() {
    // The helper's profile is copied in by postinst only when no other file declares its name.
    assertEquals(List.of("/etc/apparmor.d/libvirt/TEMPLATE.lxc", "/etc/apparmor.d/libvirt/TEMPLATE.qemu",
        "/etc/apparmor.d/usr/virt-aa-helper.d/guestarmor"),
        files.keySet().stream().filter(p -> p.startsWith("/etc/apparmor.d/") && !files.get(p).startsWith("d")).toList());
  }

  private static TreeSet<String> jarNames(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
