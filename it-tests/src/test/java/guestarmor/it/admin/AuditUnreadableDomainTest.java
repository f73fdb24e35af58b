package guestarmor.it.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit} over a test-driver node with a domain libvirt accepts and guestarmor's reader refuses (a tab in
 * its name: libvirt only refuses '/' and newlines) beside a normal one: one row for it, and the audit goes on.
 */
class AuditUnreadableDomainTest {
  private static final String BAD = "6a1b2c3d-0009-4000-8000-00000000a009";
  private static final String GOOD = "6a1b2c3d-000a-4000-8000-00000000a00a";

  @TempDir
  Path tmp;

  private static String domain(String name, String uuid) {
    return "<domain type='kvm'><name>" + name + "</name><uuid>" + uuid + "</uuid><memory>65536</memory>"
        + "<os><type arch='x86_64' machine='pc'>hvm</type></os></domain>\n";
  }

  @Test
  void aDomainWhoseXmlIsRefusedIsOneUnreadableRowAndTheOthersAreStillAudited() throws Exception {
    Path node = Files.writeString(tmp.resolve("node.xml"),
        "<node>\n" + domain("bad\tname", BAD) + domain("good", GOOD) + "</node>\n");
    Path dir = Files.createDirectories(tmp.resolve("libvirt"));
    Files.writeString(dir.resolve("libvirt-" + BAD), "profile libvirt-" + BAD + " {\n}\n");
    Run r = Run.guestarmor("-c", "test://" + node, "--profile-dir", dir.toString(), "--loaded-profiles", "/nonexistent",
        "audit");
    assertEquals(2, r.status(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertTrue(lines.stream().anyMatch(l -> l.matches("unreadable +libvirt-" + BAD + " +bad\tname +running +enforce +bad\tname: "
        + "<name> must not contain control characters")), r::toString);
    assertTrue(lines.stream().anyMatch(l -> l.matches("missing +libvirt-" + GOOD + " +good +running +enforce +no profile")),
        r::toString);
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("orphan")), r::toString);
    assertTrue(r.out().contains("2 domains, 1 profiles: 0 ok, 1 missing, 0 stale, 0 orphan, 0 unloaded, 1 unreadable"),
        r::toString);
    assertEquals("", r.err(), r::toString);
  }
}
