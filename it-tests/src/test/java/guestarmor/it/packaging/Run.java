package guestarmor.it.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A finished process: exit status, stdout, stderr. */
record Run(int status, String out, String err) {

  /** Runs the command to completion, stdin empty, output captured through files (no pipe deadlock). */
  static Run of(List<String> argv) throws IOException, InterruptedException {
    Path out = Files.createTempFile("guestarmor-run", ".out");
    Path err = Files.createTempFile("guestarmor-run", ".err");
    try {
      Process p = new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      int status = p.waitFor();
      return new Run(status, Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Run of(String... argv) throws IOException, InterruptedException {
    return of(List.of(argv));
  }

  /** The run, or an AssertionError showing what it printed when it did not exit 0. */
  Run ok() {
    if (status != 0) {
      throw new AssertionError("exit status " + status + "\nstdout:\n" + out + "\nstderr:\n" + err);
    }
    return this;
  }
}
