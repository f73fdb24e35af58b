package guestarmor.it.admin;

import static guestarmor.it.admin.TestDriver.WEB01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ExplainCommandTest {

  @Test
  void rulesAreListedUnderTheElementThatProducedThem() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "web01");
    assertEquals(0, r.status(), r::toString);
    assertTrue(r.out().startsWith("libvirt-" + WEB01 + " (web01): 16 rules\nELEMENT    RULE\nfixed      "), r::toString);
    assertTrue(r.out().endsWith("""
        disk vda   "/var/lib/libvirt/images/web01.img" rwk,
        disk sdb   "/srv/iso/installer.iso" rk,
                   deny "/srv/iso/installer.iso" w,
        serial 0   "/var/log/libvirt/qemu/web01-serial0.log" rw,
        console 0  "/var/log/libvirt/qemu/web01-serial0.log" rw,
        channel 0  "/var/lib/libvirt/qemu/channel/target/web01.org.qemu.guest_agent.0" rw,
        vfio       "/dev/vfio/vfio" rw,
                   "/dev/vfio/[0-9]*" rw,
        start -F   "/var/lib/libvirt/qemu/domain-1-web01/{,**}" rwk,
                   "/var/lib/libvirt/qemu/channel/target/domain-1-web01/{,**}" rwk,
                   "/var/lib/libvirt/qemu/domain-1-web01/master-key.aes" rwk,
        """), r::toString);
  }

  @Test
  void anAllowedPathNamesTheRuleThatGrantsItAndTheDenyLine() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "web01", "/srv/iso/installer.iso");
    assertEquals(0, r.status(), r::toString);
    assertEquals("""
        /srv/iso/installer.iso: allowed rk
          by disk sdb: "/srv/iso/installer.iso" rk,
          writes denied by disk sdb: deny "/srv/iso/installer.iso" w,
        """, r.out());
  }

  @Test
  void aPathUnderAGlobRuleIsAllowedByThatRule() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "web01", "/run/libvirt/qemu/web01.pid");
    assertEquals(0, r.status(), r::toString);
    assertEquals("/run/libvirt/qemu/web01.pid: allowed rwk\n  by fixed: \"/run/libvirt/**/web01.pid\" rwk,\n",
        r.out());
  }

  @Test
  void aRestrictedPathIsRefusedWithThePrefixThatRefusesIt() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "web01", "/etc/shadow");
    assertEquals(2, r.status(), r::toString);
    assertEquals("/etc/shadow: refused: under restricted /etc/; no element of the domain XML can grant it\n",
        r.out());
  }

  @Test
  void dotDotCannotWalkPastTheRestrictedList() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "--json", "explain", "web01", "/nonexistent/../etc/passwd");
    assertEquals(2, r.status(), r::toString);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("/etc/passwd", j.get("resolved").asText());
    assertEquals("refused", j.get("verdict").asText());
    assertEquals("under restricted /etc/", j.get("reason").asText());
  }

  @Test
  void anUncoveredPathSaysWhichElementWouldAddIt() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "db01", "/dev/vfio/42");
    assertEquals(2, r.status(), r::toString);
    assertEquals("/dev/vfio/42: not covered by any generated rule; <hostdev> (PCI or mdev passthrough) would add it\n",
        r.out());
  }

  @Test
  void aGuestWithAPciHostdevMayOpenTheVfioGroups() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "explain", "web01", "/dev/vfio/42");
    assertEquals(0, r.status(), r::toString);
    assertEquals("/dev/vfio/42: allowed rw\n  by vfio: \"/dev/vfio/[0-9]*\" rw,\n", r.out());
  }

  @Test
  void anUncoveredReadOnlyLocationSaysAGuestMayOnlyReadIt() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "--json", "explain", "web01", "/boot/vmlinuz-test");
    assertEquals(2, r.status(), r::toString);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("not-covered", j.get("verdict").asText());
    assertEquals("under /boot/, which a guest may only read", j.get("reason").asText());
  }

  @Test
  void jsonOfAnAllowedPathListsTheGrantingRules() throws Exception {
    Run r = Run.guestarmor("-c", Run.URI, "--json", "explain", "web01", "/var/lib/libvirt/images/web01.img");
    assertEquals(0, r.status(), r::toString);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals("allowed", j.get("verdict").asText());
    assertEquals("rwk", j.get("perms").asText());
    assertEquals(1, j.get("granted_by").size());
    assertEquals("disk vda", j.get("granted_by").get(0).get("origin").asText());
    assertEquals(0, j.get("denied_by").size());
  }
}
