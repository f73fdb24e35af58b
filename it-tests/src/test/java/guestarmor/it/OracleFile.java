package guestarmor.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored result of the C helper ({@code oracle/<name>.rules}, written by it-tests/oracle/regenerate.sh):
 * {@code # exit N}, {@code # profile NAME}, {@code # error: ...} lines, then the rule lines as printed.
 */
record OracleFile(String profile, DryRunResult result) {
  static OracleFile read(Path file) {
    List<String> lines = readLines(file);
    int exit = Integer.parseInt(header(lines, 0, "# exit "));
    String profile = header(lines, 1, "# profile ");
    Set<String> rules = new TreeSet<>();
    for (String line : lines.subList(2, lines.size())) {
      if (!line.startsWith("# ") && DryRunResult.isRule(line)) {
        rules.add(line);
      }
    }
    return new OracleFile(profile, new DryRunResult(exit, rules));
  }

  private static String header(List<String> lines, int index, String prefix) {
    if (lines.size() <= index || !lines.get(index).startsWith(prefix)) {
      throw new IllegalStateException("oracle line " + (index + 1) + " must start with '" + prefix + "'");
    }
    return lines.get(index).substring(prefix.length());
  }

  static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
