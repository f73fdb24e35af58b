package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The families of this branch sit in DomainRules in the C helper's order (virt-aa-helper-behaviour.md 4.6). */
class HostDeviceOrderTest {
  @TempDir Path root;

  @Test
  void osGraphicsHostdevSysinfoVhostVfioAndGlComeInTableOrder() throws RefusedPathException {
    LiveHost host = new HostTree(root).file("/dev/dri/renderD128", "")
        .pciDevice("0000:00:02.0", "config").host();
    // Written in the reverse of the table order, to show the document order does not matter across families.
    Domain domain = RuleLines.domain("kvm", "<kernel>/b/kernel</kernel>",
        "<interface type='network'><source network='default'/><model type='virtio'/></interface>"
            + "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='0' slot='2' function='0'/></source>"
            + "</hostdev><graphics type='egl-headless'/><pstore backend='acpi-erst'><path>/v/pstore</path></pstore>",
        "<sysinfo type='fwcfg'><entry name='opt/x' file='/v/fwcfg'/></sysinfo>");
    Set<String> shown = Set.of("  \"/b/kernel\" r,", "  \"/v/pstore\" rw,", "  \"/dev/dri/renderD128\" rw,",
        "  \"/sys/devices/pci0000:00/0000:00:02.0/config\" rw,", "  \"/v/fwcfg\" r,", "  \"/dev/vhost-net\" rw,",
        "  \"/dev/vfio/vfio\" rw,", "  \"/dev/vfio/[0-9]*\" rw,", "  \"/usr/lib{,32,64}/dri/*.so*\" mr,",
        "  deny \"/var/lib/libvirt/.cache/\" w,");
    List<String> lines = RuleLines.lines(new DomainRules(host).compute(domain, null).rules());
    assertEquals(List.of(
        "  \"/b/kernel\" r,",
        "  \"/v/pstore\" rw,",
        "  \"/dev/dri/renderD128\" rw,",
        "  \"/sys/devices/pci0000:00/0000:00:02.0/config\" rw,",
        "  \"/v/fwcfg\" r,",
        "  \"/dev/vhost-net\" rw,",
        "  \"/dev/vfio/vfio\" rw,",
        "  \"/dev/vfio/[0-9]*\" rw,",
        "  \"/usr/lib{,32,64}/dri/*.so*\" mr,",
        "  deny \"/var/lib/libvirt/.cache/\" w,"),
        lines.stream().filter(shown::contains).toList());
  }
}
