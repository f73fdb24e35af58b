package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The kernel's AppArmor records, as the journal, dmesg and auditd write them (fixtures in resources/denials). */
class AuditLineParserTest {
  static final String UUID = "6f2c1a4e-7d3b-4b1e-9a55-0c2d3e4f5a6b";
  private final AuditLineParser parser = new AuditLineParser();

  static List<String> fixture(String name) throws IOException {
    try (InputStream in = AuditLineParserTest.class.getResourceAsStream("/denials/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  private List<AuditLine> parseAll(String fixture) throws IOException {
    List<AuditLine> lines = new ArrayList<>();
    for (String l : fixture(fixture)) {
      parser.parse(l).ifPresent(lines::add);
    }
    return lines;
  }

  @Test
  void aJournalFileDenialGivesTimeIdProfilePathMaskAndComm() throws IOException {
    List<AuditLine> lines = parseAll("journal.txt");
    assertEquals(4, lines.size(), "the STATUS line and the bridge message are not denials");
    AuditLine open = lines.get(0);
    assertEquals(1764690001123L, open.millis());
    assertEquals("1764690001.123:212", open.id());
    assertEquals("DENIED", open.verdict());
    assertEquals("open", open.operation());
    assertEquals("libvirt-" + UUID, open.profile());
    assertEquals("/srv/extra.raw", open.name());
    assertEquals("wr", open.deniedMask());
    assertEquals("qemu-system-x86", open.field("comm"));
    assertEquals("64055", open.field("fsuid"));
  }

  @Test
  void aCapabilityDenialHasItsNameAndNoPath() throws IOException {
    AuditLine cap = parseAll("journal.txt").get(2);
    assertEquals("capable", cap.operation());
    assertEquals("net_admin", cap.field("capname"));
    assertEquals("12", cap.field("capability"));
    assertEquals(null, cap.name());
  }

  @Test
  void dmesgLinesGiveSocketsSignalsAndComplainModesAllowedRecords() throws IOException {
    List<AuditLine> lines = parseAll("dmesg.txt");
    assertEquals(4, lines.size());
    assertEquals("netlink", lines.get(0).field("family"));
    assertEquals("raw", lines.get(0).field("sock_type"));
    AuditLine unix = lines.get(1);
    assertEquals("send connect", unix.deniedMask(), "a quoted value with spaces stays whole");
    assertEquals("@/tmp/.X11-unix/X0", unix.field("peer_addr"));
    assertEquals("none", unix.field("addr"), "a bare word that is no hex stays as it is");
    assertEquals("unconfined", unix.field("peer"));
    assertEquals("ALLOWED", lines.get(2).verdict());
    assertEquals("term", lines.get(3).field("signal"));
    assertEquals("libvirtd", lines.get(3).field("peer"));
  }

  @Test
  void auditdsHexEncodedNameIsDecodedAndItsEnrichedFieldsAreDropped() throws IOException {
    List<AuditLine> lines = parseAll("audit.log");
    assertEquals(1, lines.size(), "the SERVICE_START record is no AppArmor record");
    AuditLine l = lines.get(0);
    assertEquals("/srv/my images/a b.img", l.name());
    assertEquals("0", l.field("ouid"), "not OUID=\"root\" from after the 0x1d separator");
    assertEquals(1764690009250L, l.millis());
  }

  @Test
  void aNumberIsNeverTakenForHex() {
    Optional<AuditLine> l = parser.parse("audit: type=1400 audit(1.000:1): apparmor=\"DENIED\" operation=\"open\" "
        + "profile=\"libvirt-" + UUID + "\" name=\"/x\" pid=1234 comm=\"q\" requested_mask=\"r\" denied_mask=\"r\" "
        + "fsuid=64055 ouid=0");
    assertTrue(l.isPresent());
    assertEquals("1234", l.get().field("pid"));
  }

  @Test
  void aLineWithoutAnAuditStampOrWithAnotherVerdictIsNone() {
    assertTrue(parser.parse("apparmor=\"DENIED\" operation=\"open\" name=\"/x\"").isEmpty());
    assertTrue(parser.parse("audit: type=1400 audit(1.000:2): apparmor=\"AUDIT\" operation=\"open\"").isEmpty());
    assertTrue(parser.parse("").isEmpty());
  }
}
