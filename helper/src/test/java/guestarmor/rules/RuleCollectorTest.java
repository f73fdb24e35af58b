package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.host.LiveHost;
import java.util.List;
import org.junit.jupiter.api.Test;

/** vah_add_path's permission handling (virt-aa-helper-behaviour.md 4.3, the generic path rule, steps 4 and 7). */
class RuleCollectorTest {
  private final RuleCollector rules = new RuleCollector(new PathPolicy(new LiveHost(), RestrictedPaths.libvirt()));

  private static PathPattern p(String path) {
    return PathPattern.literal(path);
  }

  @Test
  void writablePermsGetNoDenyLine() throws Exception {
    rules.addPath("disk vda", "/nonexist/a.img", "rwk");
    assertEquals(List.of(Rule.allow("disk vda", p("/nonexist/a.img"), "rwk")), rules.rules());
  }

  @Test
  void readOnlyPermsAreFollowedByADenyWriteLine() throws Exception {
    rules.addPath("disk sdc", "/nonexist/x.iso", "rk");
    assertEquals(List.of(Rule.allow("disk sdc", p("/nonexist/x.iso"), "rk"),
        new Rule("disk sdc", p("/nonexist/x.iso"), "w", true, "don't audit writes to readonly files")), rules.rules());
  }

  @Test
  void capitalRGrantsReadWithoutADenyLine() throws Exception {
    rules.addPath("filesystem /mnt", "/nonexist/ro", "R");
    assertEquals(List.of(Rule.allow("filesystem /mnt", p("/nonexist/ro"), "r")), rules.rules());
  }

  @Test
  void aTreeGrantsEverythingBelowAndTheDirectoryItself() throws Exception {
    rules.addTree("filesystem /", "/nonexist/share/", "rwl");
    assertEquals(List.of(Rule.allow("filesystem /", p("/nonexist/share").plusGlob("/**"), "rwl"),
        Rule.allow("filesystem /", p("/nonexist/share/"), "r")), rules.rules());
  }

  @Test
  void aTreeAtTheRootIsStarStarAndSlash() throws Exception {
    rules.addTree("filesystem /", "/", "rwl");
    assertEquals(List.of(Rule.allow("filesystem /", p("").plusGlob("/**"), "rwl"),
        Rule.allow("filesystem /", p("/"), "r")), rules.rules());
  }

  @Test
  void aSubtreeIsTheDirectoryAndEverythingBelowInOneRule() throws Exception {
    rules.addSubtree("-F (hotplug)", "/nonexist/dom", "rwk");
    assertEquals(List.of(Rule.allow("-F (hotplug)", p("/nonexist/dom").plusGlob("/{,**}"), "rwk")), rules.rules());
  }

  @Test
  void aSubtreeOverARestrictedDirectoryIsRefusedLikeTheCHelperRefusesDirSlashBraces() {
    // virt-aa-helper checks "/etc/{,**}" as a whole, which starts with the restricted "/etc/"
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rules.addSubtree("-F (hotplug)", "/etc", "rwk"));
    assertEquals("-F (hotplug): /etc is the restricted directory /etc/", e.getMessage());
    assertEquals(List.of(), rules.rules());
  }

  @Test
  void aWritableSubtreeOverAReadOnlyDirectoryIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class, () -> rules.addSubtree("-F (hotplug)", "/boot", "rwk"));
    assertEquals("-F (hotplug): /boot is the host's /boot directory, which a guest may not have as a whole", e.getMessage());
  }

  @Test
  void aTreeOverARestrictedDirectoryIsRefused() {
    assertThrows(RefusedPathException.class, () -> rules.addTree("filesystem /mnt", "/etc/", "R"));
  }

  @Test
  void aTreeOverTheRootStaysAllowedAsInTheCHelper() throws Exception {
    rules.addSubtree("-F (hotplug)", "/", "rwk");
    assertEquals(List.of(Rule.allow("-F (hotplug)", p("").plusGlob("/{,**}"), "rwk")), rules.rules());
  }

  @Test
  void aRelativePathAddsAWarningAndNoRule() throws Exception {
    rules.addPath("serial 1", "relative/serial.log", "rw");
    assertEquals(List.of(), rules.rules());
    assertEquals(List.of("serial 1: skipped non-absolute path relative/serial.log"), rules.warnings());
  }

  @Test
  void aRelativeChardevInADomainWarnsOnce() throws Exception {
    String xml = "<domain type='qemu'><name>g</name><uuid>6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b</uuid>"
        + "<os><type>hvm</type></os><devices><serial type='file'><source path='rel/s.log'/></serial></devices></domain>";
    var domain = new guestarmor.domain.DomainXmlReader().parse(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    DomainRules.Result r = new DomainRules(new LiveHost()).compute(domain, null);
    assertEquals(List.of("serial 0: skipped non-absolute path rel/s.log"), r.warnings());
    assertEquals(5, r.rules().size());
  }
}
