package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import guestarmor.domain.Domain;
import guestarmor.profile.FilesRenderer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new MemoryRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void anNvdimmGetsItsBackingFileReadWrite() throws Exception {
    assertEquals(List.of("  \"/tmp/nvdimm\" rw,"), rulesFor(DeviceFixture.sample("memory-nvdimm-path.xml")));
  }

  @Test
  void aVirtioPmemDeviceGetsItsBackingFileReadWrite() throws Exception {
    assertEquals(List.of("  \"/var/lib/pmem/vm1.img\" rw,"), rulesFor(kvm("<memory model='virtio-pmem' access='shared'>"
        + "<source><path>/var/lib/pmem/vm1.img</path></source><target><size unit='KiB'>524288</size></target></memory>")));
  }

  @Test
  void anSgxEpcSectionOpensTheVirtualEpcReadWriteAndTheProvisioningDeviceReadOnly() throws Exception {
    Domain domain = kvm("<memory model='sgx-epc'><source><nodemask>0-1</nodemask></source>"
        + "<target><size unit='KiB'>16384</size><node>0</node></target></memory>");
    RuleCollector rules = DeviceFixture.collect(new MemoryRules(), domain, new DeviceFixture.Tree(root));
    assertEquals("""
          # memory 0
          "/dev/sgx_vepc" rw,
          "/dev/sgx_provision" r,
          # don't audit writes to readonly files
          deny "/dev/sgx_provision" w,
        """, FilesRenderer.rulesText(rules.rules()));
  }

  @Test
  void dimmsAndVirtioMemAndAnNvdimmWithoutPathGetNothing() throws Exception {
    assertEquals(List.of(), rulesFor(kvm("<memory model='dimm'><target><size unit='KiB'>524288</size></target></memory>"
        + "<memory model='virtio-mem'><target><size unit='KiB'>1048576</size></target></memory>"
        + "<memory model='nvdimm'><target><size unit='KiB'>524288</size></target></memory>")));
  }

  @Test
  void anNvdimmInsideARestrictedDirectoryIsRefused() {
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesFor(kvm("<memory model='nvdimm'><source><path>/usr/share/x.img</path></source></memory>")));
    assertEquals("memory 0: /usr/share/x.img is under restricted /usr/share/", e.getMessage());
  }
}
