package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RngRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new RngRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void theRandomBackendReadsUrandomWithADenyLine() throws Exception {
    assertEquals(List.of("  \"/dev/urandom\" r,", "  deny \"/dev/urandom\" w,"),
        rulesFor(DeviceFixture.sample("rng-random-urandom.xml")));
  }

  @Test
  void aHardwareRngIsReadOnly() throws Exception {
    assertEquals(List.of("  \"/dev/hwrng\" r,", "  deny \"/dev/hwrng\" w,"),
        rulesFor(kvm("<rng model='virtio'><backend model='random'>/dev/hwrng</backend></rng>")));
  }

  @Test
  void anEgdBackendOnAUnixSocketGetsTheSocketReadWrite() throws Exception {
    assertEquals(List.of("  \"/run/egd/pool.sock\" rw,"), rulesFor(kvm("<rng model='virtio'><backend model='egd' type='unix'>"
        + "<source mode='connect' path='/run/egd/pool.sock'/></backend></rng>")));
  }

  @Test
  void networkEgdBuiltinAndDefaultRandomBackendsGetNothing() throws Exception {
    assertEquals(List.of(), rulesFor(kvm("<rng model='virtio'><backend model='egd' type='tcp'>"
        + "<source mode='connect' host='1.2.3.4' service='1234'/></backend></rng>"
        + "<rng model='virtio'><backend model='builtin'/></rng>"
        + "<rng model='virtio'><backend model='random'/></rng>")));
  }
}
