package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.Domain;
import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostdevRulesTest {
  @TempDir Path root;

  private static List<String> rules(LiveHost host, Domain domain) throws RefusedPathException {
    return RuleLines.of(new HostdevRules(host), domain, host);
  }

  private static String usbHostdev(String source) {
    return "<hostdev mode='subsystem' type='usb' managed='no'><source>" + source + "</source></hostdev>";
  }

  private HostTree usbHost() {
    return new HostTree(root)
        .usbDevice("usb1", "1d6b", "0002", 1, 1)
        .usbDevice("1-1", "0781", "5581", 1, 2)
        .usbDevice("3-1", "046d", "c52b", 14, 6)
        // an interface of 3-1: libvirt skips names with ':'; this one would make the vendor lookup ambiguous
        .file("/sys/bus/usb/devices/3-1:1.0/idVendor", "046d\n")
        .file("/sys/bus/usb/devices/3-1:1.0/idProduct", "c52b\n")
        .file("/sys/bus/usb/devices/3-1:1.0/busnum", "14\n")
        .file("/sys/bus/usb/devices/3-1:1.0/devnum", "7\n");
  }

  @Test
  void aUsbDeviceGivenByBusAndDeviceGetsItsNodeReadWrite() throws RefusedPathException {
    LiveHost host = usbHost().host();
    assertEquals(List.of("  \"/dev/bus/usb/014/006\" rw,"), rules(host, RuleLines.sample("hostdev-usb-bus-device.xml")));
  }

  @Test
  void usbAddressNumbersAreReadAsLibvirtReadsThem() throws RefusedPathException {
    LiveHost host = usbHost().host();
    assertEquals(List.of("  \"/dev/bus/usb/014/006\" rw,"),
        rules(host, RuleLines.withDevices(usbHostdev("<address bus='0x0e' device='06'/>"))));
  }

  @Test
  void aUsbDeviceGivenByVendorAndProductIsFoundInSysfs() throws RefusedPathException {
    LiveHost host = usbHost().host();
    assertEquals(List.of("  \"/dev/bus/usb/014/006\" rw,"),
        rules(host, RuleLines.withDevices(usbHostdev("<vendor id='0x046d'/><product id='0xc52b'/>"))));
  }

  @Test
  void vendorProductAndAddressMustAllMatch() throws RefusedPathException {
    LiveHost host = usbHost().host();
    assertEquals(List.of(), rules(host, RuleLines.withDevices(
        usbHostdev("<vendor id='0x046d'/><product id='0xc52b'/><address bus='1' device='2'/>"))));
    assertEquals(List.of("  \"/dev/bus/usb/001/002\" rw,"), rules(host, RuleLines.withDevices(
        usbHostdev("<vendor id='0x0781'/><product id='0x5581'/><address bus='1' device='2'/>"))));
  }

  @Test
  void aUsbDeviceTheHostDoesNotHaveIsSkipped() throws RefusedPathException {
    LiveHost host = usbHost().host();
    assertEquals(List.of(), rules(host, RuleLines.withDevices(
        usbHostdev("<address bus='2' device='9'/>") + usbHostdev("<vendor id='0x1234'/><product id='0xbeef'/>"))));
  }

  @Test
  void aVendorAndProductThatMatchTwoDevicesIsSkippedAsAmbiguous() throws RefusedPathException {
    LiveHost host = usbHost().usbDevice("2-4", "046d", "c52b", 2, 3).host();
    assertEquals(List.of(), rules(host, RuleLines.withDevices(usbHostdev("<vendor id='0x046d'/><product id='0xc52b'/>"))));
  }

  private HostTree pciHost() {
    return new HostTree(root)
        .pciDeviceAt("pci0001:01/0001:01:00.0", "0001:01:00.0", "config", "resource", "resource0", "resource2_wc",
            "rom", "vendor", "device", "reset", "irq", "driver_override", "subsystem_vendor", "enable")
        .pciDeviceAt("pci0001:01/0001:01:00.1", "0001:01:00.1", "config", "vendor", "device")
        .pciDeviceAt("pci0005:90/0005:90:01.0", "0005:90:01.0", "config", "resource", "vendor", "device", "numa_node");
  }

  @Test
  void pciDevicesGetTheirSysfsFilesResolvedAndSortedInterfacesFirst() throws RefusedPathException {
    LiveHost host = pciHost().host();
    assertEquals(List.of(
        "  \"/sys/devices/pci0005:90/0005:90:01.0/config\" rw,",
        "  \"/sys/devices/pci0005:90/0005:90:01.0/device\" rw,",
        "  \"/sys/devices/pci0005:90/0005:90:01.0/resource\" rw,",
        "  \"/sys/devices/pci0005:90/0005:90:01.0/vendor\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/config\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/device\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/reset\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/resource\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/resource0\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/resource2_wc\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/rom\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.0/vendor\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.1/config\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.1/device\" rw,",
        "  \"/sys/devices/pci0001:01/0001:01:00.1/vendor\" rw,"),
        rules(host, RuleLines.sample("hostdev-pci-and-interface.xml")));
  }

  @Test
  void aPciDeviceTheHostDoesNotHaveAddsNoFile() throws RefusedPathException {
    LiveHost host = pciHost().host();
    assertEquals(List.of(), rules(host, RuleLines.withDevices("<hostdev mode='subsystem' type='pci' managed='yes'>"
        + "<source><address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>")));
  }

  @Test
  void aPciDeviceOutsideSysDevicesPciIsLeftOutWithAWarning() throws RefusedPathException {
    LiveHost host = new HostTree(root)
        .pciDeviceAt("platform/4010000000.pcie/pci0000:00/0000:00:01.0", "0000:00:01.0", "config", "vendor").host();
    RuleCollector rules = RuleLines.collector(host);
    new HostdevRules(host).addRules(RuleLines.withDevices("<hostdev mode='subsystem' type='pci'>"
        + "<source><address domain='0' bus='0' slot='1' function='0'/></source></hostdev>"), rules);
    assertEquals(List.of(), rules.rules());
    assertEquals(1, rules.warnings().size());
    assertTrue(rules.warnings().get(0).startsWith("hostdev 0000:00:01.0: /sys/bus/pci/devices/0000:00:01.0/config resolves to "
        + "/sys/devices/platform/4010000000.pcie/pci0000:00/0000:00:01.0/config"), rules.warnings().get(0));
  }

  @Test
  void mediatedScsiAndCapabilitiesDevicesAddNoFile() throws RefusedPathException {
    LiveHost host = pciHost().host();
    assertEquals(List.of(), rules(host, RuleLines.sample("hostdev-mdev.xml")));
    assertEquals(List.of(), rules(host, RuleLines.sample("hostdev-scsi.xml")));
    assertEquals(List.of(), rules(host, RuleLines.sample("hostdev-scsi-host-vhost.xml")));
    assertEquals(List.of(), rules(host, RuleLines.withDevices(
        "<hostdev mode='capabilities' type='storage'><source><block>/dev/sdf1</block></source></hostdev>"
        + "<hostdev mode='capabilities' type='misc'><source><char>/dev/input/event3</char></source></hostdev>")));
  }
}
