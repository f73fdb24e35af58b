package guestarmor.admin;

import static guestarmor.rules.PathPattern.glob;
import static guestarmor.rules.PathPattern.lit;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.rules.PathPattern;
import org.junit.jupiter.api.Test;

class GlobMatcherTest {

  private static boolean matches(PathPattern p, String path) {
    return new GlobMatcher(p).matches(path);
  }

  @Test
  void aLiteralPathMatchesOnlyItself() {
    PathPattern p = PathPattern.literal("/var/lib/libvirt/images/a.img");
    assertTrue(matches(p, "/var/lib/libvirt/images/a.img"));
    assertFalse(matches(p, "/var/lib/libvirt/images/a.img2"));
    assertFalse(matches(p, "/var/lib/libvirt/images/a"));
  }

  @Test
  void globCharactersInALiteralPartMatchThemselvesOnly() {
    PathPattern p = PathPattern.literal("/srv/a*b?[c]{d,e}.img");
    assertTrue(matches(p, "/srv/a*b?[c]{d,e}.img"));
    assertFalse(matches(p, "/srv/axxbyc d.img"));
    assertFalse(matches(p, "/srv/abyc.img"));
  }

  @Test
  void aRegexMetacharacterInALiteralIsNotARegex() {
    PathPattern p = PathPattern.literal("/srv/a.img");
    assertFalse(matches(p, "/srv/aximg"));
  }

  @Test
  void aSingleStarStaysWithinOneDirectory() {
    PathPattern p = PathPattern.of(lit("/var/lib/libvirt/qemu/domain-1-web01/"), glob("*"));
    assertTrue(matches(p, "/var/lib/libvirt/qemu/domain-1-web01/monitor.sock"));
    assertFalse(matches(p, "/var/lib/libvirt/qemu/domain-1-web01/sub/file"));
  }

  @Test
  void aStarRightAfterASlashDoesNotMatchTheDirectoryItself() {
    PathPattern p = PathPattern.of(lit("/d/"), glob("*"));
    assertFalse(matches(p, "/d/"));
  }

  @Test
  void aStarAfterASlashMayBeEmptyWhenMoreOfTheNameFollows() {
    // apparmor_parser's DFA for this rule (GL's driver glob) accepts /usr/lib/dri/.so
    PathPattern p = PathPattern.of(glob("/usr/lib{,32,64}/dri/*.so*"));
    assertTrue(matches(p, "/usr/lib/dri/.so"));
    assertFalse(matches(p, "/usr/lib/dri/x/.so"));
  }

  @Test
  void aStarFirstInBracesMayBeEmptyAfterASlash() {
    // the parser sees "{" before the star, not "/": /d/{,**} also matches /d//, as its DFA does
    PathPattern p = PathPattern.literal("/d").plusGlob("/{,**}");
    assertTrue(matches(p, "/d//"));
  }

  @Test
  void aDoubleStarCrossesDirectories() {
    PathPattern p = PathPattern.of(lit("/run/libvirt/"), glob("**"), lit("/web01.pid"));
    assertTrue(matches(p, "/run/libvirt/qemu/web01.pid"));
    assertTrue(matches(p, "/run/libvirt/a/b/c/web01.pid"));
    assertFalse(matches(p, "/run/libvirt/web01.pid"));
    assertFalse(matches(p, "/run/libvirt/qemu/web02.pid"));
  }

  @Test
  void aTreeRuleCoversEverythingBelowButNotTheDirectory() {
    PathPattern p = PathPattern.literal("/srv/share").plusGlob("/**");
    assertTrue(matches(p, "/srv/share/a"));
    assertTrue(matches(p, "/srv/share/a/b"));
    assertFalse(matches(p, "/srv/share/"));
    assertFalse(matches(p, "/srv/share"));
    assertFalse(matches(p, "/srv/shared/a"));
  }

  @Test
  void aSubtreeRuleAlsoCoversTheDirectoryWithItsSlash() {
    PathPattern p = PathPattern.literal("/srv/share").plusGlob("/{,**}");
    assertTrue(matches(p, "/srv/share/"));
    assertTrue(matches(p, "/srv/share/a/b"));
    assertFalse(matches(p, "/srv/share"));
    assertFalse(matches(p, "/srv/sharex/a"));
  }

  @Test
  void anOptionalStarAlternativeCoversTheNameAndOneLevelBelow() {
    PathPattern p = PathPattern.of(lit("/dev/vfio/"), glob("{,*}"));
    assertTrue(matches(p, "/dev/vfio/"));
    assertTrue(matches(p, "/dev/vfio/7"));
    assertFalse(matches(p, "/dev/vfio/7/x"));
  }

  @Test
  void aQuestionMarkIsOneCharacterButNotASlash() {
    PathPattern p = PathPattern.of(lit("/dev/tty"), glob("?"));
    assertTrue(matches(p, "/dev/ttyS"));
    assertFalse(matches(p, "/dev/tty"));
    assertFalse(matches(p, "/dev/ttyS0"));
  }

  @Test
  void aCharacterClassMatchesItsMembersOnly() {
    PathPattern p = PathPattern.of(lit("/dev/sd"), glob("[a-c]"));
    assertTrue(matches(p, "/dev/sdb"));
    assertFalse(matches(p, "/dev/sdd"));
  }

  @Test
  void anUnclosedBraceIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new GlobMatcher(PathPattern.of(lit("/a/"), glob("{,**"))));
  }
}
