package guestarmor.it.admin;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A finished process: exit status and both outputs. Runs the launchers of the checkout. */
record Run(int status, String out, String err) {
  static final Path ROOT = Path.of(System.getProperty("guestarmor.root", "..")).toAbsolutePath().normalize();
  static final Path NODE = ROOT.resolve("it-tests/src/test/resources/admin/node.xml");
  static final String URI = "test://" + NODE;

  /** {@code bin/guestarmor ARGS}. */
  static Run guestarmor(String... args) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(ROOT.resolve("bin/guestarmor").toString()));
    argv.addAll(List.of(args));
    return exec(argv, null);
  }

  /** Any command line, with stdin from a file (or none). */
  static Run exec(List<String> argv, Path stdin) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    Path out = Files.createTempFile("guestarmor-out", ".txt");
    Path err = Files.createTempFile("guestarmor-err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new File("/dev/null"))
        : ProcessBuilder.Redirect.from(stdin.toFile()));
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("still running after 120 s: " + argv);
    }
    try {
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.delete(out);
      Files.delete(err);
    }
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
