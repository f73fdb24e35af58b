package guestarmor.it.admin;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.HelperFacade;
import guestarmor.admin.GlobMatcher;
import guestarmor.it.ParserDfa;
import guestarmor.rules.PathPattern;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `guestarmor explain` decides with {@link GlobMatcher} which rule covers a path; the kernel decides
 * with the DFA apparmor_parser compiles. For the pattern shapes guestarmor writes and paths in and
 * around each, the two agree.
 */
class GlobMatcherAgreesWithTheParserTest {
  /** The shapes the helper's RuleSources build (FixedRules, RuleCollector, SmartcardRules, VfioRules, GlRules, TpmRules). */
  static final List<PathPattern> PATTERNS = List.of(
      PathPattern.literal("/var/lib/libvirt/images/a.img"),
      PathPattern.literal("/srv/a*b?[c]{d,e}^x\\y\".img"),
      PathPattern.literal("/srv/share").plusGlob("/**"),
      PathPattern.literal("/srv/share").plusGlob("/{,**}"),
      PathPattern.literal("/etc/pki/nssdb").plusGlob("/{,*}"),
      PathPattern.of(lit("/var/lib/libvirt/swtpm/uuid/"), glob("**")),
      PathPattern.of(lit("/dev/vfio/"), glob("[0-9]*")),
      PathPattern.of(glob("/var/log/libvirt/**/"), lit("web01.log")),
      PathPattern.of(lit("/var/lib/libvirt/qemu/domain-1-web01/"), glob("*")),
      PathPattern.of(glob("/run/libvirt/**/"), lit("web01.pid")),
      PathPattern.of(glob("/run/libvirt/**/*"), lit(".tunnelmigrate.dest.web01")),
      PathPattern.of(glob("/usr/lib{,32,64}/dri/*.so*")),
      PathPattern.of(glob("/usr/share/drirc.d/{,*.conf}")),
      PathPattern.of(glob("/sys/devices/**/{uevent,vendor,device}")),
      PathPattern.of(lit("/dev/tty"), glob("?")),
      PathPattern.of(lit("/dev/sd"), glob("[a-c]")));

  @TempDir Path tmp;

  @Test
  void forEveryPatternShapeAndEveryProbedPathTheMatcherDecidesAsTheCompiledDfa() throws Exception {
    int matched = 0;
    int unmatched = 0;
    List<String> disagreements = new ArrayList<>();
    for (PathPattern pattern : PATTERNS) {
      ParserDfa dfa = ParserDfa.compile("  " + HelperFacade.quoted(pattern) + " r,", tmp);
      GlobMatcher matcher = new GlobMatcher(pattern);
      for (String path : probes(pattern)) {
        boolean kernel = dfa.accepts(path);
        if (kernel != matcher.matches(path)) {
          disagreements.add(pattern.display() + " on " + path + ": parser " + kernel);
        }
        matched += kernel ? 1 : 0;
        unmatched += kernel ? 0 : 1;
      }
    }
    assertEquals(List.of(), disagreements);
    // every pattern is probed on both sides of its border
    assertTrue(matched >= PATTERNS.size() && unmatched >= 2 * PATTERNS.size(), matched + " matched, " + unmatched
        + " unmatched");
  }

  /** Paths in and around a pattern: its own text, each glob replaced by sample text, and edits at its end. */
  private static Set<String> probes(PathPattern pattern) {
    Set<String> paths = new LinkedHashSet<>();
    for (String fill : List.of("", "a", "7", "ab", "a/b", "0x/y", "32", ".conf", "x.conf", "uevent", "device/x")) {
      StringBuilder b = new StringBuilder();
      for (PathPattern.Part part : pattern.parts()) {
        b.append(part instanceof PathPattern.Literal ? part.text() : sample(part.text(), fill));
      }
      paths.add(b.toString());
    }
    String display = pattern.display();
    paths.add(display);
    for (String s : List.copyOf(paths)) {
      paths.add(s + "/");
      paths.add(s + "x");
      paths.add(s + "/x/y");
      if (s.length() > 1) {
        paths.add(s.substring(0, s.length() - 1));
      }
    }
    return paths;
  }

  /** Glob text with each wildcard, class and alternation replaced by {@code fill}. */
  private static String sample(String globText, String fill) {
    return globText.replaceAll("\\{[^{}]*\\}|\\[[^]]*\\]|\\*\\*|\\*|\\?", java.util.regex.Matcher.quoteReplacement(fill));
  }
}
