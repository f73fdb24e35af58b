package guestarmor.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** --since in journalctl's forms, against a fixed clock in a zone one hour east of UTC. */
class SinceTimeTest {
  private static final Instant NOW = Instant.parse("2026-12-02T15:40:00Z");
  private static final ZoneId ZONE = ZoneId.of("+01:00");

  private static Instant since(String text) throws AdminException {
    return SinceTime.parse(text, NOW, ZONE);
  }

  @Test
  void agesCountBackFromNow() throws AdminException {
    assertEquals(Instant.parse("2026-12-02T15:10:00Z"), since("30m"));
    assertEquals(Instant.parse("2026-12-02T13:40:00Z"), since("-2h"));
    assertEquals(Instant.parse("2026-12-01T15:40:00Z"), since("1d"));
    assertEquals(Instant.parse("2026-12-02T15:39:15Z"), since("45s"));
    assertEquals(Instant.parse("2026-12-02T15:35:00Z"), since("5 min ago"));
  }

  @Test
  void datesAndTimesWithoutAnOffsetAreLocal() throws AdminException {
    assertEquals(Instant.parse("2026-12-01T23:00:00Z"), since("2026-12-02"));
    assertEquals(Instant.parse("2026-12-02T14:30:00Z"), since("2026-12-02 15:30"));
    assertEquals(Instant.parse("2026-12-02T14:30:05Z"), since("2026-12-02T15:30:05"));
    assertEquals(Instant.parse("2026-12-01T23:00:00Z"), since("today"));
    assertEquals(Instant.parse("2026-11-30T23:00:00Z"), since("yesterday"));
  }

  @Test
  void anOffsetOrAnEpochIsTakenAsItIs() throws AdminException {
    assertEquals(Instant.parse("2026-12-02T15:30:00Z"), since("2026-12-02T15:30:00Z"));
    assertEquals(Instant.parse("2026-12-02T13:30:00Z"), since("2026-12-02 15:30:00+02:00"));
    assertEquals(Instant.ofEpochSecond(1764690001), since("@1764690001"));
  }

  @Test
  void anythingElseIsOneErrorLine() {
    AdminException e = assertThrows(AdminException.class, () -> since("last tuesday"));
    assertEquals("--since: cannot read \"last tuesday\" as a time (2026-12-02 15:30, 2026-12-02T15:30:00Z, "
        + "@EPOCH, today, yesterday, 30m, 2h, 1d)", e.getMessage());
  }
}
