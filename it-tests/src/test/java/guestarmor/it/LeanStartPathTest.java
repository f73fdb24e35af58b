package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libvirtd waits for every helper call: nothing heavy may load on its path (decisions file, section 6). */
class LeanStartPathTest {
  /** Class name prefixes that must never load in virt-aa-helper: the admin tool's libraries and JAXB. */
  static final List<String> FORBIDDEN = List.of("picocli.", "org.libvirt.", "com.sun.jna.", "jakarta.xml.bind.",
      "javax.xml.bind.", "org.glassfish.jaxb.", "guestarmor.admin.");

  @TempDir Path tmp;

  @Test
  void aDryRunLoadsNoClassFromPicocliLibvirtJavaJnaOrJaxb() throws Exception {
    Path log = tmp.resolve("classes.log");
    String cp = Checkout.root().resolve("helper/target/guestarmor-helper.jar") + ":"
        + Checkout.root().resolve("templates/target/guestarmor-templates.jar") + ":"
        + adminClassPath();
    Checkout.Result r = Checkout.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp", cp, "guestarmor.cli.VirtAaHelper",
        "-d", "-r", "-u", HelperLauncherTest.NAME), Files.readAllBytes(Checkout.example("web01.xml")));
    assertEquals(0, r.status(), r.stderr());
    List<String> loaded = Files.readAllLines(log);
    assertTrue(loaded.stream().anyMatch(l -> l.contains("guestarmor.cli.VirtAaHelper ")), "the log names our classes");
    List<String> forbidden = loaded.stream().filter(l -> FORBIDDEN.stream().anyMatch(l::contains))
        .collect(Collectors.toList());
    assertEquals(List.of(), forbidden);
  }

  // The admin jar and its libraries on the class path too: present is not the same as loaded.
  private static String adminClassPath() throws Exception {
    Path admin = Checkout.root().resolve("admin/target");
    StringBuilder cp = new StringBuilder(admin.resolve("guestarmor-admin.jar").toString());
    Path lib = admin.resolve("lib");
    if (Files.isDirectory(lib)) {
      try (var jars = Files.list(lib)) {
        jars.forEach(j -> cp.append(':').append(j));
      }
    }
    return cp.toString();
  }
}
