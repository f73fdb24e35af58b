package guestarmor.admin;

import static guestarmor.admin.AuditLineParserTest.UUID;
import static guestarmor.admin.AuditLineParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Guests' and the helper's records, each event once, one entry per target and mask, newest first. */
class DenialLogTest {

  private static DenialLog read(DenialLog log, String... fixtures) throws IOException {
    for (String f : fixtures) {
      fixture(f).forEach(log::add);
    }
    return log;
  }

  @Test
  void theSameRefusalTwiceIsOneEntryCountedTwiceAndTheNewestComesFirst() throws IOException {
    DenialLog log = read(new DenialLog(0, null), "journal.txt");
    List<Denial> list = log.newestFirst();
    assertEquals(4, log.records());
    assertEquals(List.of("/data/vm/disk.qcow2", "capability net_admin", "/srv/extra.raw"),
        list.stream().map(Denial::target).toList());
    Denial extra = list.get(2);
    assertEquals(2, extra.count());
    assertEquals(1764690001123L, extra.firstMillis());
    assertEquals(1764690002500L, extra.lastMillis());
    assertEquals(UUID, extra.uuid());
    assertNull(list.get(0).uuid(), "the helper's own profile has no guest");
  }

  @Test
  void anEventTwoLogsCarryIsCountedOnce() throws IOException {
    DenialLog log = read(new DenialLog(0, null), "journal.txt", "journal.txt");
    assertEquals(4, log.records());
    assertEquals(2, log.newestFirst().get(2).count());
  }

  @Test
  void oneGuestOnlyAndSinceLeaveTheRestOut() throws IOException {
    DenialLog one = read(new DenialLog(0, UUID), "journal.txt", "dmesg.txt", "audit.log");
    assertEquals(8, one.records(), "everything but the helper's record");
    DenialLog recent = read(new DenialLog(1764690007000L, null), "journal.txt", "dmesg.txt", "audit.log");
    assertEquals(List.of("/srv/my images/a b.img", "signal term peer libvirtd", "/srv/complain.img"),
        recent.newestFirst().stream().map(Denial::target).toList());
    assertEquals(0, read(new DenialLog(0, "00000000-0000-4000-8000-000000000000"), "journal.txt").records());
  }

  @Test
  void aChildProfileBelongsToItsGuest() {
    DenialLog log = new DenialLog(0, null);
    log.add("audit: type=1400 audit(5.000:9): apparmor=\"DENIED\" operation=\"exec\" profile=\"libvirt-" + UUID
        + "//qemu_bridge_helper\" name=\"/usr/bin/x\" pid=1 comm=\"q\" requested_mask=\"x\" denied_mask=\"x\"");
    log.add("audit: type=1400 audit(5.000:10): apparmor=\"DENIED\" operation=\"open\" profile=\"libvirtd\" "
        + "name=\"/x\" pid=1 comm=\"q\" requested_mask=\"r\" denied_mask=\"r\"");
    assertEquals(1, log.records(), "libvirtd's own profile is not ours");
    assertEquals(UUID, log.newestFirst().get(0).uuid());
  }
}
