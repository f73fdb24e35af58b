package guestarmor.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The repository checkout the tests run against: its launchers, examples and Debian's policy files. */
public final class Checkout {
  private Checkout() {}

  public static Path root() {
    return Path.of(System.getProperty("guestarmor.root", "..")).toAbsolutePath().normalize();
  }

  /** Debian's /etc/apparmor.d for libvirt, fetched by the build (fetch-libvirt-abstractions.sh). */
  public static Path libvirtPolicy() {
    Path p = Path.of(System.getProperty("guestarmor.policy", "target/libvirt-policy/root/etc/apparmor.d"));
    if (!Files.isRegularFile(p.resolve("abstractions/libvirt-qemu"))) {
      throw new IllegalStateException("Debian's abstractions/libvirt-qemu is missing under " + p
          + "; the build fetches it with it-tests/fetch-libvirt-abstractions.sh");
    }
    return p;
  }

  public static Path example(String name) {
    return root().resolve("examples").resolve(name);
  }

  /** What a finished process left. */
  public record Result(int status, String stdout, String stderr) {
    public List<String> stderrLines() {
      return stderr.isEmpty() ? List.of() : List.of(stderr.split("\n"));
    }
  }

  /** Runs bin/virt-aa-helper with the arguments, feeding stdin (or nothing). */
  public static Result helper(byte[] stdin, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(root().resolve("bin/virt-aa-helper").toString());
    cmd.addAll(List.of(args));
    return run(cmd, stdin);
  }

  public static Result run(List<String> cmd, byte[] stdin) throws IOException, InterruptedException {
    Path out = Files.createTempFile("ga-out", ".txt");
    Path err = Files.createTempFile("ga-err", ".txt");
    try {
      Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try (var in = p.getOutputStream()) {
        if (stdin != null) {
          in.write(stdin);
        }
      } catch (IOException closedEarly) {
        // the program may exit before reading its input (e.g. a refused option); its status says why
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + cmd);
      }
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
