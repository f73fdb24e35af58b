package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import guestarmor.profile.FilesRenderer;
import guestarmor.rules.DomainRules;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rules of the OS-extra, graphics, hostdev, VFIO and GL families, over a fake sysfs and /dev
 * tree, compile with the real apparmor_parser (the GL block's {@code @{multiarch}} needs tunables/global).
 */
class DeviceRulesCompileTest {
  private static final String DOMAIN = "<domain type='kvm'><name>dev a</name>"
      + "<uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>"
      + "<sysinfo type='fwcfg'><entry name='opt/com.coreos/config' file='/srv/ign/a.ign'/></sysinfo>"
      + "<os><type arch='x86_64' machine='q35'>hvm</type><kernel>/srv/boot/vmlinuz</kernel>"
      + "<acpi><table type='slic'>/srv/acpi/slic.dat</table></acpi>"
      + "<nvram type='file' format='qcow2' template='/usr/share/OVMF/OVMF_VARS.qcow2'>"
      + "<source file='/srv/nvram/a_VARS.qcow2'/></nvram></os><devices>"
      + "<graphics type='egl-headless'/><graphics type='sdl' xauth='/root/.Xauthority'/>"
      + "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='0' slot='2' function='0'/></source></hostdev>"
      + "<hostdev mode='subsystem' type='usb'><source><vendor id='0x046d'/><product id='0xc52b'/></source></hostdev>"
      + "<hostdev mode='subsystem' type='mdev' model='vfio-ccw'><source><address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/>"
      + "</source></hostdev><pstore backend='acpi-erst'><path>/srv/nvram/a_PSTORE.raw</path></pstore>"
      + "</devices></domain>";

  @TempDir Path root;
  @TempDir Path work;

  @Test
  void theDeviceRulesOfAFakeHostCompileWithApparmorParser() throws Exception {
    fakeHost();
    Domain domain = new DomainXmlReader().parse(DOMAIN.getBytes(StandardCharsets.UTF_8));
    String rules = FilesRenderer.rulesText(new DomainRules(new LiveHost(root)).compute(domain, null).rules());
    assertTrue(rules.contains("  \"/dev/dri/renderD128\" rw,\n"), rules);
    assertTrue(rules.contains("  \"/sys/devices/pci0000:00/0000:00:02.0/config\" rw,\n"), rules);
    assertTrue(rules.contains("  \"/dev/bus/usb/003/007\" rw,\n"), rules);
    assertTrue(rules.contains("  \"/dev/vfio/vfio\" rw,\n  \"/dev/vfio/[0-9]*\" rw,\n"), rules);
    Path profile = work.resolve("profile");
    Files.writeString(profile, "#include <tunables/global>\nprofile devices-test flags=(attach_disconnected) {\n"
        + rules + "}\n");
    Process p = new ProcessBuilder("/sbin/apparmor_parser", "-Q", "-K", profile.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), output);
  }

  private void fakeHost() throws Exception {
    write("dev/dri/renderD128", "");
    write("sys/devices/pci0000:00/0000:00:02.0/config", "");
    write("sys/devices/pci0000:00/0000:00:02.0/resource0", "");
    Files.createDirectories(root.resolve("sys/bus/pci/devices"));
    Files.createSymbolicLink(root.resolve("sys/bus/pci/devices/0000:00:02.0"),
        Path.of("../../../devices/pci0000:00/0000:00:02.0"));
    write("sys/bus/usb/devices/3-2/idVendor", "046d\n");
    write("sys/bus/usb/devices/3-2/idProduct", "c52b\n");
    write("sys/bus/usb/devices/3-2/busnum", "3\n");
    write("sys/bus/usb/devices/3-2/devnum", "7\n");
  }

  private void write(String relative, String content) throws Exception {
    Path p = root.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }
}
