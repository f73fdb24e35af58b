package guestarmor.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** libvirt's liberal UUID syntax (behaviour 1.4): blanks, pairs of hex digits each after any '-' or ' ', blanks. */
class UuidTest {
  private static final String CANON = "11111111-2222-3333-4444-555555555555";

  @ParameterizedTest
  @ValueSource(strings = {"11111111-2222-3333-4444-555555555555", "11111111222233334444555555555555",
      "----11111111222233334444555555555555", "1111-1111-2222-3333-4444555555555555", " \t\n11111111222233334444555555555555",
      "11111111222233334444555555555555 \t\r\n", "11 11 11 11 2222 3333 4444 555555555555"})
  void theseSpellingsAreTheSameUuid(String text) {
    assertEquals(CANON, Uuid.canonical(text));
  }

  @Test
  void upperCaseHexIsLoweredInTheCanonicalForm() {
    assertEquals("abcdefab-cdef-abcd-efab-cdefabcdefab", Uuid.canonical("ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"11111111222233334444555555555555----", "1111111-12222333344445555555555555",
      "1111111122223333444455555555555", "111111112222333344445555555555555", "g1111111222233334444555555555555",
      "11111111222233334444555555555555x", "", "   "})
  void theseAreNotUuids(String text) {
    assertNull(Uuid.canonical(text), text);
  }

  @Test
  void onlyAsciiBlanksMayLeadOrTrail() {
    // virUUIDParse skips C isspace() blanks only; a Unicode space or a separator control is not a blank
    assertNull(Uuid.canonical("\u2003" + "11111111222233334444555555555555"));
    assertNull(Uuid.canonical("11111111222233334444555555555555" + "\u3000"));
    assertNull(Uuid.canonical("\u001c" + "11111111222233334444555555555555"));
  }
}
