package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import guestarmor.domain.Domain;
import guestarmor.host.HostTree;
import guestarmor.profile.FilesRenderer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The paths libvirtd 9.0 and 11.x pass with {@code -F} after every start, granted by the start call. */
class StartPathRulesTest {
  @TempDir Path root;

  static Domain running(String type, String name, String id) {
    return RuleLines.parse("<domain type='" + type + "'" + (id == null ? "" : " id='" + id + "'") + "><name>"
        + name + "</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid><os><type>hvm</type></os></domain>");
  }

  List<String> lines(Domain domain) throws RefusedPathException {
    return RuleLines.of(new StartPathRules(), domain, new HostTree(root).dir("/var/lib/libvirt/qemu").host());
  }

  // What libvirtd sends after -c for a guest (seen in the e2e run, it-tests/e2e/README.md).
  static List<String> libvirtdAppends(String dir) {
    return List.of("/var/lib/libvirt/qemu/" + dir + "/{,**}", "/var/lib/libvirt/qemu/channel/target/" + dir + "/{,**}",
        "/var/lib/libvirt/qemu/" + dir + "/master-key.aes");
  }

  @Test
  void aStartingGuestGetsItsDirectoriesAsSubtreesAndItsMasterKey() throws RefusedPathException {
    assertEquals(List.of("  \"/var/lib/libvirt/qemu/domain-7-web01/{,**}\" rwk,",
        "  \"/var/lib/libvirt/qemu/channel/target/domain-7-web01/{,**}\" rwk,",
        "  \"/var/lib/libvirt/qemu/domain-7-web01/master-key.aes\" rwk,"), lines(running("kvm", "web01", "7")));
  }

  @Test
  void theCallsLibvirtdMakesAfterTheStartFindNothingNewAndTheRuleSetIsTheCHelpersAfterItsSequence()
      throws RefusedPathException {
    HostTree tree = new HostTree(root).dir("/var/lib/libvirt/qemu/channel/target");
    Domain domain = running("kvm", "web01", "7");
    String afterStart = FilesRenderer.render(new DomainRules(tree.host()).compute(domain, null).rules());
    // libvirtd creates the directories and writes the key between the start call and its -F calls.
    tree.dir("/var/lib/libvirt/qemu/domain-7-web01").dir("/var/lib/libvirt/qemu/channel/target/domain-7-web01")
        .file("/var/lib/libvirt/qemu/domain-7-web01/master-key.aes", "key");
    DomainRules derive = new DomainRules(tree.host());
    String files = afterStart;
    Set<String> cHelperSet = new HashSet<>(ruleLines(withoutStartPaths(afterStart)));
    for (String appended : libvirtdAppends("domain-7-web01")) {
      List<Rule> rules = derive.appended(appended).rules();
      files = FilesRenderer.append(files, rules);
      cHelperSet.addAll(RuleLines.lines(rules));
    }
    assertEquals(afterStart, files, "an -F call changed .files, so it would run the parser");
    assertEquals(cHelperSet, new HashSet<>(ruleLines(files)));
    assertEquals(3, ruleLines(afterStart).size() - ruleLines(withoutStartPaths(afterStart)).size());
  }

  @Test
  void aDomainWithoutAnIdGetsNoneAsItsDirectoryIsNotKnown() throws RefusedPathException {
    assertEquals(List.of(), lines(running("kvm", "web01", null)));
  }

  @Test
  void anLxcGuestGetsNone() throws RefusedPathException {
    assertEquals(List.of(), lines(running("lxc", "web01", "7")));
  }

  @Test
  void aLongAsciiNameIsCutToTwentyCharactersAsLibvirtdNamesTheDirectory() {
    assertEquals("domain-3-abcdefghijklmnopqrst", StartPathRules.directoryName(running("qemu", "abcdefghijklmnopqrstuvwxyz", "3")));
  }

  @Test
  void aShortNameWithMultiByteCharactersIsKeptWhole() {
    assertEquals("domain-3-gäst", StartPathRules.directoryName(running("qemu", "gäst", "3")));
  }

  @Test
  void aLongNameWithMultiByteCharactersGetsNoneAsLibvirtdsCutDependsOnItsLocale() throws RefusedPathException {
    assertNull(StartPathRules.directoryName(running("qemu", "äbcdefghijklmnopqrstu", "3")));
    assertEquals(List.of(), lines(running("qemu", "äbcdefghijklmnopqrstu", "3")));
  }

  @Test
  void aNameWithGlobCharactersIsEscapedAsTheFCallWritesIt() throws RefusedPathException {
    HostTree tree = new HostTree(root).dir("/var/lib/libvirt/qemu/channel/target");
    Domain domain = running("qemu", "a*b{c}", "2");
    List<String> granted = lines(domain);
    List<String> appended = new ArrayList<>();
    for (String file : libvirtdAppends("domain-2-a*b{c}")) {
      appended.addAll(RuleLines.lines(new DomainRules(tree.host()).appended(file).rules()));
    }
    assertEquals(appended, granted);
    assertEquals("  \"/var/lib/libvirt/qemu/domain-2-a\\*b\\{c\\}/{,**}\" rwk,", granted.get(0));
  }

  static String withoutStartPaths(String files) {
    int at = files.indexOf("  # " + Rule.START_PATHS + "\n");
    return at < 0 ? files : files.substring(0, at);
  }

  static List<String> ruleLines(String files) {
    List<String> rules = new ArrayList<>();
    for (String line : files.split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("  #")) {
        rules.add(line);
      }
    }
    return rules;
  }
}
