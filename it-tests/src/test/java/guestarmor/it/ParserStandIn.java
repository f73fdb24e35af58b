package guestarmor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * An apparmor_parser for machines without AppArmor in the kernel: a shell script that records each
 * call, then compiles the profile with the real {@code apparmor_parser -Q -K} (everything but the
 * kernel load) against Debian's libvirt policy, or exits with a fixed status.
 */
public final class ParserStandIn {
  private final Path script;
  private final Path log;

  private ParserStandIn(Path script, Path log) {
    this.script = script;
    this.log = log;
  }

  /** Records, then runs the real parser with -Q -K; the include path adds Debian's libvirt policy. */
  public static ParserStandIn compiling(Path dir) throws IOException {
    String body = "/sbin/apparmor_parser -Q -K -I '" + Checkout.libvirtPolicy() + "' -I /etc/apparmor.d \"$@\"\n";
    return write(dir, body);
  }

  /** Records, then exits with this status (234 is "profile not loaded" for -R). */
  public static ParserStandIn exiting(Path dir, int status, String message) throws IOException {
    return write(dir, "echo '" + message + "' >&2\nexit " + status + "\n");
  }

  /** Records, then exits 0 without compiling: for tests that count the calls, not judge the text. */
  public static ParserStandIn recording(Path dir) throws IOException {
    return write(dir, "exit 0\n");
  }

  /** Records, sleeps, then exits 0: makes the parser step long enough to be interrupted. */
  public static ParserStandIn slow(Path dir, double seconds) throws IOException {
    return write(dir, "/bin/sleep " + seconds + "\n");
  }

  private static ParserStandIn write(Path dir, String body) throws IOException {
    Files.createDirectories(dir);
    Path log = dir.resolve("parser-calls.log");
    Path script = dir.resolve("apparmor_parser");
    String text = "#!/bin/sh\necho \"$*\" >> '" + log + "'\n" + body;
    Files.writeString(script, text, StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new ParserStandIn(script, log);
  }

  public Path path() {
    return script;
  }

  /** Each call's arguments, one string per call. */
  public List<String> calls() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
  }
}
