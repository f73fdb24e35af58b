package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device families come in the C helper's table order (virt-aa-helper-behaviour.md 4.6, rule
 * table), whatever the document order.
 */
class DeviceOrderTest {
  @TempDir
  Path root;

  @Test
  void rulesFollowTheTableOrderNotTheDocumentOrder() throws Exception {
    var domain = DeviceFixture.kvm(
        "<redirdev bus='usb' type='unix'><source mode='connect' path='/run/r.sock'/></redirdev>"
        + "<rng model='virtio'><backend model='random'>/dev/hwrng</backend></rng>"
        + "<smartcard mode='host'/>"
        + "<tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>"
        + "<shmem name='s'><model type='ivshmem-plain'/></shmem>"
        + "<memory model='nvdimm'><source><path>/srv/nvdimm</path></source></memory>"
        + "<interface type='vhostuser'><source type='unix' path='/run/v.sock' mode='client'/>"
        + "<model type='virtio'/></interface>"
        + "<input type='passthrough' bus='virtio'><source evdev='/dev/input/event1'/></input>"
        + "<filesystem type='mount'><source dir='/srv/share'/><target dir='/mnt'/></filesystem>"
        + "<serial type='file'><source path='/srv/serial.log'/></serial>"
        + "<disk type='file'><source file='/srv/vda.img'/><target dev='vda'/></disk>");
    List<Rule> rules = new DomainRules(new DeviceFixture.Tree(root)).compute(domain, null).rules();
    List<String> origins = new ArrayList<>();
    for (Rule r : rules) {
      if (origins.isEmpty() || !origins.get(origins.size() - 1).equals(r.origin())) {
        origins.add(r.origin());
      }
    }
    assertEquals(List.of("fixed", "disk vda", "serial 0", "filesystem /mnt", "input 0", "interface 0", "memory 0",
        "shmem s", "tpm 0", "smartcard 0", "rng 0", "redirdev 0", "interface 0"), origins);
  }
}
