package guestarmor.admin;

import guestarmor.store.ApparmorParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code render --check}: compiles a rendering with {@code apparmor_parser -Q -K} from a temporary
 * tree laid out as {@code TMP/libvirt/libvirt-<uuid>{,.files}}, so the profile's
 * {@code #include if exists <libvirt/...files>} finds the fresh rules and not the installed ones.
 */
final class ProfileCheck {
  // "AppArmor parser error for FILE in profile INCLUDED-FILE at line N: MESSAGE" (apparmor 3.0)
  private static final Pattern ERROR = Pattern.compile(
      "AppArmor parser error for .*? in (?:profile )?(\\S+) at line (\\d+): (.*)");

  private final Path parser;
  private final List<Path> includes;

  ProfileCheck(Path parser, List<Path> includes) {
    this.parser = parser;
    this.includes = List.copyOf(includes);
  }

  /**
   * @param file the file the parser blamed (its name in the profile directory), or null
   * @param line the line it pointed at, 0 when none
   * @param text that line's text, or null
   */
  record Result(boolean ok, String output, String message, String file, int line, String text) {
    String oneLine() {
      String where = file == null ? "" : file + ":" + line + ": ";
      String shown = text == null ? "" : ": " + text.strip();
      return "apparmor_parser: " + where + message + shown;
    }
  }

  Result check(Rendering r) throws AdminException {
    Path tmp = null;
    try {
      tmp = Files.createTempDirectory("guestarmor-check");
      Path dir = Files.createDirectory(tmp.resolve("libvirt"));
      Path profile = dir.resolve(r.name());
      Files.writeString(profile, r.profile(), StandardCharsets.UTF_8);
      if (r.files() != null) {
        Files.writeString(dir.resolve(r.name() + ".files"), r.files(), StandardCharsets.UTF_8);
      }
      ApparmorParser.Result run = new ApparmorParser(parser, arguments(tmp)).run("-Q", profile);
      return run.ok() ? new Result(true, run.output(), null, null, 0, null) : failure(run, tmp);
    } catch (IOException e) {
      throw new AdminException("cannot run " + parser + ": " + e.getMessage());
    } finally {
      deleteTree(tmp);
    }
  }

  // -K: never touch the cache; -I TMP first so <libvirt/NAME.files> is the fresh one.
  private List<String> arguments(Path tmp) {
    List<String> args = new ArrayList<>(List.of("-K", "-I", tmp.toString()));
    for (Path p : includes) {
      args.add("-I");
      args.add(p.toAbsolutePath().toString());
    }
    return args;
  }

  private static Result failure(ApparmorParser.Result run, Path tmp) {
    for (String line : run.output().split("\n")) {
      Matcher m = ERROR.matcher(line);
      if (m.find()) {
        Path blamed = Path.of(m.group(1));
        int n = Integer.parseInt(m.group(2));
        String shownName = blamed.startsWith(tmp) ? blamed.getFileName().toString() : blamed.toString();
        return new Result(false, run.output(), m.group(3).strip(), shownName, n, lineOf(blamed, n));
      }
    }
    return new Result(false, run.output(), run.firstError(), null, 0, null);
  }

  private static String lineOf(Path file, int n) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return n >= 1 && n <= lines.size() ? lines.get(n - 1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static void deleteTree(Path tmp) {
    if (tmp == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(tmp)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a leftover temp directory is harmless
    }
  }
}
