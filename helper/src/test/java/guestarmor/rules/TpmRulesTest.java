package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.UUID;
import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TpmRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new TpmRules(), domain, new DeviceFixture.Tree(root));
  }

  private static Domain named(String idAttr, String name, String devices) {
    return DeviceFixture.parse("<domain type='kvm'" + idAttr + "><name>" + name + "</name><uuid>" + UUID
        + "</uuid><os><type>hvm</type></os><devices>" + devices + "</devices></domain>");
  }

  private static final String TPM2 = "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>";

  @Test
  void anEmulatedTpmGetsTheFiveSwtpmLinesOfTheBehaviourFile() throws Exception {
    assertEquals(List.of(
        "  \"/run/libvirt/qemu/swtpm/-1-t1-swtpm.sock\" rw,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm2/\" r,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm2/**\" rwk,",
        "  \"/var/log/swtpm/libvirt/qemu/t1-swtpm.log\" w,",
        "  \"/run/libvirt/qemu/swtpm/-1-t1-swtpm.pid\" rw,"), rulesFor(named("", "t1", TPM2)));
  }

  @Test
  void theShortNameIsTheIdAndTheFirstTwentyBytesOfTheNameButTheLogUsesTheWholeName() throws Exception {
    assertEquals(List.of(
        "  \"/run/libvirt/qemu/swtpm/7-a-very-long-domain-n-swtpm.sock\" rw,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm1.2/\" r,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm1.2/**\" rwk,",
        "  \"/var/log/swtpm/libvirt/qemu/a-very-long-domain-name-x-swtpm.log\" w,",
        "  \"/run/libvirt/qemu/swtpm/7-a-very-long-domain-n-swtpm.pid\" rw,"),
        rulesFor(named(" id='7'", "a-very-long-domain-name-x",
            "<tpm model='tpm-tis'><backend type='emulator' version='1.2'/></tpm>")));
  }

  @Test
  void aTpmWithoutAVersionUsesTheTpm2DirectoryInsteadOfNull() throws Exception {
    List<String> lines = rulesFor(kvm("<tpm model='tpm-tis'><backend type='emulator'/></tpm>"));
    assertEquals("  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm2/**\" rwk,", lines.get(2));
  }

  @Test
  void globCharactersInTheDomainNameAreEscapedInTheSwtpmLines() throws Exception {
    assertEquals(List.of(
        "  \"/run/libvirt/qemu/swtpm/-1-web\\[1\\]-swtpm.sock\" rw,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm2/\" r,",
        "  \"/var/lib/libvirt/swtpm/" + UUID + "/tpm2/**\" rwk,",
        "  \"/var/log/swtpm/libvirt/qemu/web\\[1\\]-swtpm.log\" w,",
        "  \"/run/libvirt/qemu/swtpm/-1-web\\[1\\]-swtpm.pid\" rw,"), rulesFor(named("", "web[1]", TPM2)));
  }

  @Test
  void aPassthroughTpmGetsItsHostDeviceReadWrite() throws Exception {
    assertEquals(List.of("  \"/dev/tpm0\" rw,"), rulesFor(DeviceFixture.sample("tpm-passthrough-device.xml")));
  }

  @Test
  void aPassthroughTpmWithoutADevicePathUsesLibvirtsDefault() throws Exception {
    assertEquals(List.of("  \"/dev/tpm0\" rw,"), rulesFor(kvm("<tpm model='tpm-tis'><backend type='passthrough'/></tpm>")));
  }

  @Test
  void anExternalTpmGetsItsSocketReadWrite() throws Exception {
    assertEquals(List.of("  \"/run/swtpm/vm1.sock\" rw,"), rulesFor(kvm("<tpm model='tpm-crb'><backend type='external'>"
        + "<source type='unix' mode='connect' path='/run/swtpm/vm1.sock'/></backend></tpm>")));
  }
}
