package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysinfoRulesTest {
  @TempDir Path root;

  @Test
  void eachFwcfgEntryFileIsReadOnlyWithADenyLine() throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    String sysinfo = "<sysinfo type='smbios'><system><entry name='serial'>123</entry></system></sysinfo>"
        + "<sysinfo type='fwcfg'><entry name='opt/com.example/name'>example value</entry>"
        + "<entry name='opt/com.coreos/config' file='/var/lib/libvirt/ign/g1.ign'/>"
        + "<entry name='opt/org.example/blob' file='/srv/blob.bin'/></sysinfo>";
    assertEquals(List.of(
        "  \"/var/lib/libvirt/ign/g1.ign\" r,",
        "  # don't audit writes to readonly files",
        "  deny \"/var/lib/libvirt/ign/g1.ign\" w,",
        "  \"/srv/blob.bin\" r,",
        "  # don't audit writes to readonly files",
        "  deny \"/srv/blob.bin\" w,"),
        RuleLines.of(new SysinfoRules(), RuleLines.domain("kvm", "", "", sysinfo), host));
  }

  @Test
  void aFwcfgFileUnderEtcIsRefused() {
    LiveHost host = new HostTree(root).host();
    String sysinfo = "<sysinfo type='fwcfg'><entry name='opt/x' file='/etc/shadow'/></sysinfo>";
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> RuleLines.of(new SysinfoRules(), RuleLines.domain("kvm", "", "", sysinfo), host));
    assertTrue(e.getMessage().startsWith("sysinfo fwcfg opt/x: /etc/shadow"), e.getMessage());
  }
}
