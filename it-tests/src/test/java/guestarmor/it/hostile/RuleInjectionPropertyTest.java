package guestarmor.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.cli.VirtAaHelper;
import guestarmor.host.LiveHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Rule injection, attacked with generated names and paths: for every disk path and domain name the
 * helper accepts, the rule it writes compiles (real apparmor_parser) to a DFA that accepts exactly
 * that one literal path. Refused inputs must be refused in one line.
 */
class RuleInjectionPropertyTest {
  static final String UUID = "6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  /** Characters AppArmor or the profile syntax treat specially, and some plain ones. */
  static final String NASTY = "\"\\,#{}*?[]^@$ =+-_.:;'<>|&!~%()abcXYZ019é€\u00a0\n\r\t\u0000";
  static final List<String> FRAGMENTS = List.of("@{HOME}", "**", "{,**}", "[a-z]", " rwx, /** rwk,", "deny ",
      "\" rw,\n  \"/etc/shadow", "${x}", "\\\"", "}", "^");
  /** The least share of generated inputs the helper must accept, in percent: 60 to 64 measured at 100 tries. */
  static final double MIN_ACCEPTED_PERCENT = 30;

  @Provide
  Arbitrary<String> segments() {
    Arbitrary<String> chars = Arbitraries.strings().withChars(NASTY.toCharArray()).ofMinLength(1).ofMaxLength(12);
    Arbitrary<String> pieces = Arbitraries.oneOf(chars, Arbitraries.of(FRAGMENTS));
    return pieces.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("", l))
        .filter(s -> !s.equals(".") && !s.equals("..") && !s.contains("/"));
  }

  @Property
  void anAcceptedDiskPathCompilesToExactlyThatPath(@ForAll("segments") String segment) throws Exception {
    String path = "/var/lib/libvirt/images/" + segment + ".img";
    countVerdict("disk path", checkDisk(path));
  }

  @Property
  void anAcceptedDomainNameLandsInTheFixedRulesAsALiteral(@ForAll("segments") String name) throws Exception {
    List<String> rules = dryRun(domainXml(name, "/var/lib/libvirt/images/a.img"), "fixed");
    countVerdict("domain name", rules != null);
    if (rules == null) {
      return; // refused in one line, checked in dryRun
    }
    String monitor = rules.get(1);
    assertEquals("/var/lib/libvirt/qemu/domain-" + name + "/monitor.sock", literal(monitor), monitor);
  }

  // A generator whose inputs were all refused would pass without compiling a single rule.
  private static void countVerdict(String what, boolean accepted) {
    Statistics.label(what).collect(accepted ? "accepted" : "refused");
    Statistics.label(what).coverage(c -> c.check("accepted").percentage(p -> p >= MIN_ACCEPTED_PERCENT));
  }

  /** Inputs that once looked dangerous, kept as plain regression cases. */
  @net.jqwik.api.Example
  void theClassicInjectionsStayLiterals() throws Exception {
    for (String p : List.of("/var/lib/libvirt/images/x\" rwx,\n  \"/etc/shadow", "/srv/a, /** rwk,",
        "/srv/@{HOME}/x", "/srv/**", "/srv/{a,b}", "/srv/[ab]", "/srv/a\\", "/srv/a b", "/srv/^x", "/srv/?",
        "/srv/deny /etc/shadow w", "/srv/#x")) {
      checkDisk(p);
    }
  }

  /** Found by the name property: libvirt keeps a name's spaces, so the rules must too. */
  @net.jqwik.api.Example
  void namesWithLeadingOrTrailingSpacesStayExactlyAsWritten() throws Exception {
    for (String name : List.of("deny ", "\" ", " vm", " ")) {
      List<String> rules = dryRun(domainXml(name, "/var/lib/libvirt/images/a.img"), "fixed");
      assertEquals("/var/lib/libvirt/qemu/domain-" + name + "/monitor.sock", literal(rules.get(1)), name);
    }
  }

  /** Whether the helper accepted the path (and wrote the one literal rule); false when it refused it. */
  private boolean checkDisk(String path) throws Exception {
    List<String> rules = dryRun(domainXml("vm", path), "disk vda");
    if (rules == null) {
      return false;
    }
    assertEquals(1, rules.size(), rules.toString());
    assertTrue(rules.get(0).endsWith(" rwk,"), rules.get(0));
    assertEquals(path, literal(rules.get(0)), rules.get(0));
    return true;
  }

  private String literal(String ruleLine) throws Exception {
    Path dir = Files.createTempDirectory("ga-dfa");
    try {
      return CompiledPath.acceptedLiteral(ruleLine, dir);
    } finally {
      Files.deleteIfExists(dir.resolve("probe"));
      Files.deleteIfExists(dir);
    }
  }

  /** The rule lines of one provenance group, or null when the helper refused the input (in one line). */
  private static List<String> dryRun(String xml, String origin) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = VirtAaHelper.run("virt-aa-helper", new String[] {"-d", "-r", "-u", "libvirt-" + UUID},
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
    String text = err.toString(StandardCharsets.UTF_8);
    if (status != 0) {
      assertEquals(1, status);
      assertEquals(1, text.split("\n").length, text);
      assertTrue(text.startsWith("virt-aa-helper: error: "), text);
      return null;
    }
    List<String> group = new ArrayList<>();
    boolean in = false;
    for (String line : text.split("\n")) {
      if (line.startsWith("  # ")) {
        in = line.equals("  # " + origin);
      } else if (in && line.startsWith("  ")) {
        group.add(line);
      }
    }
    return group;
  }

  private static String domainXml(String name, String diskPath) {
    return "<domain type='kvm'><name>" + xml(name) + "</name><uuid>" + UUID + "</uuid><os><type>hvm</type></os>"
        + "<devices><disk type='file' device='disk'><source file='" + xml(diskPath) + "'/>"
        + "<target dev='vda'/></disk></devices></domain>";
  }

  // XML 1.0 cannot carry NUL or most control characters even as references; those become the
  // character reference that the parser refuses, which is itself a refusal path under test.
  private static String xml(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '\'' -> b.append("&apos;");
        case '"' -> b.append("&quot;");
        default -> b.append(c < 0x20 ? "&#" + (int) c + ";" : String.valueOf(c));
      }
    }
    return b.toString();
  }
}
