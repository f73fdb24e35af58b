package guestarmor.it.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real qemu-img in a directory; a failure fails the test with qemu-img's output. */
final class QemuImg {
  private final Path dir;

  QemuImg(Path dir) {
    this.dir = dir;
  }

  /** {@code qemu-img create -q ARGS...} in the directory. */
  void create(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("qemu-img", "create", "-q"));
    command.addAll(List.of(args));
    run(command);
  }

  void run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
  }
}
