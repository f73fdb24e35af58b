package guestarmor.admin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where the kernel's AppArmor records are on this host: auditd's log when auditd writes one (the kernel
 * then sends them there, not to its ring buffer), else the journal's kernel messages, else dmesg; or a
 * file given by the admin ({@code -} for stdin).
 */
final class LogSource {
  static final Path AUDIT_LOG = Path.of("/var/log/audit/audit.log");
  static final Path JOURNALCTL = Path.of("/usr/bin/journalctl");
  static final Path DMESG = Path.of("/usr/bin/dmesg");
  private static final long POLL_MILLIS = 500;

  enum Kind { AUDIT_LOG, JOURNAL, DMESG, FILE }

  private final Kind kind;
  private final Path path;

  private LogSource(Kind kind, Path path) {
    this.kind = kind;
    this.path = path;
  }

  /**
   * @param option {@code auto}, {@code journal}, {@code audit}, {@code dmesg}, or a file
   * @param auditLog, journalctl, dmesg where those are (test seams; the system paths otherwise)
   */
  static LogSource choose(String option, Path auditLog, Path journalctl, Path dmesg) {
    return switch (option) {
      case "auto" -> auto(auditLog, journalctl, dmesg);
      case "audit" -> new LogSource(Kind.AUDIT_LOG, auditLog);
      case "journal" -> new LogSource(Kind.JOURNAL, journalctl);
      case "dmesg" -> new LogSource(Kind.DMESG, dmesg);
      default -> new LogSource(Kind.FILE, Path.of(option));
    };
  }

  private static LogSource auto(Path auditLog, Path journalctl, Path dmesg) {
    try {
      if (Files.isReadable(auditLog) && Files.size(auditLog) > 0) {
        return new LogSource(Kind.AUDIT_LOG, auditLog);
      }
    } catch (IOException e) {
      // unreadable: try the next source
    }
    return Files.isExecutable(journalctl) ? new LogSource(Kind.JOURNAL, journalctl) : new LogSource(Kind.DMESG, dmesg);
  }

  /** For the output's header: which source, read how. */
  String description() {
    return switch (kind) {
      case AUDIT_LOG -> path + " (auditd)";
      case JOURNAL -> "journalctl -k (the kernel's messages in the journal, this boot)";
      case DMESG -> "dmesg (the kernel's ring buffer)";
      case FILE -> path.toString().equals("-") ? "standard input" : path.toString();
    };
  }

  /** Every line, oldest first; with {@code follow}, then every new one until the process is stopped. */
  void read(Instant since, boolean follow, Consumer<String> lines) throws AdminException {
    try {
      switch (kind) {
        case JOURNAL -> run(journalArgs(since, follow), lines);
        case DMESG -> run(follow ? List.of(path.toString(), "-w") : List.of(path.toString()), lines);
        default -> readFile(follow, lines);
      }
    } catch (IOException e) {
      throw new AdminException("cannot read " + description() + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<String> journalArgs(Instant since, boolean follow) {
    List<String> argv = new ArrayList<>(List.of(path.toString(), "-k", "--no-pager", "-o", "short-iso"));
    if (since != null) {
      argv.add("--since=@" + since.getEpochSecond());
    }
    if (follow) {
      argv.addAll(List.of("--no-tail", "-f"));
    }
    return argv;
  }

  private static void run(List<String> argv, Consumer<String> lines) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.INHERIT)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.accept(line);
      }
    } finally {
      p.getInputStream().close();
    }
    int status = p.waitFor();
    if (status != 0) {
      throw new IOException(argv.get(0) + " exited with status " + status);
    }
  }

  private void readFile(boolean follow, Consumer<String> lines) throws IOException, InterruptedException {
    if (path.toString().equals("-")) {
      readStream(System.in, lines);
      return;
    }
    if (!follow) {
      try (InputStream in = Files.newInputStream(path)) {
        readStream(in, lines);
      }
      return;
    }
    tail(lines);
  }

  private static void readStream(InputStream in, Consumer<String> lines) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      lines.accept(line);
    }
  }

  // tail -F: whole lines as they are appended; a file that shrank was rotated and is read from its start.
  private void tail(Consumer<String> lines) throws IOException, InterruptedException {
    long position = 0;
    StringBuilder partial = new StringBuilder();
    while (true) {
      if (Files.exists(path)) {
        try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "r")) {
          if (f.length() < position) {
            position = 0;
            partial.setLength(0);
          }
          f.seek(position);
          byte[] buf = new byte[(int) Math.min(f.length() - position, 1 << 20)];
          f.readFully(buf);
          position += buf.length;
          partial.append(new String(buf, StandardCharsets.UTF_8));
        }
        for (int nl = partial.indexOf("\n"); nl >= 0; nl = partial.indexOf("\n")) {
          lines.accept(partial.substring(0, nl));
          partial.delete(0, nl + 1);
        }
      }
      Thread.sleep(POLL_MILLIS);
    }
  }
}
