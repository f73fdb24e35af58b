package guestarmor.admin;

import static guestarmor.admin.AuditLineParserTest.UUID;
import static guestarmor.admin.AuditLineParserTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.host.LiveHost;
import guestarmor.rules.PathPattern;
import guestarmor.rules.Rule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each kind of refusal, explained against a guest's generated rules (built here as the helper would). */
class DenialExplainerTest {
  private static final Path DIR = Path.of("/etc/apparmor.d/libvirt");
  private static final String LOCAL = "/etc/apparmor.d/libvirt/libvirt-" + UUID + ".local";
  private static final String IMAGES = "/var/lib/libvirt/images/";
  private static final List<Rule> RULES = List.of(
      Rule.allow("disk vda", PathPattern.literal(IMAGES + "tiny.qcow2"), "rwk"),
      Rule.allow("disk vda", PathPattern.literal(IMAGES + "tiny-base.qcow2"), "rk"),
      Rule.denyWrite("disk vda", PathPattern.literal(IMAGES + "tiny-base.qcow2")),
      Rule.allow("serial 0", PathPattern.literal("/var/log/libvirt/qemu/tiny-serial0.log"), "r"));
  private final DenialExplainer explainer = new DenialExplainer(new PathExplainer(new LiveHost()), DIR);

  private static Denial denial(String profile, String fields) {
    DenialLog log = new DenialLog(0, null);
    log.add("audit: type=1400 audit(1764690001.000:1): apparmor=\"DENIED\" profile=\"" + profile + "\" " + fields);
    return log.newestFirst().get(0);
  }

  private static Denial open(String name, String mask) {
    return denial("libvirt-" + UUID, "operation=\"open\" name=\"" + name + "\" pid=1 comm=\"qemu-system-x86\" "
        + "requested_mask=\"" + mask + "\" denied_mask=\"" + mask + "\" fsuid=64055 ouid=0");
  }

  private static Denial fromFixture(String file, String target) throws IOException {
    DenialLog log = new DenialLog(0, null);
    fixture(file).forEach(log::add);
    return log.newestFirst().stream().filter(d -> d.target().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void aFileNamedInQemuCommandlineIsOutsideTheModelAndGetsItsLocalLine() throws IOException {
    DenialExplanation e = explainer.explain(fromFixture("journal.txt", "/srv/extra.raw"), RULES,
        List.of("-drive", "file=/srv/extra.raw,format=raw,if=none,id=extra"));
    assertEquals("qemu-commandline", e.verdict());
    assertEquals(LOCAL, e.localFile());
    assertEquals("\"/srv/extra.raw\" rw,", e.localLine(), "the kernel's mask wr as rule permissions");
    assertTrue(e.text().startsWith("named in <qemu:commandline>"), e.text());
  }

  @Test
  void aFileNoRuleCoversNamesTheElementThatWouldAndTheLocalLine() {
    DenialExplanation e = explainer.explain(open("/srv/other.img", "r"), RULES, List.of());
    assertEquals("not-covered", e.verdict());
    assertTrue(e.text().contains("<disk> source (a file), or <filesystem> (a directory tree) would add it"), e.text());
    assertEquals("\"/srv/other.img\" r,", e.localLine());
  }

  @Test
  void aRestrictedPathSaysWhyAndOffersNoRule() {
    DenialExplanation e = explainer.explain(open("/etc/shadow", "r"), RULES, List.of());
    assertEquals("restricted", e.verdict());
    assertTrue(e.text().contains("/etc/"), e.text());
    assertNull(e.localLine());
  }

  @Test
  void aWriteToABackingLayerIsReadOnlyOnPurpose() {
    DenialExplanation e = explainer.explain(open(IMAGES + "tiny-base.qcow2", "w"), RULES, List.of());
    assertEquals("read-only", e.verdict());
    assertTrue(e.text().startsWith("disk vda grants rk and denies writes on purpose"), e.text());
    assertNull(e.localLine());
  }

  @Test
  void whatTheRulesGrantNowWasDeniedByAnOlderProfile() {
    DenialExplanation e = explainer.explain(open(IMAGES + "tiny.qcow2", "r"), RULES, List.of());
    assertEquals("granted-now", e.verdict());
    assertNull(e.localLine());
  }

  @Test
  void aPartGrantGetsALineForWhatIsMissingOnly() {
    DenialExplanation e = explainer.explain(open("/var/log/libvirt/qemu/tiny-serial0.log", "wr"), RULES, List.of());
    assertEquals("partly-granted", e.verdict());
    assertEquals("\"/var/log/libvirt/qemu/tiny-serial0.log\" w,", e.localLine());
  }

  @Test
  void aHexEncodedPathWithSpacesQuotesAndBracesIsEscapedForTheParser() throws IOException {
    assertEquals("\"/srv/my images/a b.img\" r,",
        explainer.explain(fromFixture("audit.log", "/srv/my images/a b.img"), RULES, List.of()).localLine());
    assertEquals("\"/srv/x\\{1,2\\}\\\"y\\*.img\" r,", DenialExplainer.fileRule("/srv/x{1,2}\"y*.img", "r"));
    assertNull(DenialExplainer.fileRule("/srv/a\nb", "r"), "a control character could end the rule");
  }

  @Test
  void capabilitiesSocketsAndSignalsAreOutsideTheModelWithTheirRules() throws IOException {
    DenialExplanation cap = explainer.explain(fromFixture("journal.txt", "capability net_admin"), RULES, List.of());
    assertEquals("outside-model", cap.verdict());
    assertEquals("capability net_admin,", cap.localLine());
    assertEquals("network netlink raw,",
        explainer.explain(fromFixture("dmesg.txt", "network netlink raw"), RULES, List.of()).localLine());
    assertEquals("unix (send, connect) type=stream peer=(addr=\"@/tmp/.X11-unix/X0\"),", explainer.explain(
        fromFixture("dmesg.txt", "network unix stream peer @/tmp/.X11-unix/X0"), RULES, List.of()).localLine());
    assertEquals("signal (receive) set=(term) peer=libvirtd,",
        explainer.explain(fromFixture("dmesg.txt", "signal term peer libvirtd"), RULES, List.of()).localLine());
  }

  @Test
  void theHelpersOwnRefusalPointsAtItsLocalFile() throws IOException {
    DenialExplanation e = explainer.explain(fromFixture("journal.txt", "/data/vm/disk.qcow2"), null, List.of());
    assertEquals("helper", e.verdict());
    assertEquals("/etc/apparmor.d/local/usr.lib.libvirt.virt-aa-helper", e.localFile());
    assertEquals("\"/data/vm/disk.qcow2\" r,", e.localLine());
  }

  @Test
  void theKernelsMasksBecomeRulePermissions() {
    assertEquals("rw", DenialExplainer.perms("wr"));
    assertEquals("w", DenialExplainer.perms("ac"));
    assertEquals("rk", DenialExplainer.perms("rk"));
    assertEquals("rmix", DenialExplainer.perms("rmx"));
  }
}
