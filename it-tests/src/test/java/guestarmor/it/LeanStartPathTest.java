package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** libvirtd waits for every helper call: nothing heavy may load on its path (docs/decisions.md section 6, budgets). */
class LeanStartPathTest {
  /**
   * Class name prefixes that must never load in virt-aa-helper: the admin tool's libraries, JAXB, and the
   * JDK's XML parser (the helper reads the domain XML with its own StrictXmlParser, docs/decisions.md).
   */
  static final List<String> FORBIDDEN = List.of("picocli.", "org.libvirt.", "com.sun.jna.", "jakarta.xml.bind.",
      "javax.xml.", "org.glassfish.jaxb.", "guestarmor.admin.", "com.sun.org.apache.xerces.", "com.sun.xml.internal.",
      "jdk.xml.internal.");

  @TempDir Path tmp;

  @Test
  void aDryRunLoadsNoClassFromPicocliLibvirtJavaJnaJaxbOrTheJdksXmlParser() throws Exception {
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

  /**
   * What a writing call must not load either (issue 14): the JDK's security providers (a JCA digest, or
   * Files.createTempFile's SecureRandom: about 7 ms on 17) and java.util.regex (its first use spins
   * method-handle classes, about 6 ms on 17).
   */
  static final List<String> NOT_WHEN_WRITING = List.of("java.security.MessageDigest ", "java.security.SecureRandom ",
      "sun.security.jca.", "sun.security.provider.", "java.util.regex.Pattern ");

  @Test
  void aCreateAndAHotplugLoadNoSecurityProviderAndNoRegex() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("libvirt"));
    Path kernelList = Files.writeString(tmp.resolve("profiles"), "");
    String cp = Checkout.root().resolve("helper/target/guestarmor-helper.jar") + ":"
        + Checkout.root().resolve("templates/target/guestarmor-templates.jar");
    byte[] xml = Files.readAllBytes(Checkout.example("web01.xml"));
    List<List<String>> calls = List.of(List.of("-c"), List.of("-r", "-F", tmp.resolve("hotplug.qcow2").toString()));
    int logged = 0;
    for (List<String> mode : calls) {
      Path log = tmp.resolve("classes-" + logged + ".log");
      List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Xlog:class+load=info:file=" + log, "-cp", cp, "guestarmor.cli.VirtAaHelper"));
      cmd.addAll(mode);
      // /bin/true stands in for the parser: this test watches the helper's own class loading, not a compile
      cmd.addAll(List.of("-u", HelperLauncherTest.NAME, "--profile-dir", dir.toString(), "--parser", "/bin/true",
          "--loaded-profiles", kernelList.toString()));
      Checkout.Result r = Checkout.run(cmd, xml);
      assertEquals(0, r.status(), r.stderr());
      List<String> loaded = Files.readAllLines(log);
      assertTrue(loaded.stream().anyMatch(l -> l.contains("guestarmor.store.ProfileChange ")), "the call wrote files");
      assertEquals(List.of(), loaded.stream().filter(l -> NOT_WHEN_WRITING.stream().anyMatch(l::contains))
          .collect(Collectors.toList()), String.join(" ", mode));
      logged++;
    }
    assertEquals(2, logged);
    assertTrue(Files.readString(dir.resolve(HelperLauncherTest.NAME + ".files")).contains("hotplug.qcow2"));
  }

  @Test
  void theHelperIsCompiledWithoutInvokedynamicStringConcatenation() throws Exception {
    // -XDstringConcat=inline (helper/pom.xml): JDK 17 spins method-handle classes per concat shape at start-up.
    List<String> indyConcat = new ArrayList<>();
    try (JarFile jar = new JarFile(Checkout.root().resolve("helper/target/guestarmor-helper.jar").toFile())) {
      for (JarEntry e : Collections.list(jar.entries())) {
        if (e.getName().endsWith(".class")) {
          String bytes = new String(jar.getInputStream(e).readAllBytes(), StandardCharsets.ISO_8859_1);
          if (bytes.contains("makeConcatWithConstants")) {
            indyConcat.add(e.getName());
          }
        }
      }
    }
    assertEquals(List.of(), indyConcat);
  }

  @Test
  void theLauncherBuildsAClassDataArchiveAndLeavesStdoutEmpty() throws Exception {
    Path archives = Checkout.root().resolve("helper/target/jvm-archive");
    byte[] xml = Files.readAllBytes(Checkout.example("web01.xml"));
    for (int call = 0; call < 2; call++) { // the first call may be the training run, the second uses its archive
      Checkout.Result r = Checkout.helper(xml, "-d", "-r", "-u", HelperLauncherTest.NAME);
      assertEquals(0, r.status(), r.stderr());
      assertEquals("", r.stdout(), "libvirtd's stdout gets nothing from the JVM");
      assertTrue(r.stderr().startsWith("virt-aa-helper:\n"), r.stderr());
    }
    try (var files = Files.list(archives)) { // AppCDS (.jsa) on JDK 17-24, the AOT cache (.aot) on 25+
      assertTrue(files.anyMatch(f -> f.toString().endsWith(".jsa") || f.toString().endsWith(".aot")),
          "an archive in " + archives);
    }
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
