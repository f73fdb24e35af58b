package guestarmor.profile;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.rules.PathPattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Decisions 2.1: literal text is quoted with {@code \ " * ? [ ] { } ^} backslash-escaped, nothing else. */
class AppArmorTextTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
      "/plain/path.img         | \"/plain/path.img\"",
      "/a*b                    | \"/a\\*b\"",
      "/a**                    | \"/a\\*\\*\"",
      "/a?b                    | \"/a\\?b\"",
      "/a[0-9]                 | \"/a\\[0-9\\]\"",
      "/{a,b}                  | \"/\\{a,b\\}\"",
      "/x^y                    | \"/x\\^y\"",
      "/say \"hi\"             | \"/say \\\"hi\\\"\"",
      "/back\\slash            | \"/back\\\\slash\"",
      "/@{HOME}/x              | \"/@\\{HOME\\}/x\"",
      "'/with space'           | \"/with space\"",
      "/hash#and,comma         | \"/hash#and,comma\"",
      "/dollar$and'quote       | \"/dollar$and'quote\"",
      "/é/ü                    | \"/é/ü\""})
  void aLiteralIsQuotedWithEverySpecialEscaped(String literal, String expected) {
    assertEquals(expected, AppArmorText.quoted(PathPattern.literal(literal)));
  }

  @Test
  void globPartsAreWrittenAsTheyAre() {
    assertEquals("\"/var/log/libvirt/**/a\\*.log\"",
        AppArmorText.quoted(PathPattern.of(glob("/var/log/libvirt/**/"), lit("a*.log"))));
    assertEquals("\"/d\\{x\\}/{,**}\"", AppArmorText.quoted(PathPattern.literal("/d{x}").plusGlob("/{,**}")));
  }

  @Test
  void anEmptyPatternIsTwoQuotes() {
    assertEquals("\"\"", AppArmorText.quoted(PathPattern.literal("")));
  }

  @Test
  void commentsLoseControlCharactersButKeepTheRest() {
    assertEquals("disk a?b?c", AppArmorText.comment("disk a\nb\tc"));
    assertEquals("hostdev 0000:03:00.0 {x} \"q\"", AppArmorText.comment("hostdev 0000:03:00.0 {x} \"q\""));
  }
}
