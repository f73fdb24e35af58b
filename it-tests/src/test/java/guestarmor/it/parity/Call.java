package guestarmor.it.parity;

import guestarmor.cli.VirtAaHelper;
import guestarmor.host.LiveHost;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One dry run ({@code -d -r -u PROFILE}, the XML on stdin) of either helper: its result, stderr and duration. */
record Call(DryRunResult result, String stderr, long millis) {
  /** Whatever the limit, a call this slow would stall libvirtd's VM start. */
  static final long LIMIT_MILLIS = 2000;

  /** A crash: an exit status the helpers never use, or a Java stack trace. */
  boolean crashed() {
    return (result.exit() != 0 && result.exit() != 1) || stderr.contains("Exception") || stderr.contains("\tat ");
  }

  /** guestarmor in-process, through the entry point libvirtd's exec reaches (VirtAaHelper.run). */
  static Call guestarmor(byte[] xml, String profile) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = VirtAaHelper.run("virt-aa-helper", new String[] {"-d", "-r", "-u", profile},
          new ByteArrayInputStream(xml), o, e, new LiveHost());
    }
    return finished(exit, err.toString(StandardCharsets.UTF_8), start);
  }

  /** The C helper as a process, through it-tests/oracle/c-helper.sh. */
  static Call cHelper(Path script, Reference ref, Path xml, String profile) throws IOException, InterruptedException {
    Path err = Files.createTempFile("c-helper", ".err");
    try {
      long start = System.nanoTime();
      Process p = new ProcessBuilder(List.of("bash", script.toString(), ref.kind(), ref.root().toString(), profile))
          .redirectInput(xml.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile()).start();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("the C helper hangs on " + xml);
      }
      return finished(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8), start);
    } finally {
      Files.deleteIfExists(err);
    }
  }

  private static Call finished(int exit, String stderr, long startNanos) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    return new Call(DryRunResult.fromStderr(exit, stderr.lines().toList()), stderr, millis);
  }

  /** The first {@code virt-aa-helper: error: } line, or "" (the C helper's reason for exit 1). */
  String firstError() {
    return stderr.lines().filter(l -> l.startsWith("virt-aa-helper: error: ")).findFirst()
        .map(l -> l.substring("virt-aa-helper: error: ".length())).orElse("");
  }
}
