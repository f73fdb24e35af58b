package guestarmor.it.admin;

import static guestarmor.it.admin.TestDriver.WEB01;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
  @TempDir
  Path tmp;

  private Path helperWroteWeb01() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("libvirt"));
    TestDriver.helperCreates(dir, "web01", WEB01);
    return dir;
  }

  @Test
  void whatTheHelperWroteIsTheSameAsAFreshRender() throws Exception {
    Path dir = helperWroteWeb01();
    Run r = Run.guestarmor("-c", Run.URI, "--profile-dir", dir.toString(), "diff", "web01");
    assertEquals(0, r.status(), r::toString);
    assertEquals("", r.out());
  }

  @Test
  void anEditedFilesIsShownAsAUnifiedDiffAndExitsOne() throws Exception {
    Path dir = helperWroteWeb01();
    Path files = dir.resolve("libvirt-" + WEB01 + ".files");
    Files.writeString(files, Files.readString(files).replace("  \"/srv/iso/installer.iso\" rk,\n",
        "  \"/srv/iso/installer.iso\" rwk,\n"));
    Run r = Run.guestarmor("-c", Run.URI, "--profile-dir", dir.toString(), "diff", "web01");
    assertEquals(1, r.status(), r::toString);
    assertTrue(r.out().startsWith("--- " + files + "\n+++ " + files + " (fresh render)\n@@ -"), r::toString);
    assertTrue(r.out().contains("""
          # disk sdb
        -  "/srv/iso/installer.iso" rwk,
        +  "/srv/iso/installer.iso" rk,
           # don't audit writes to readonly files
        """), r::toString);
  }

  @Test
  void aMissingProfileIsAllAdditionsAndJsonSaysNotTheSame() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("empty"));
    Run r = Run.guestarmor("-c", Run.URI, "--profile-dir", dir.toString(), "--json", "diff", "web01");
    assertEquals(1, r.status(), r::toString);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertEquals(false, j.get("same").asBoolean());
    assertTrue(j.get("files_diff").asText().startsWith("--- /dev/null\n+++ " + dir + "/libvirt-" + WEB01
        + ".files (fresh render)\n@@ -0,0 +1,"), r::toString);
  }
}
