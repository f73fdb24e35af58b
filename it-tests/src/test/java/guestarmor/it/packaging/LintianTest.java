package guestarmor.it.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Debian's lintian on the built .deb, pedantic tags included: no error and no warning that the
 * package's own overrides (/usr/share/lintian/overrides/guestarmor, each with its reason) do not cover.
 */
class LintianTest {

  @Test
  void lintianFindsNoErrorAndNoWarningThePackageDoesNotOverrideWithAReason() throws Exception {
    // the verdict is read from the tags; --fail-on none keeps the status for lintian's own failures
    Run r = Run.of("lintian", "--pedantic", "--show-overrides", "--fail-on", "none", Packaged.deb().toString());
    List<String> lines = Stream.of(r.out().split("\n")).filter(l -> !l.isBlank()).toList();
    List<String> complaints = lines.stream().filter(l -> l.startsWith("E:") || l.startsWith("W:")).toList();
    assertEquals(List.of(), complaints, r.out() + r.err());
    // the overrides were read and used: lintian shows each one it applied as an O: line
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("O: guestarmor: file-in-etc-not-marked-as-conffile")),
        r.out() + r.err());
    assertEquals(0, r.status(), r.out() + r.err());
  }
}
