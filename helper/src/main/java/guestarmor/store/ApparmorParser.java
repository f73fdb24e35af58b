package guestarmor.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@code apparmor_parser} as virt-aa-helper does (load_profile / remove_profile): one flag, the
 * profile file, an environment of {@code PATH=/sbin:/usr/sbin} only; its output captured.
 */
public final class ApparmorParser {
  /** The parser the C helper runs (APPARMOR_PARSER_PATH in libvirt's build). */
  public static final Path SYSTEM_PARSER = Path.of("/sbin/apparmor_parser");

  /** apparmor_parser's exit status when asked to remove a profile the kernel does not have. */
  public static final int NOT_LOADED = 234;
  private static final int MAX_OUTPUT = 64 * 1024;

  private final Path executable;
  private final List<String> extraArgs;
  private final boolean writeCache;

  /**
   * @param extraArgs given before the flag, e.g. {@code -I DIR} when the profile directory is not
   *     under the parser's default include path
   */
  public ApparmorParser(Path executable, List<String> extraArgs) {
    this(executable, extraArgs, false);
  }

  /**
   * @param writeCache loads pass {@code -W}: the parser keeps the compiled profile in the system cache
   *     ({@code /var/cache/apparmor}) and reuses it while no source file is newer (apparmor 3.0 checks
   *     mtimes), which is why unchanged {@code .files} are never rewritten
   */
  public ApparmorParser(Path executable, List<String> extraArgs, boolean writeCache) {
    this.executable = executable;
    this.extraArgs = List.copyOf(extraArgs);
    this.writeCache = writeCache;
  }

  /** Exit status and the parser's combined output. */
  public record Result(int status, String output) {
    public boolean ok() {
      return status == 0;
    }

    /** The first line that says what went wrong, for a one-line error. */
    public String firstError() {
      for (String line : output.split("\n")) {
        if (!line.isBlank()) {
          return line.strip();
        }
      }
      return "exit status " + status;
    }
  }

  /** {@code -a}, {@code -r} or {@code -R} on the profile file. */
  public Result run(String flag, Path profile) throws IOException {
    List<String> argv = new ArrayList<>();
    argv.add(executable.toString());
    argv.addAll(extraArgs);
    if (writeCache && !flag.equals("-R")) {
      argv.add("-W");
    }
    argv.add(flag);
    argv.add(profile.toString());
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", "/sbin:/usr/sbin");
    env.put("IFS", " \t\n");
    Process p = pb.start();
    p.getOutputStream().close();
    String output = readBounded(p.getInputStream());
    try {
      return new Result(p.waitFor(), output);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IOException("interrupted while waiting for " + executable, e);
    }
  }

  private static String readBounded(InputStream in) throws IOException {
    byte[] head = in.readNBytes(MAX_OUTPUT);
    in.transferTo(java.io.OutputStream.nullOutputStream()); // drain, so the parser never blocks on a full pipe
    return new String(head, StandardCharsets.UTF_8);
  }
}
