package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import guestarmor.host.HostTree;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VfioRulesTest {
  private static final List<String> VFIO = List.of("  \"/dev/vfio/vfio\" rw,", "  \"/dev/vfio/[0-9]*\" rw,");
  private static final String PCI_SOURCE = "<source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source>";

  @TempDir Path root;

  private List<String> rules(Domain domain) throws RefusedPathException {
    return RuleLines.of(new VfioRules(), domain, new HostTree(root).host());
  }

  private List<String> rules(String devices) throws RefusedPathException {
    return rules(RuleLines.withDevices(devices));
  }

  @Test
  void vfioPciDevicesGetTheContainerLinesOnce() throws RefusedPathException {
    assertEquals(VFIO, rules(RuleLines.sample("hostdev-pci-and-interface.xml")));
  }

  @Test
  void aPciDeviceWithoutDriverNeedsVfioEvenWhenTheHostLacksIt() throws RefusedPathException {
    assertEquals(VFIO, rules("<hostdev mode='subsystem' type='pci' managed='yes'>" + PCI_SOURCE + "</hostdev>"));
  }

  @Test
  void legacyKvmAndXenBackendsNeedNoVfio() throws RefusedPathException {
    assertEquals(List.of(), rules("<hostdev mode='subsystem' type='pci'><driver name='kvm'/>" + PCI_SOURCE + "</hostdev>"
        + "<hostdev mode='subsystem' type='pci'><driver name='xen'/>" + PCI_SOURCE + "</hostdev>"));
  }

  @Test
  void aVfioMediatedDeviceNeedsVfio() throws RefusedPathException {
    assertEquals(VFIO, rules(RuleLines.sample("hostdev-mdev.xml")));
  }

  @Test
  void aHostdevInterfaceAloneNeedsVfio() throws RefusedPathException {
    assertEquals(VFIO, rules("<interface type='hostdev' managed='yes'><source>"
        + "<address type='pci' domain='0x0000' bus='0x00' slot='0x07' function='0x0'/></source>"
        + "<mac address='52:54:00:6d:90:02'/></interface>"));
  }

  @Test
  void usbScsiAndCapabilitiesDevicesNeedNoVfio() throws RefusedPathException {
    assertEquals(List.of(), rules(RuleLines.sample("hostdev-usb-bus-device.xml")));
    assertEquals(List.of(), rules(RuleLines.sample("hostdev-scsi.xml")));
    assertEquals(List.of(), rules("<hostdev mode='capabilities' type='misc'><source><char>/dev/input/event3</char>"
        + "</source></hostdev>"));
  }
}
