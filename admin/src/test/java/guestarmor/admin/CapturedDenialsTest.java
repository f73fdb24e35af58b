package guestarmor.admin;

import static guestarmor.admin.AuditLineParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kernel lines the Debian 12 end-to-end run captured (it-tests/e2e/checks/operator.sh, 2026-12-02, journalctl -k
 * -o short-iso): a {@code <qemu:commandline>} drive refused in enforce mode, let through in complain mode, then its
 * lock refused once the .local file granted the read.
 */
class CapturedDenialsTest {
  private static final String GUEST = "4d3e2f1a-5b6c-4d7e-8f90-a1b2c3d4e5f6";

  @Test
  void theRefusalsTheEndToEndRunCapturedAreReadAsOneGuestsEntriesNewestFirst() throws IOException {
    DenialLog log = new DenialLog(0, null);
    fixture("e2e-debian12.txt").forEach(log::add);
    List<Denial> list = log.newestFirst();
    assertEquals(6, log.records(), "the STATUS line is not a refusal");
    assertEquals(List.of("DENIED file_lock k", "ALLOWED file_lock k", "ALLOWED open r", "DENIED open r"),
        list.stream().map(d -> d.verdict() + " " + d.operation() + " " + d.mask()).toList());
    assertEquals(List.of(1, 1, 2, 2), list.stream().map(Denial::count).toList());
    list.forEach(d -> {
      assertEquals(GUEST, d.uuid());
      assertEquals("/var/lib/libvirt/images/ga-extra.raw", d.target());
    });
  }
}
