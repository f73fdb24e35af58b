package guestarmor.it.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.it.Checkout;
import guestarmor.it.ParserStandIn;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A full disk, a read-only profile directory, and many helpers at once for one guest. */
class FaultTest {
  static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  @TempDir Path tmp;
  Path profiles;
  ParserStandIn parser;
  byte[] web01;

  @BeforeEach
  void setUp() throws Exception {
    profiles = Files.createDirectories(tmp.resolve("libvirt"));
    parser = ParserStandIn.exiting(tmp.resolve("parser"), 0, "");
    web01 = Files.readAllBytes(Checkout.example("web01.xml"));
    Checkout.Result r = helperIn(profiles, web01, "-c");
    assertEquals(0, r.status(), r.stderr());
  }

  Checkout.Result helperIn(Path dir, byte[] xml, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Checkout.root().resolve("bin/virt-aa-helper").toString()));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("-u", NAME, "--profile-dir", dir.toString(), "--parser", parser.path().toString()));
    return Checkout.run(cmd, xml);
  }

  /** Runs a shell script in a private mount namespace (a tmpfs there is gone when it ends). */
  Checkout.Result inMountNamespace(String script, byte[] stdin) throws Exception {
    return Checkout.run(List.of("unshare", "-m", "sh", "-ec", script), stdin);
  }

  @Test
  void aFullDiskLeavesThePreviousFilesWholeAndSaysSo() throws Exception {
    byte[] bigger = new String(web01, StandardCharsets.UTF_8).replace("<devices>", "<devices>"
        + "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/more.img'/><target dev='vdz'/></disk>"
        .repeat(400)).getBytes(StandardCharsets.UTF_8);
    Path full = Files.createDirectories(tmp.resolve("full"));
    String helper = Checkout.root().resolve("bin/virt-aa-helper").toString();
    String script = "mount -t tmpfs -o size=128k tmpfs '" + full + "'\n"
        + "cp -a '" + profiles + "/.' '" + full + "/'\n"
        + "dd if=/dev/zero of='" + full + "/filler' bs=1k 2>/dev/null || true\n"
        + "rc=0; '" + helper + "' -r -u " + NAME + " --profile-dir '" + full + "' --parser '" + parser.path()
        + "' 2>'" + tmp + "/stderr' || rc=$?\n"
        + "echo \"rc=$rc\"; cmp -s '" + full + "/" + NAME + ".files' '" + profiles + "/" + NAME + ".files' && echo same\n"
        + "ls -A '" + full + "'\n";
    Checkout.Result r = inMountNamespace(script, bigger);
    assertEquals(0, r.status(), r.stderr());
    List<String> out = r.stdout().lines().toList();
    assertEquals("rc=1", out.get(0), r.stdout());
    assertEquals("same", out.get(1), "the old .files stays as it was");
    assertEquals(List.of("." + NAME + ".lock", "filler", NAME, NAME + ".files"), out.subList(2, out.size()),
        "no temporary file is left behind");
    List<String> err = Files.readAllLines(tmp.resolve("stderr"));
    assertEquals(1, err.size(), err.toString());
    assertTrue(err.get(0).startsWith("virt-aa-helper: error: could not write " + full + "/" + NAME + ".files: "),
        err.get(0));
  }

  @Test
  void aReadOnlyProfileDirectoryIsOneClearError() throws Exception {
    String helper = Checkout.root().resolve("bin/virt-aa-helper").toString();
    String script = "mount --bind '" + profiles + "' '" + profiles + "'\n"
        + "mount -o remount,bind,ro '" + profiles + "'\n"
        + "exec '" + helper + "' -r -u " + NAME + " --profile-dir '" + profiles + "' --parser '" + parser.path() + "'\n";
    byte[] before = Files.readAllBytes(profiles.resolve(NAME + ".files"));
    Checkout.Result r = inMountNamespace(script, web01);
    assertEquals(1, r.status());
    assertEquals(1, r.stderrLines().size(), r.stderr());
    assertTrue(r.stderr().startsWith("virt-aa-helper: error: ") && r.stderr().contains("Read-only file system"),
        r.stderr());
    assertEquals(new String(before, StandardCharsets.UTF_8),
        Files.readString(profiles.resolve(NAME + ".files"), StandardCharsets.UTF_8));
  }

  @Test
  void twentyConcurrentAppendsForOneGuestLoseNoRule() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<Checkout.Result>> calls = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String file = "/var/lib/libvirt/images/hotplug-" + i + ".qcow2";
        calls.add(pool.submit(() -> helperIn(profiles, web01, "-r", "-F", file)));
      }
      for (Future<Checkout.Result> c : calls) {
        assertEquals(0, c.get().status(), c.get().stderr());
      }
    } finally {
      pool.shutdown();
    }
    String files = Files.readString(profiles.resolve(NAME + ".files"), StandardCharsets.UTF_8);
    for (int i = 0; i < 20; i++) {
      String rule = "  \"/var/lib/libvirt/images/hotplug-" + i + ".qcow2\" rwk,\n";
      assertEquals(files.indexOf(rule), files.lastIndexOf(rule), "exactly once: " + rule);
      assertTrue(files.contains(rule), "kept: " + rule);
    }
    assertTrue(files.startsWith("# DO NOT EDIT THIS FILE DIRECTLY. IT IS MANAGED BY LIBVIRT.\n"));
    assertEquals(20, parser.calls().stream().filter(c -> c.contains(" -r ")).count());
  }
}
