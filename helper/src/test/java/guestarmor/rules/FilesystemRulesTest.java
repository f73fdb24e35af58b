package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new FilesystemRules(), domain, new DeviceFixture.Tree(root));
  }

  private static String mount(String extra, String source) {
    return "<filesystem type='mount'>" + extra + "<source dir='" + source + "'/><target dir='/mnt'/></filesystem>";
  }

  @Test
  void ninePeeSharesGetTreeRulesButTheHandleDriverDoesNot() throws Exception {
    assertEquals(List.of(
        "  \"/export/to/guest/**\" rwl,",
        "  \"/export/to/guest/\" r,",
        "  \"/export/to/guest2/**\" rwl,",
        "  \"/export/to/guest2/\" r,"), rulesFor(DeviceFixture.sample("filesystem-9p-shares.xml")));
  }

  @Test
  void aReadOnlyShareIsReadableWithoutADenyLine() throws Exception {
    assertEquals(List.of("  \"/srv/ro/**\" r,", "  \"/srv/ro/\" r,"),
        rulesFor(kvm(mount("<readonly/>", "/srv/ro"))));
  }

  @Test
  void theExplicitPathDriverIsLikeTheDefault() throws Exception {
    assertEquals(List.of("  \"/srv/share/**\" rwl,", "  \"/srv/share/\" r,"),
        rulesFor(kvm(mount("<driver type='path'/>", "/srv/share"))));
  }

  @Test
  void otherDriversAndFilesystemTypesGetNothing() throws Exception {
    String xml = mount("<driver type='handle'/>", "/a") + mount("<driver type='loop'/>", "/b")
        + mount("<driver type='nbd'/>", "/c") + mount("<driver type='ploop'/>", "/d")
        + mount("<driver type='virtiofs'/>", "/e")
        + "<filesystem type='block'><source dir='/f'/><target dir='/g'/></filesystem>"
        + "<filesystem type='bind'><source dir='/h'/><target dir='/i'/></filesystem>"
        + "<filesystem type='mount'><target dir='/nosource'/></filesystem>";
    assertEquals(List.of(), rulesFor(kvm(xml)));
  }

  @Test
  void aShareIsWrittenAtItsResolvedLocation() throws Exception {
    new DeviceFixture.Tree(root).dir("/data/share").link("/srv/link", "../data/share");
    assertEquals(List.of("  \"/data/share/**\" rwl,", "  \"/data/share/\" r,"),
        rulesFor(kvm(mount("", "/srv/link"))));
  }

  @Test
  void sharingTheHostRootIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(mount("", "/"))));
    assertEquals("filesystem /mnt: / is the host's root directory, which a guest may not share", e.getMessage());
  }

  @Test
  void aPathThatResolvesToTheHostRootIsRefusedToo() throws Exception {
    new DeviceFixture.Tree(root).dir("/srv").link("/srv/everything", "..");
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm(mount("<readonly/>", "/srv/everything"))));
    assertEquals("filesystem /mnt: /srv/everything resolves to /, the host's root directory, which a guest may not share",
        e.getMessage());
    e = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(mount("", "/srv/.."))));
    assertEquals("filesystem /mnt: /srv/.. resolves to /, the host's root directory, which a guest may not share",
        e.getMessage());
  }

  @Test
  void aContainerMayShareTheHostRootBecauseItsRulesAreNeverInstalled() throws Exception {
    Domain lxc = DeviceFixture.parse("<domain type='lxc'><name>ct1</name><uuid>" + DeviceFixture.UUID
        + "</uuid><os><type>exe</type><init>/bin/sh</init></os><devices>" + mount("", "/") + "</devices></domain>");
    assertEquals(List.of("  \"/**\" rwl,", "  \"/\" r,"), rulesFor(lxc));
  }

  @Test
  void aShareUnderARestrictedDirectoryIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(mount("", "/etc/secrets"))));
    assertEquals("filesystem /mnt: /etc/secrets is under restricted /etc/", e.getMessage());
  }

  @Test
  void aNewlineInTheTargetCannotSplitTheErrorLine() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rulesFor(kvm(
        "<filesystem type='mount'><source dir='/'/><target dir='/a&#10;b'/></filesystem>")));
    assertEquals("filesystem /a\\nb: / is the host's root directory, which a guest may not share", e.getMessage());
  }

  @Test
  void globCharactersInTheSourceAreEscapedNotLive() throws Exception {
    assertEquals(List.of("  \"/srv/\\{a,b\\}/**\" rwl,", "  \"/srv/\\{a,b\\}/\" r,"),
        rulesFor(kvm(mount("", "/srv/{a,b}"))));
  }

  @Test
  void aShareOfADirectoryHoldingRestrictedOnesIsRefusedEvenReadOnly() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm(mount("<readonly/>", "/usr"))));
    assertEquals("filesystem /mnt: /usr is a directory that holds restricted /usr/bin/", e.getMessage());
  }

  @Test
  void aShareBesideRestrictedDirectoriesIsGranted() throws Exception {
    assertEquals(List.of("  \"/usr/src/**\" rwl,", "  \"/usr/src/\" r,"), rulesFor(kvm(mount("", "/usr/src"))));
  }
}
