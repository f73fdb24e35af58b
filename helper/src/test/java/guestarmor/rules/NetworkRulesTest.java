package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NetworkRulesTest {
  private static final List<String> VHOST_NET = List.of("  \"/dev/vhost-net\" rw,");

  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return DeviceFixture.lines(new NetworkRules(), domain, new DeviceFixture.Tree(root));
  }

  @ParameterizedTest
  @ValueSource(strings = {"network", "bridge", "user", "direct", "ethernet", "vdpa", "hostdev", "vhostuser",
      "server", "mcast"})
  void everyInterfaceTypeWithoutAModelGetsVhostNetOnKvm(String type) throws Exception {
    assertEquals(VHOST_NET, rulesFor(kvm("<interface type='" + type + "'/>")));
  }

  @Test
  void aHostdevInterfaceWithAPciSourceCounts() throws Exception {
    assertEquals(VHOST_NET, rulesFor(kvm("<interface type='hostdev' managed='yes'><source>"
        + "<address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x1'/></source></interface>")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"virtio", "virtio-transitional", "virtio-non-transitional"})
  void virtioFamilyModelsCount(String model) throws Exception {
    assertEquals(VHOST_NET, rulesFor(kvm("<interface type='network'><model type='" + model + "'/></interface>")));
  }

  @Test
  void emulatedModelsAndTheQemuDriverDoNotCount() throws Exception {
    assertEquals(List.of(), rulesFor(kvm("<interface type='network'><model type='e1000'/></interface>"
        + "<interface type='bridge'><model type='virtio'/><driver name='qemu'/></interface>")));
  }

  @Test
  void theRuleIsWrittenOnceForManyInterfacesAndNamesTheFirstThatCounts() throws Exception {
    RuleCollector rules = DeviceFixture.collect(new NetworkRules(), kvm("<interface type='network'><model type='e1000'/>"
        + "</interface><interface type='bridge'/><interface type='network'/>"), new DeviceFixture.Tree(root));
    assertEquals(1, rules.rules().size());
    assertEquals("interface 1", rules.rules().get(0).origin());
  }

  @Test
  void aQemuDomainGetsNoVhostNet() throws Exception {
    assertEquals(List.of(), rulesFor(DeviceFixture.sample("interface-vhostuser-and-server.xml")));
  }
}
