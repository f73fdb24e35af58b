package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.host.LiveHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Path resolution (behaviour 4.3, decisions 2.3 and 2.11) on a real temporary tree. */
class PathPolicyTest {
  @TempDir Path tmp;
  private String root;
  private final PathPolicy policy = new PathPolicy(new LiveHost(), RestrictedPaths.libvirt());

  @BeforeEach
  void tree() throws Exception {
    Path real = tmp.toRealPath();
    root = real.toString();
    Files.createDirectories(real.resolve("images"));
    Files.writeString(real.resolve("images/b.qcow2"), "x");
    Files.createSymbolicLink(real.resolve("images/a.img"), real.resolve("images/b.qcow2"));
    Files.createDirectories(real.resolve("run-real"));
    Files.createSymbolicLink(real.resolve("run"), real.resolve("run-real"));
    Files.createSymbolicLink(real.resolve("dangling"), real.resolve("nowhere/target"));
  }

  private String resolve(String path, boolean write) throws RefusedPathException {
    return policy.resolve("disk vda", path, write).path();
  }

  private String refusal(String path, boolean write) {
    return assertThrows(RefusedPathException.class, () -> policy.resolve("disk vda", path, write)).getMessage();
  }

  @Test
  void aSymlinkedFileResolvesToItsTarget() throws Exception {
    assertEquals(root + "/images/b.qcow2", resolve(root + "/images/a.img", true));
  }

  @Test
  void theSymlinkedParentOfAMissingFileIsResolved() throws Exception {
    assertEquals(root + "/run-real/foo/bar.sock", resolve(root + "/run/foo/bar.sock", true));
  }

  @Test
  void aDanglingSymlinkKeepsTheLinkName() throws Exception {
    assertEquals(root + "/dangling", resolve(root + "/dangling", true));
  }

  @Test
  void theResolvedPathKeepsTheGivenOne() throws Exception {
    assertEquals(new PathPolicy.Resolved(root + "/images/a.img", root + "/images/b.qcow2"),
        policy.resolve("disk vda", root + "/images/a.img", false));
  }

  @Test
  void dotDotIsRemovedLexicallyBeforeResolution() throws Exception {
    assertEquals(root + "/images/b.qcow2", resolve(root + "/missing/../images/./b.qcow2", true));
  }

  @Test
  void dotDotUnderAMissingDirectoryCannotReachEtc() {
    assertEquals("disk vda: /nonexistent/../etc/passwd resolves to /etc/passwd, under restricted /etc/",
        refusal("/nonexistent/../etc/passwd", false));
  }

  @Test
  void dotDotUnderAnExistingDirectoryCannotReachEtc() {
    assertEquals("disk vda: /var/../etc/shadow resolves to /etc/shadow, under restricted /etc/",
        refusal("/var/../etc/shadow", true));
  }

  @Test
  void aRestrictedPathAsGivenIsNamedOnce() {
    assertEquals("disk vda: /etc/passwd is under restricted /etc/", refusal("/etc/passwd", false));
  }

  @Test
  void aSymlinkIntoEtcIsRefusedNamingBothPaths() throws Exception {
    Files.createSymbolicLink(tmp.toRealPath().resolve("etc-link"), Path.of("/etc"));
    assertEquals("disk vda: " + root + "/etc-link/shadow resolves to /etc/shadow, under restricted /etc/",
        refusal(root + "/etc-link/shadow", true));
  }

  @Test
  void trailingSlashesAreStripped() throws Exception {
    assertEquals(root + "/images", resolve(root + "/images/", true));
    assertEquals("/nonexist/dir", resolve("/nonexist/dir/", true));
  }

  @Test
  void doubleSlashesAreCollapsed() throws Exception {
    assertEquals(root + "/images/b.qcow2", resolve(root + "//images//b.qcow2", true));
    assertEquals("/nonexist/a/b", resolve("//nonexist///a/b", true));
  }

  @Test
  void aPathUnderAMissingTopDirectoryIsKeptAsNormalised() throws Exception {
    assertEquals("/nonexist/x.img", resolve("/nonexist/x.img", true));
  }

  @Test
  void aRelativePathIsSkipped() throws Exception {
    assertNull(policy.resolve("serial 0", "relative/serial.log", true));
  }

  @Test
  void aControlCharacterInAPathIsRefusedAndShownEscaped() {
    assertEquals("disk vda: /srv/a\\nb contains a control character", refusal("/srv/a\nb", true));
  }

  @Test
  void aSymlinkResolvingToANameWithANewlineIsRefused() throws Exception {
    // decisions 2.1: control characters in a path are refused, also when they come from the host's symlinks
    Path odd = Files.writeString(tmp.toRealPath().resolve("a\nb.img"), "x");
    Files.createSymbolicLink(tmp.toRealPath().resolve("images/odd.img"), odd);
    assertEquals("disk vda: " + root + "/images/odd.img resolves to " + root + "/a\\nb.img, which contains a control character",
        refusal(root + "/images/odd.img", true));
  }

  @Test
  void etceteraIsNotEtc() throws Exception {
    assertEquals("/etcetera/x", resolve("/etcetera/x", true));
  }

  @Test
  void bootMayBeReadButNotWritten() throws Exception {
    assertEquals("/boot/golden-x.img", resolve("/boot/golden-x.img", false));
    assertEquals("disk vda: /boot/golden-x.img is under /boot/, which a guest may only read",
        refusal("/boot/golden-x.img", true));
  }

  @Test
  void firmwareUnderOvmfMayBeReadButNotWritten() throws Exception {
    assertEquals("/usr/share/OVMF/GOLDEN.fd", resolve("/usr/share/OVMF/GOLDEN.fd", false));
    assertEquals("disk vda: /usr/share/OVMF/GOLDEN.fd is under /usr/share/OVMF/, which a guest may only read",
        refusal("/usr/share/OVMF/GOLDEN.fd", true));
  }

  @Test
  void otherFilesUnderUsrShareAreRefusedEvenReadOnly() {
    assertEquals("disk vda: /usr/share/seabios/golden.bin is under restricted /usr/share/",
        refusal("/usr/share/seabios/golden.bin", false));
  }

  @Test
  void theRootDirectoryIsAllowed() throws Exception {
    assertEquals("/", resolve("/", true));
  }
}
