package guestarmor.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.it.Checkout;
import guestarmor.it.ParserStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile domain XML through the real launcher, as libvirtd would pass it: each is refused with one
 * error line and exit 1, before any file is touched, in bounded memory.
 */
class XmlAttackTest {
  static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  static final String HEAD = "<domain type='kvm'><name>x</name><uuid>6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b</uuid>"
      + "<os><type>hvm</type></os><devices>";
  static final long MAX_RSS_KIB = 256 * 1024;

  @TempDir Path tmp;

  static Stream<Arguments> attacks() {
    return Stream.of(
        attack("an internal entity", "<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY n 'x'>]>" + HEAD.replace(">x<", ">&n;<") + "</devices></domain>",
            "domain XML must not have a DOCTYPE"),
        attack("an external entity naming /etc/shadow", "<!DOCTYPE domain [<!ENTITY s SYSTEM 'file:///etc/shadow'>]>"
            + HEAD.replace(">x<", ">&s;<") + "</devices></domain>", "domain XML must not have a DOCTYPE"),
        attack("an external entity over http", "<!DOCTYPE domain SYSTEM 'http://127.0.0.1:9/d.dtd'>" + HEAD
            + "</devices></domain>", "domain XML must not have a DOCTYPE"),
        attack("an entity expansion bomb", bomb(), "domain XML must not have a DOCTYPE"),
        attack("an undeclared entity", HEAD.replace(">x<", ">&shadow;<") + "</devices></domain>",
            "domain XML must not use entity &shadow;"),
        new Arguments[] {Arguments.of("10 MiB and one byte", oversized(), "domain XML is larger than 10485760 bytes")}[0],
        attack("100,000 levels of nesting", "<domain>" + "<a>".repeat(100_000) + "</a>".repeat(100_000) + "</domain>",
            "domain XML is nested deeper than 256 levels"),
        attack("2,600,000 empty elements", "<domain>" + "<a/>".repeat(2_600_000) + "</domain>",
            "domain XML has more than 200000 elements"),
        Arguments.of("invalid UTF-8", concat(HEAD.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, (byte) 0xfe},
            "</devices></domain>".getBytes(StandardCharsets.UTF_8)), "domain XML is not valid UTF-8 (near byte " + HEAD.length() + ")"),
        attack("a NUL byte", HEAD.replace(">x<", ">x\0<") + "</devices></domain>", "malformed domain XML:"),
        attack("a second root", HEAD + "</devices></domain><domain/>", "malformed domain XML:"),
        attack("a repeated attribute", HEAD.replace("type='kvm'", "type='kvm' type='lxc'") + "</devices></domain>",
            "malformed domain XML:"),
        attack("no XML at all", "virt-aa-helper", "malformed domain XML:"),
        attack("an empty input", "", "domain XML is empty"),
        attack("another root element", "<network><name>x</name></network>",
            "not a domain XML document: the root element is <network>"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void isRefusedWithOneLineBeforeAnythingIsTouched(String what, byte[] xml, String message) throws Exception {
    Path profiles = Files.createDirectories(tmp.resolve("libvirt"));
    ParserStandIn parser = ParserStandIn.exiting(tmp.resolve("parser"), 0, "");
    Path rss = tmp.resolve("rss");
    Checkout.Result r = Checkout.run(List.of("/usr/bin/time", "-f", "%M", "-o", rss.toString(),
        Checkout.root().resolve("bin/virt-aa-helper").toString(), "-c", "-u", NAME,
        "--profile-dir", profiles.toString(), "--parser", parser.path().toString()), xml);
    assertEquals(1, r.status(), what);
    assertEquals(1, r.stderrLines().size(), r.stderr());
    assertTrue(r.stderr().startsWith("virt-aa-helper: error: " + message), r.stderr());
    assertEquals(List.of(), List.of(profiles.toFile().list()), "no file written for " + what);
    assertEquals(List.of(), parser.calls());
    List<String> timeLines = Files.readAllLines(rss); // "Command exited with non-zero status 1", then %M
    long peakKib = Long.parseLong(timeLines.get(timeLines.size() - 1).strip());
    assertTrue(peakKib < MAX_RSS_KIB, what + " peaked at " + peakKib + " KiB");
  }

  private static Arguments attack(String what, String xml, String message) {
    return Arguments.of(what, xml.getBytes(StandardCharsets.UTF_8), message);
  }

  private static String bomb() {
    StringBuilder b = new StringBuilder("<?xml version='1.0'?><!DOCTYPE domain [<!ENTITY l0 'lol'>");
    for (int i = 1; i < 10; i++) {
      b.append("<!ENTITY l").append(i).append(" '").append(("&l" + (i - 1) + ";").repeat(10)).append("'>");
    }
    return b.append("]>").append(HEAD.replace(">x<", ">&l9;<")).append("</devices></domain>").toString();
  }

  private static byte[] oversized() {
    byte[] head = HEAD.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[10 * 1024 * 1024 + 1];
    java.util.Arrays.fill(all, (byte) ' ');
    System.arraycopy(head, 0, all, 0, head.length);
    return all;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int at = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
