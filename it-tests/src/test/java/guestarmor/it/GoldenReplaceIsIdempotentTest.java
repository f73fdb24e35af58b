package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.DomainXmlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * libvirtd calls {@code -r} many times per start with nothing new (docs/decisions.md 2.9, reload only
 * when something changed): for every golden input, through the launcher, a {@code -r} with the input
 * of the call before it writes no file and runs no parser.
 */
class GoldenReplaceIsIdempotentTest {
  static final Path GOLDEN = Checkout.root().resolve("helper/src/test/resources/golden");
  /** The golden cases in helper/src/test/resources/golden when this test was written. */
  static final int AT_LEAST = 40;

  @TempDir Path tmp;

  static Stream<Path> goldenInputs() throws IOException {
    try (Stream<Path> files = Files.walk(GOLDEN)) {
      return files.filter(f -> f.toString().endsWith(".xml")).sorted().toList().stream();
    }
  }

  @Test
  void everyGoldenCaseIsCovered() throws IOException {
    long count = goldenInputs().count();
    assertTrue(count >= AT_LEAST, count + " golden inputs, fewer than " + AT_LEAST);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenInputs")
  void aReplaceWithTheSameInputAsTheLastCallWritesNothingAndRunsNoParser(Path xml) throws Exception {
    byte[] input = Files.readAllBytes(xml);
    String name = new DomainXmlReader().parse(input).profileName();
    Path dir = Files.createDirectories(tmp.resolve("libvirt"));
    ParserStandIn parser = ParserStandIn.recording(tmp.resolve("parser"));
    Path loaded = Files.writeString(tmp.resolve("profiles"), name + " (enforce)\n");
    List<String> where = List.of("-u", name, "--profile-dir", dir.toString(), "--parser", parser.path().toString(),
        "--loaded-profiles", loaded.toString());
    List<String> extra = extraFileArgs(xml);
    boolean appends = !extra.isEmpty() && extra.get(0).equals("-F");
    // -c takes -f as -r does; an -F case appends once to a created profile before the repeat
    helper(input, concat("-c", appends ? List.of() : extra), where);
    if (appends) {
      helper(input, concat("-r", extra), where);
    }
    List<String> replace = concat("-r", extra);
    Map<String, String> before = snapshot(dir);
    int calls = parser.calls().size();

    helper(input, replace, where);

    assertEquals(before, snapshot(dir), "the repeated " + replace + " wrote in the profile directory");
    assertEquals(calls, parser.calls().size(), "the repeated " + replace + " ran the parser: " + parser.calls());
  }

  private static List<String> concat(String mode, List<String> args) {
    List<String> all = new ArrayList<>(List.of(mode));
    all.addAll(args);
    return all;
  }

  /** A golden case's {@code .args}: {@code -f FILE} or {@code -F FILE}, or nothing. */
  private static List<String> extraFileArgs(Path xml) throws IOException {
    Path args = xml.resolveSibling(xml.getFileName().toString().replace(".xml", ".args"));
    return Files.exists(args) ? Arrays.asList(Files.readString(args).strip().split(" ", 2)) : List.of();
  }

  private static void helper(byte[] input, List<String> mode, List<String> where) throws Exception {
    String[] args = Stream.concat(mode.stream(), where.stream()).toArray(String[]::new);
    Checkout.Result r = Checkout.helper(input, args);
    assertEquals(0, r.status(), mode + ": " + r.stderr());
  }

  /** Every file in the directory, dot files included, with its size, modification time and bytes. */
  private static Map<String, String> snapshot(Path dir) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.toList()) {
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        files.put(f.getFileName().toString(), a.size() + " bytes, modified " + a.lastModifiedTime() + ", "
            + Arrays.hashCode(Files.readAllBytes(f)));
      }
    }
    return files;
  }
}
