package guestarmor.it.parity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import guestarmor.it.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * guestarmor against libvirt's real C helper of Debian 12 (9.0) and Debian 13 (11.3), on libvirt's own
 * test corpus of the same version (fetched by it-tests/oracle/fetch-oracle.sh): the dry-run rule SET and
 * the exit status must be equal, except where a {@link DifferenceClass} or known-differences-VERSION.tsv
 * explains the difference. No crash, no call over 2 s.
 */
class CHelperParityTest {
  /** Input XMLs of libvirt's corpus per upstream version (9.0: qemuxml2argvdata, 11.3: qemuxmlconfdata). */
  private static final Map<String, Integer> CASES = Map.of("9.0", 1070, "11.3", 1208);
  private static final Path SCRIPT = Checkout.root().resolve("it-tests/oracle/c-helper.sh");
  private static final Path KNOWN = Checkout.root().resolve("it-tests/src/test/resources/parity");
  /** Each run's differences as paste-ready rows, for whoever updates the known differences. */
  private static final Path ACTUAL = Path.of("target", "parity");

  static Stream<String> references() {
    return Stream.of("9.0", "11.3");
  }

  @ParameterizedTest(name = "libvirt {0}")
  @MethodSource("references")
  void guestarmorAgreesWithTheCHelperOnLibvirtsCorpusExceptForTheListedDifferences(String label) throws Exception {
    Reference ref = Reference.of(label);
    List<Path> inputs = inputs(ref.corpus());
    assertEquals(CASES.get(label), inputs.size(), "libvirt " + ref.version() + " corpus in " + ref.corpus());
    List<Case> cases = runAll(ref, inputs);
    KnownDifferences known = KnownDifferences.read(KNOWN.resolve("known-differences-" + label + ".tsv"));
    Agreement agreement = Agreement.of(label, cases, known);
    System.out.println(agreement.table("libvirt " + ref.version()));
    write(label, agreement);
    List<String> problems = agreement.problems();
    if (!problems.isEmpty()) {
      fail("libvirt " + ref.version() + ": " + problems.size() + " problems (all rows: " + ACTUAL.resolve(label)
          + ")\n" + String.join("\n", problems.subList(0, Math.min(60, problems.size()))));
    }
  }

  private static List<Path> inputs(Path corpus) throws IOException {
    try (Stream<Path> files = Files.list(corpus)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".xml")).sorted().toList();
    }
  }

  /**
   * Two at a time: the C helper runs as a process, guestarmor in this JVM. One unmeasured call first: it
   * loads guestarmor's classes into the JVM, a cost of this test's set-up, not of an input (a whole
   * process's start is what bench/ measures).
   */
  private static List<Case> runAll(Reference ref, List<Path> inputs) throws Exception {
    Call.guestarmor(Files.readAllBytes(inputs.get(0)), Case.profileName(Files.readString(inputs.get(0))));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Case>> futures = new ArrayList<>();
      for (Path xml : inputs) {
        futures.add(pool.submit(() -> Case.run(SCRIPT, ref, xml)));
      }
      List<Case> cases = new ArrayList<>();
      for (Future<Case> f : futures) {
        cases.add(f.get());
      }
      return cases;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void write(String label, Agreement agreement) throws IOException {
    Path dir = ACTUAL.resolve(label);
    Files.createDirectories(dir);
    Files.write(dir.resolve("unexplained.tsv"), agreement.unexplainedRows(), StandardCharsets.UTF_8);
    Files.write(dir.resolve("all.tsv"), agreement.allRows(), StandardCharsets.UTF_8);
  }
}
