package guestarmor.it.image;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import guestarmor.profile.FilesRenderer;
import guestarmor.rules.DomainRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An NVRAM store in qcow2 made by the real qemu-img, under a fake root: the store rwk, the layer below
 * it rk with the deny line when the XML declares the format, nothing below it when it does not.
 */
class NvramChainTest {
  private static final String NVRAM_DIR = "/var/lib/libvirt/qemu/nvram";

  @TempDir Path root;

  @BeforeEach
  void nvramWithABackingFile() throws Exception {
    Path dir = Files.createDirectories(root.resolve(NVRAM_DIR.substring(1)));
    QemuImg qemuImg = new QemuImg(dir);
    qemuImg.create("-f", "qcow2", dir + "/VARS-base.qcow2", "1M");
    qemuImg.create("-f", "qcow2", "-b", "VARS-base.qcow2", "-F", "qcow2", dir + "/g1_VARS.qcow2");
  }

  private String rules(String nvramAttributes) throws Exception {
    String xml = "<domain type='kvm'><name>g1</name><uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>"
        + "<os><type arch='x86_64' machine='q35'>hvm</type><nvram type='file'" + nvramAttributes
        + " template='/usr/share/OVMF/OVMF_VARS.qcow2'><source file='" + NVRAM_DIR + "/g1_VARS.qcow2'/></nvram></os>"
        + "</domain>";
    Domain domain = new DomainXmlReader().parse(xml.getBytes(StandardCharsets.UTF_8));
    return FilesRenderer.rulesText(new DomainRules(new LiveHost(root)).compute(domain, null).rules());
  }

  @Test
  void aDeclaredQcow2NvramGetsItsBackingLayerReadOnly() throws Exception {
    String rules = rules(" format='qcow2'");
    String expected = "  # os nvram\n"
        + "  \"/var/lib/libvirt/qemu/nvram/g1_VARS.qcow2\" rwk,\n"
        + "  # os nvram backing 1\n"
        + "  \"/var/lib/libvirt/qemu/nvram/VARS-base.qcow2\" rk,\n"
        + "  # don't audit writes to readonly files\n"
        + "  deny \"/var/lib/libvirt/qemu/nvram/VARS-base.qcow2\" w,\n";
    assertTrue(rules.endsWith(expected), rules);
    assertFalse(rules.contains("OVMF"), rules);
  }

  @Test
  void anNvramWithoutAFormatIsNeverProbed() throws Exception {
    String rules = rules("");
    assertTrue(rules.endsWith("  # os nvram\n  \"/var/lib/libvirt/qemu/nvram/g1_VARS.qcow2\" rwk,\n"), rules);
  }
}
