package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import guestarmor.profile.FilesRenderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChardevLogRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return DeviceFixture.lines(new ChardevRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void aSerialLogIsReadWriteAfterTheSerialItself() throws Exception {
    RuleCollector rules = DeviceFixture.collect(new ChardevRules(), DeviceFixture.sample("serial-file-with-log.xml"),
        new DeviceFixture.Tree(root));
    assertEquals("""
          # serial 0
          "/tmp/serial.log" rw,
          "/var/lib/libvirt/qemu/demo-serial.log" rw,
          # console 0
          "/tmp/serial.log" rw,
        """, FilesRenderer.rulesText(rules.rules()));
  }

  @Test
  void aNetworkChardevGetsOnlyItsLog() throws Exception {
    assertEquals(List.of("  \"/var/log/libvirt/qemu/vm1-serial0.log\" rw,"), rulesFor(kvm(
        "<serial type='tcp'><source mode='bind' host='127.0.0.1' service='9999'/><protocol type='raw'/>"
        + "<log file='/var/log/libvirt/qemu/vm1-serial0.log' append='on'/><target port='0'/></serial>")));
  }

  @Test
  void aPipeChannelGetsBothEndsAndItsLog() throws Exception {
    assertEquals(List.of("  \"/srv/p.in\" rw,", "  \"/srv/p.out\" rw,", "  \"/srv/p.log\" rw,"), rulesFor(kvm(
        "<channel type='pipe'><source path='/srv/p'/><log file='/srv/p.log'/>"
        + "<target type='virtio' name='org.example.0'/></channel>")));
  }

  @Test
  void aParallelPortLogIsReadWrite() throws Exception {
    assertEquals(List.of("  \"/srv/lp.log\" rw,"), rulesFor(kvm(
        "<parallel type='null'><log file='/srv/lp.log'/><target port='0'/></parallel>")));
  }

  @Test
  void theLogOfAConsoleMovedToSerialZeroIsKept() throws Exception {
    RuleCollector rules = DeviceFixture.collect(new ChardevRules(), kvm(
        "<console type='pty'><log file='/srv/console.log'/><target type='serial' port='0'/></console>"),
        new DeviceFixture.Tree(root));
    assertEquals("""
          # serial 0
          "/srv/console.log" rw,
        """, FilesRenderer.rulesText(rules.rules()));
  }

  @Test
  void aLogInARestrictedDirectoryIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<serial type='pty'><log file='/etc/cron.d/x'/><target port='0'/></serial>")));
    assertEquals("serial 0: /etc/cron.d/x is under restricted /etc/", e.getMessage());
  }
}
