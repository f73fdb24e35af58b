package guestarmor.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.host.LiveHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An LXC container as libvirtd's LXC driver passes it (behaviour file 3.6 and 6): no fixed rules, the
 * filesystem rules shown by the dry-run, nothing written. Runs on the live host: /srv/ct1 and /srv/ro
 * resolve to themselves unless the build host made them symlinks.
 */
class LxcDryRunTest {
  private static final String UUID = "8f7b1c2e-3d4a-4b5c-9d6e-7f8091a2b3c4";
  private static final String NAME = "libvirt-" + UUID;

  @TempDir
  Path profiles;

  private record Outcome(int status, String out, String err) {}

  private Outcome run(String... args) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (InputStream xml = getClass().getResourceAsStream("/lxc/ct1.xml")) {
      int status = VirtAaHelper.run("virt-aa-helper", args, xml, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8), new LiveHost());
      return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  @Test
  void theReplaceDryRunShowsOnlyTheFilesystemRules() throws IOException {
    Outcome o = run("-r", "-d", "-u", NAME, "--profile-dir", profiles.toString());
    assertEquals(0, o.status());
    assertEquals("", o.out());
    assertEquals("virt-aa-helper:\n"
        + profiles + "/" + NAME + ".files\n"
        + "virt-aa-helper:\n"
        + "  # filesystem /\n"
        + "  \"/srv/ct1/**\" rwl,\n"
        + "  \"/srv/ct1/\" r,\n"
        + "  # filesystem /ro\n"
        + "  \"/srv/ro/**\" r,\n"
        + "  \"/srv/ro/\" r,\n"
        + "\n", o.err());
  }

  @Test
  void theCreateDryRunAddsTheProfileLinesAndWritesNothing() throws IOException {
    Outcome o = run("-c", "-d", "-u", NAME, "--profile-dir", profiles.toString());
    assertEquals(0, o.status());
    assertEquals("virt-aa-helper:\n"
        + profiles + "/" + NAME + ".files\n"
        + "virt-aa-helper:\n"
        + "  # filesystem /\n"
        + "  \"/srv/ct1/**\" rwl,\n"
        + "  \"/srv/ct1/\" r,\n"
        + "  # filesystem /ro\n"
        + "  \"/srv/ro/**\" r,\n"
        + "  \"/srv/ro/\" r,\n"
        + "\n"
        + "virt-aa-helper:\n"
        + profiles + "/" + NAME + "\n"
        + "virt-aa-helper:\n"
        + NAME + "\n", o.err(), "an LXC profile includes no .files, so the dry run shows no include line");
    try (var listing = Files.list(profiles)) {
      assertEquals(List.of(), listing.toList());
    }
  }
}
