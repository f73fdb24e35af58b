package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL at every moment of a replace: before the XML is read, while {@code .files} is written,
 * between the rename and the parser, during the parser. The files on disk are always the old ones
 * or the new ones, whole, and the next call works (the lock dies with the process).
 */
class KillDuringReplaceTest {
  static final String NAME = HelperLauncherTest.NAME;
  static final int DISKS = 3000;
  static final int RUNS = 21;

  @TempDir Path tmp;

  @Test
  void aHelperKilledAtAnyMomentLeavesEitherTheOldOrTheNewFilesWhole() throws Exception {
    // a parser step long enough that a good share of the sweep's kills land between the rename and its end
    ParserStandIn slowParser = ParserStandIn.slow(tmp.resolve("parser"), 2.0);
    byte[] oldXml = Files.readAllBytes(Checkout.example("web01.xml"));
    byte[] newXml = withManyDisks(oldXml);
    Path dir = profileDir("kills");
    create(dir, oldXml, slowParser);
    byte[] oldFiles = Files.readAllBytes(dir.resolve(NAME + ".files"));
    byte[] oldProfile = Files.readAllBytes(dir.resolve(NAME));
    long started = System.nanoTime();
    byte[] newFiles = completedReplace(newXml, oldXml, slowParser);
    // the sweep spans one whole replace as this machine runs it now, so its late kills land after the rename
    long stepMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) / 2 / (RUNS - 1));

    int sawOld = 0;
    int sawNew = 0;
    int killedAfterTheRename = 0;
    int runs = 0;
    // past RUNS, on until one replace finishes before its kill: the sweep then covers the whole replace
    for (boolean finished = false; runs < RUNS || !finished && runs < 3 * RUNS; runs++) {
      boolean killed = killAfter(stepMillis * runs, dir, newXml, slowParser);
      finished = !killed;
      byte[] now = Files.readAllBytes(dir.resolve(NAME + ".files"));
      boolean isOld = Arrays.equals(now, oldFiles);
      boolean isNew = Arrays.equals(now, newFiles);
      assertTrue(isOld || isNew, "after a kill at " + stepMillis * runs + " ms .files is neither old nor new");
      assertArrayEquals(oldProfile, Files.readAllBytes(dir.resolve(NAME)));
      sawOld += isOld ? 1 : 0;
      sawNew += isNew ? 1 : 0;
      killedAfterTheRename += isNew && killed ? 1 : 0;
      Files.write(dir.resolve(NAME + ".files"), oldFiles);
    }
    assertTrue(sawOld > 0, "the earliest kill comes before any write");
    assertTrue(killedAfterTheRename > 0, "no kill landed between the rename and the parser's end (step "
        + stepMillis + " ms, " + sawNew + " runs left the new files)");
    Checkout.Result after = replace(dir, newXml, slowParser);
    assertEquals(0, after.status(), "a killed helper leaves no lock behind: " + after.stderr());
    assertArrayEquals(newFiles, Files.readAllBytes(dir.resolve(NAME + ".files")));
    System.out.printf("kill sweep: %d runs %d ms apart, %d left the old files, %d the new (%d of them killed)%n",
        runs, stepMillis, sawOld, sawNew, killedAfterTheRename);
  }

  private byte[] completedReplace(byte[] newXml, byte[] oldXml, ParserStandIn parser) throws Exception {
    Path ref = profileDir("reference");
    create(ref, oldXml, parser);
    Checkout.Result r = replace(ref, newXml, parser);
    assertEquals(0, r.status(), r.stderr());
    return Files.readAllBytes(ref.resolve(NAME + ".files"));
  }

  private Path profileDir(String name) throws IOException {
    return Files.createDirectories(tmp.resolve(name).resolve("libvirt"));
  }

  private static void create(Path dir, byte[] xml, ParserStandIn parser) throws Exception {
    Checkout.Result r = Checkout.helper(xml, "-c", "-u", NAME, "--profile-dir", dir.toString(),
        "--parser", parser.path().toString());
    assertEquals(0, r.status(), r.stderr());
  }

  private static Checkout.Result replace(Path dir, byte[] xml, ParserStandIn parser) throws Exception {
    return Checkout.helper(xml, "-r", "-u", NAME, "--profile-dir", dir.toString(),
        "--parser", parser.path().toString());
  }

  /** Whether the helper was still running when the time was up, and so was killed. */
  private static boolean killAfter(long millis, Path dir, byte[] xml, ParserStandIn parser) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Checkout.root().resolve("bin/virt-aa-helper").toString(),
        "-r", "-u", NAME, "--profile-dir", dir.toString(), "--parser", parser.path().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try (var in = p.getOutputStream()) {
      in.write(xml);
    } catch (IOException exitedEarly) {
      // killed or finished before reading everything: both are part of the sweep
    }
    boolean killed = !p.waitFor(millis, TimeUnit.MILLISECONDS);
    if (killed) {
      p.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
    }
    p.waitFor(30, TimeUnit.SECONDS);
    return killed;
  }

  private static byte[] withManyDisks(byte[] xml) {
    StringBuilder disks = new StringBuilder();
    for (int i = 0; i < DISKS; i++) {
      disks.append("<disk type='file' device='disk'><driver name='qemu' type='raw'/>")
          .append("<source file='/var/lib/libvirt/images/extra-").append(i).append(".img'/>")
          .append("<target dev='vdx").append(i).append("' bus='virtio'/></disk>\n");
    }
    return new String(xml, StandardCharsets.UTF_8).replace("<devices>", "<devices>\n" + disks)
        .getBytes(StandardCharsets.UTF_8);
  }
}
