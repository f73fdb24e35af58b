package guestarmor.it.admin;

import static guestarmor.it.admin.TestDriver.WEB01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import guestarmor.it.ParserStandIn;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code guestarmor denials} as a process against libvirt's test driver, on kernel records written down in
 * resources/admin/denials.log (web01's, an orphan's, the helper's); the .local rule it prints is compiled
 * by the real apparmor_parser inside web01's profile.
 */
class DenialsCommandTest {
  private static final Path LOG = Run.ROOT.resolve("it-tests/src/test/resources/admin/denials.log");
  private static final String WEB = "libvirt-" + WEB01;
  @TempDir
  Path tmp;
  private Path dir;

  @BeforeEach
  void profileDirectory() throws Exception {
    dir = Files.createDirectories(tmp.resolve("libvirt"));
  }

  private Run guestarmor(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of("-c", Run.URI, "--profile-dir", dir.toString()));
    all.addAll(List.of(args));
    return Run.guestarmor(all.toArray(String[]::new));
  }

  private static List<String> blockOf(Run r, String headStart) {
    List<String> lines = r.out().lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(headStart)) {
        int end = i + 1;
        while (end < lines.size() && lines.get(end).startsWith("  ")) {
          end++;
        }
        return lines.subList(i, end);
      }
    }
    throw new AssertionError("no block starting " + headStart + " in\n" + r);
  }

  @Test
  void everyDistinctRefusalIsCountedNewestFirstWithItsDomainAndExplanation() throws Exception {
    Run r = guestarmor("denials", "--source", LOG.toString());
    assertEquals(2, r.status(), r::toString);
    List<String> lines = r.out().lines().toList();
    assertEquals("source: " + LOG, lines.get(0));
    assertEquals("7 records, 6 distinct, newest first", lines.get(1));
    List<String> heads = lines.stream().filter(l -> l.startsWith("DENIED ")).toList();
    assertEquals(6, heads.size(), r::toString);
    assertEquals("DENIED 2x  web01 (" + WEB + ")  open /srv/vm data/extra {1}.img r  last "
        + "2025-12-02 15:40:07 +0000  comm qemu-system-x86", heads.get(0));
    assertTrue(heads.get(5).contains("open /srv/iso/installer.iso w"), "the oldest last");
    assertEquals(List.of(heads.get(0),
        "  not-covered: not covered by any generated rule; <disk> source (a file), or <filesystem> (a directory tree) "
            + "would add it; if it is none of those, nothing in libvirt's model covers it: the rule for the guest's "
            + ".local file",
        "  add to " + dir.resolve(WEB + ".local") + ":",
        "    \"/srv/vm data/extra \\{1\\}.img\" r,"), blockOf(r, heads.get(0)));
    assertEquals("  restricted: under restricted /etc/; the helper refuses to grant it from any element "
        + "(RestrictedPaths), on purpose", blockOf(r, "DENIED 1x  web01 (" + WEB + ")  open /etc/shadow").get(1));
    assertTrue(blockOf(r, "DENIED 1x  web01 (" + WEB + ")  open /srv/iso/installer.iso w").get(1)
        .startsWith("  read-only: disk sdb grants rk and denies writes on purpose"), r::toString);
    assertEquals("    capability sys_admin,", blockOf(r, "DENIED 1x  web01 (" + WEB + ")  capable").get(3));
    assertEquals(2, blockOf(r, "DENIED 1x  libvirt-0badc0de-0000-4000-8000-0000000000ff (no domain has this uuid)")
        .size() - 2, "an orphan still gets its .local rule");
    assertEquals("  add to /etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper:",
        blockOf(r, "DENIED 1x  virt-aa-helper  open /data/vm/disk.qcow2").get(2));
  }

  @Test
  void theLocalRuleItPrintsCompilesInsideTheGuestsProfile() throws Exception {
    TestDriver.helperCreates(dir, "web01", WEB01);
    Run r = guestarmor("--json", "denials", "web01", "--source", LOG.toString());
    assertEquals(2, r.status(), r::toString);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(5, j.get("records").asInt(), "web01's only");
    List<String> rules = new ArrayList<>();
    for (JsonNode d : j.get("denials")) {
      assertEquals("web01", d.get("domain").asText());
      if (!d.get("local_line").isNull()) {
        rules.add("  " + d.get("local_line").asText());
      }
    }
    assertEquals(List.of("  \"/srv/vm data/extra \\{1\\}.img\" r,", "  capability sys_admin,"), rules);
    Files.write(dir.resolve(WEB + ".local"), rules, StandardCharsets.UTF_8);
    ParserStandIn parser = ParserStandIn.compiling(tmp.resolve("parser"));
    Path xml = Files.writeString(tmp.resolve("web01.xml"), TestDriver.domainXml("web01"), StandardCharsets.UTF_8);
    Run helper = Run.exec(List.of(Run.ROOT.resolve("bin/virt-aa-helper").toString(), "-r", "-u", WEB,
        "--profile-dir", dir.toString(), "--parser", parser.path().toString(), "--loaded-profiles",
        tmp.resolve("none").toString()), xml);
    assertEquals(0, helper.status(), helper::toString);
    assertEquals(1, parser.calls().size(), "compiled with the .local rules included");
  }

  @Test
  void sinceLeavesOlderRecordsOutAndNothingLeftIsExitZero() throws Exception {
    Run r = guestarmor("denials", "--source", LOG.toString(), "--since", "@1764690006");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.out().contains("\n2 records, 2 distinct, newest first\n"), r::toString);
    Run none = guestarmor("denials", "--source", LOG.toString(), "--since", "@1764690008");
    assertEquals(0, none.status(), none::toString);
    assertTrue(none.out().endsWith("\n0 records, 0 distinct, newest first\n"), none::toString);
  }

  @Test
  void withoutAuditdTheJournalsKernelMessagesAreReadSinceTheTimeGiven() throws Exception {
    Path calls = tmp.resolve("journalctl.calls");
    Path journalctl = tmp.resolve("journalctl");
    Files.writeString(journalctl, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\ncat '" + LOG + "'\n");
    Files.setPosixFilePermissions(journalctl, PosixFilePermissions.fromString("rwx------"));
    Run r = guestarmor("denials", "--audit-log", tmp.resolve("no-audit.log").toString(), "--journalctl",
        journalctl.toString(), "--since", "@1764690000");
    assertEquals(2, r.status(), r::toString);
    assertTrue(r.out().startsWith("source: journalctl -k (the kernel's messages in the journal, this boot); since "),
        r::toString);
    assertEquals("-k --no-pager -o short-iso --since=@1764690000\n", Files.readString(calls));
  }

  @Test
  void followPrintsEachNewRecordAsItIsAppended() throws Exception {
    Path log = Files.writeString(tmp.resolve("kern.log"), "");
    Process p = new ProcessBuilder(Run.ROOT.resolve("bin/guestarmor").toString(), "-c", Run.URI, "--profile-dir",
        dir.toString(), "denials", "--follow", "--source", log.toString()).redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      assertEquals("source: " + log, out.readLine());
      List<String> records = Files.readAllLines(LOG, StandardCharsets.UTF_8);
      Files.writeString(log, records.get(3) + "\n", StandardOpenOption.APPEND);
      assertEquals("", out.readLine());
      assertTrue(out.readLine().startsWith("DENIED 1x  web01 (" + WEB + ")  capable capability sys_admin"));
      assertTrue(out.readLine().startsWith("  outside-model: "));
      assertEquals("  add to " + dir.resolve(WEB + ".local") + ":", out.readLine());
      assertEquals("    capability sys_admin,", out.readLine());
    } finally {
      p.destroy();
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    }
  }
}
