package guestarmor.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * A real executable standing in for apparmor_parser: a shell script that appends its arguments (one
 * call per line) to a log file and exits with a chosen status.
 */
record FakeParser(Path script, Path calls) {

  static FakeParser exiting(Path dir, int status) throws IOException {
    Path calls = dir.resolve("parser-calls.log");
    Path script = dir.resolve("fake-apparmor_parser");
    Files.writeString(script, "#!/bin/sh\n"
        + "echo \"$*\" >> '" + calls + "'\n"
        + "export -p > '" + dir.resolve("parser-env.txt") + "'\n"
        + "echo 'AppArmor parser error for " + script + ": fake failure' >&2\n"
        + "exit " + status + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new FakeParser(script, calls);
  }

  ApparmorParser parser() {
    return new ApparmorParser(script, List.of());
  }

  /** One line per run, the arguments joined by spaces; empty when it never ran. */
  List<String> runs() throws IOException {
    return Files.exists(calls) ? Files.readAllLines(calls, StandardCharsets.UTF_8) : List.of();
  }

  String environment() throws IOException {
    return Files.readString(calls.resolveSibling("parser-env.txt"));
  }
}
