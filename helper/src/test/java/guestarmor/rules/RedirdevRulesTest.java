package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirdevRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new RedirdevRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void tcpAndSpiceRedirectionsGetNothing() throws Exception {
    assertEquals(List.of(), rulesFor(DeviceFixture.sample("redirdev-tcp-and-spicevmc.xml")));
  }

  @Test
  void aRedirectionOverAUnixSocketGetsTheSocketReadWrite() throws Exception {
    assertEquals(List.of("  \"/run/usbredir/vm1.sock\" rw,"), rulesFor(kvm("<redirdev bus='usb' type='unix'>"
        + "<source mode='connect' path='/run/usbredir/vm1.sock'/></redirdev>")));
  }

  @Test
  void aSocketUnderARestrictedDirectoryIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<redirdev bus='usb' type='unix'><source mode='bind' path='/proc/1/x'/></redirdev>")));
    assertEquals("redirdev 0: /proc/1/x is under restricted /proc/", e.getMessage());
  }
}
