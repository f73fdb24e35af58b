package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import guestarmor.cli.VirtAaHelper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * guestarmor against the real C helper (libvirt 9.0, Debian 12): for every corpus XML, the dry-run
 * rule set and exit status must equal the stored C result, except for the rows of KNOWN_DIFFERENCES.tsv
 * (docs/decisions.md section 2, the deliberate differences, and device families not implemented yet).
 */
class CHelperParityTest {
  private static final Path RESOURCES =
      Path.of(System.getProperty("guestarmor.root", ".."), "it-tests", "src", "test", "resources");
  private static final Path CORPUS = RESOURCES.resolve("corpus");
  private static final Path ORACLE = RESOURCES.resolve("oracle");
  private static final Path KNOWN = ORACLE.resolve("KNOWN_DIFFERENCES.tsv");
  /** Each run's differences as paste-ready rows, for whoever updates KNOWN_DIFFERENCES.tsv. */
  private static final Path ACTUAL = Path.of("target", "oracle-differences");

  static Stream<String> corpus() throws IOException {
    try (Stream<Path> files = Files.list(CORPUS)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".xml"))
          .map(n -> n.substring(0, n.length() - ".xml".length())).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void guestarmorMatchesTheCHelperExceptForTheListedDifferences(String name) throws IOException {
    OracleFile oracle = OracleFile.read(ORACLE.resolve(name + ".rules"));
    DryRunResult ours = runGuestarmor(CORPUS.resolve(name + ".xml"), oracle.profile());
    Set<Difference> actual = Difference.between(name, oracle.result(), ours);
    record(name, actual);
    Set<Difference> listed = KnownDifferences.read(KNOWN).forCorpus(name);
    if (!actual.equals(listed)) {
      fail(report(name, actual, listed));
    }
  }

  @Test
  void everyCorpusFileHasAnOracleResult() throws IOException {
    List<String> missing = corpus().filter(n -> !Files.isRegularFile(ORACLE.resolve(n + ".rules"))).toList();
    assertEquals(List.of(), missing, "run it-tests/oracle/regenerate.sh");
    assertEquals(91, corpus().count(), "the corpus is the 91 files of /work/shared/vah-oracle/corpus");
  }

  @Test
  void everyListedDifferenceNamesACorpusFileAKindAndAReason() throws IOException {
    Set<String> names = new TreeSet<>(corpus().toList());
    for (var row : KnownDifferences.read(KNOWN).reasons().entrySet()) {
      Difference d = row.getKey();
      String where = d.asRow();
      assertTrue(names.contains(d.corpus()), "no such corpus file: " + where);
      assertTrue(KnownDifferences.KINDS.contains(d.kind()), "unknown kind: " + where);
      assertTrue(KnownDifferences.REASON_PREFIXES.stream().anyMatch(p -> row.getValue().startsWith(p)
          && row.getValue().length() > p.length()), "reason must be 'deliberate: ...', 'not-yet: ...' or 'bug: ...': " + where);
    }
  }

  private static DryRunResult runGuestarmor(Path xml, String profile) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (InputStream in = Files.newInputStream(xml);
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = VirtAaHelper.run("virt-aa-helper", new String[] {"-d", "-r", "-u", profile}, in, o, e);
    }
    return DryRunResult.fromStderr(exit, err.toString(StandardCharsets.UTF_8).lines().toList());
  }

  private static String report(String name, Set<Difference> actual, Set<Difference> listed) {
    List<String> text = new ArrayList<>();
    text.add(name + ".xml differs from the C helper other than KNOWN_DIFFERENCES.tsv says.");
    text.add("New differences (explain them in KNOWN_DIFFERENCES.tsv, or fix guestarmor):");
    actual.stream().filter(d -> !listed.contains(d)).forEach(d -> text.add("  + " + d.asRow()));
    text.add("Listed differences that no longer occur (remove them from KNOWN_DIFFERENCES.tsv):");
    listed.stream().filter(d -> !actual.contains(d)).forEach(d -> text.add("  - " + d.asRow()));
    text.add("All differences for this file now (" + ACTUAL.resolve(name + ".tsv") + "):");
    actual.forEach(d -> text.add("    " + d.asRow()));
    return String.join("\n", text);
  }

  private static void record(String name, Set<Difference> actual) {
    try {
      Files.createDirectories(ACTUAL);
      List<String> rows = actual.stream().map(Difference::asRow).toList();
      Files.write(ACTUAL.resolve(name + ".tsv"), rows, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
