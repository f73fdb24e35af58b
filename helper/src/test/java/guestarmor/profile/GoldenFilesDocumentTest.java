package guestarmor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import guestarmor.rules.DomainRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every golden {@code .files} ({@code golden/<family>/<case>.files}, see {@code GoldenRulesTest}) parses into
 * the document its domain's rules make, with no line left unparsed, and is written back byte for byte.
 */
class GoldenFilesDocumentTest {

  @Test
  void everyGoldenFileParsesIntoTheDocumentOfItsRulesAndEmitsTheSameBytes() throws Exception {
    Path root = Path.of(GoldenFilesDocumentTest.class.getResource("/golden").toURI());
    List<Path> cases;
    try (Stream<Path> files = Files.walk(root)) {
      cases = files.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
    }
    List<String> checked = new ArrayList<>();
    for (Path xml : cases) {
      String name = root.relativize(xml).toString();
      String text = Files.readString(xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".files")));
      FilesDocument parsed = FilesDocument.parse(text);
      assertEquals(document(xml), parsed, name);
      assertEquals(text, parsed.text(), name);
      assertEquals(List.of(), parsed.lines().stream().filter(l -> l instanceof FilesDocument.Unparsed).toList(), name);
      checked.add(name);
    }
    assertEquals(40, checked.size(), checked.toString());
  }

  // As GoldenRulesTest renders: an optional <case>.args holds -f FILE or -F FILE.
  private static FilesDocument document(Path xml) throws Exception {
    Domain domain = new DomainXmlReader().parse(Files.readAllBytes(xml));
    Path argsFile = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".args"));
    String[] args = Files.exists(argsFile) ? Files.readString(argsFile).strip().split(" ", 2) : new String[0];
    DomainRules rules = new DomainRules(new LiveHost());
    if (args.length == 2 && args[0].equals("-F")) {
      return FilesDocument.parse("").appending(rules.appended(args[1]).rules());
    }
    String extra = args.length == 2 && args[0].equals("-f") ? args[1] : null;
    return FilesDocument.of(rules.compute(domain, extra).rules());
  }
}
