package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VhostUserNetRulesTest {
  @TempDir
  Path root;

  private RuleCollector collect(Domain domain) throws RefusedPathException {
    return DeviceFixture.collect(new VhostUserNetRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void everyVhostUserSocketIsReadWriteAndTheServerInterfaceGetsNothing() throws Exception {
    assertEquals(List.of("  \"/tmp/vhost0.sock\" rw,", "  \"/tmp/vhost1.sock\" rw,", "  \"/tmp/vhost2.sock\" rw,"),
        lines(new VhostUserNetRules(), DeviceFixture.sample("interface-vhostuser-and-server.xml"), new DeviceFixture.Tree(root)));
  }

  @Test
  void theProvenanceNamesTheInterfaceByItsPositionAmongAllInterfaces() throws Exception {
    RuleCollector rules = collect(DeviceFixture.sample("interface-vhostuser-and-server.xml"));
    assertEquals(List.of("interface 0", "interface 1", "interface 3"),
        rules.rules().stream().map(Rule::origin).toList());
  }

  @Test
  void aVhostUserInterfaceWithoutAPathGetsNothing() throws Exception {
    assertEquals(List.of(), collect(kvm("<interface type='vhostuser'><source type='unix' mode='client'/>"
        + "<model type='virtio'/></interface>")).rules());
  }

  @Test
  void aRelativeSocketPathIsSkippedWithAWarning() throws Exception {
    RuleCollector rules = collect(kvm("<interface type='vhostuser'><source type='unix' path='run/v.sock' mode='client'/>"
        + "<model type='virtio'/></interface>"));
    assertEquals(List.of(), rules.rules());
    assertEquals(List.of("interface 0: skipped non-absolute path run/v.sock"), rules.warnings());
  }
}
