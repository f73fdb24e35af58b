package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import guestarmor.profile.FilesRenderer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden pairs: {@code golden/<family>/<case>.xml} renders to the hand-written {@code <case>.files}.
 * An optional {@code <case>.args} holds {@code -f FILE} or {@code -F FILE}. The paths in the cases lie
 * where a Debian build host has nothing or a plain directory (under {@code /srv/golden},
 * {@code /dev/golden-...}; {@code examples/web01} uses libvirt's own locations), so the live host
 * resolves them to themselves.
 */
class GoldenRulesTest {

  static Stream<String> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenRulesTest.class.getResource("/golden").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      List<String> names = files.filter(p -> p.toString().endsWith(".xml"))
          .map(p -> root.relativize(p).toString().replaceFirst("\\.xml$", "")).sorted().toList();
      assertFalse(names.isEmpty(), "no golden cases found");
      return names.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theDomainRendersToItsGoldenFilesAndRendersTheSameBytesAgain(String name) throws Exception {
    Path base = Path.of(GoldenRulesTest.class.getResource("/golden/" + name + ".xml").toURI());
    String expected = Files.readString(base.resolveSibling(base.getFileName().toString().replace(".xml", ".files")));
    byte[] first = render(base).getBytes(StandardCharsets.UTF_8);
    assertEquals(expected, new String(first, StandardCharsets.UTF_8), name);
    assertArrayEquals(first, render(base).getBytes(StandardCharsets.UTF_8), name + " is not stable");
  }

  private static String render(Path xml) throws Exception {
    Domain domain = new DomainXmlReader().parse(Files.readAllBytes(xml));
    Path argsFile = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".args"));
    String[] args = Files.exists(argsFile) ? Files.readString(argsFile).strip().split(" ", 2) : new String[0];
    DomainRules rules = new DomainRules(new LiveHost());
    if (args.length == 2 && args[0].equals("-F")) {
      return FilesRenderer.append(null, rules.appended(args[1]).rules());
    }
    String extra = args.length == 2 && args[0].equals("-f") ? args[1] : null;
    return FilesRenderer.render(rules.compute(domain, extra).rules());
  }
}
