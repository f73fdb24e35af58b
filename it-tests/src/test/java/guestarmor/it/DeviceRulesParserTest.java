package guestarmor.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.domain.Domain;
import guestarmor.domain.DomainXmlReader;
import guestarmor.host.LiveHost;
import guestarmor.profile.FilesRenderer;
import guestarmor.rules.DomainRules;
import guestarmor.store.ApparmorParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every rule shape the filesystem, input, vhost-user, memory, shmem, TPM, smartcard, rng, redirdev,
 * chardev-log and vhost-user-disk sources write compiles with the real {@code apparmor_parser -Q -K},
 * including a domain name and paths full of AppArmor specials.
 */
class DeviceRulesParserTest {
  private static final String UUID = "c7a5fdbd-edaf-9455-926a-d65c16db1809";

  @TempDir
  Path dir;

  private static final String XML = """
      <domain type='kvm' id='3'>
        <name>web[1]{a,b}*?^"</name>
        <uuid>%s</uuid>
        <os><type>hvm</type></os>
        <devices>
          <disk type='vhostuser' device='disk'><source type='unix' path='/run/vhost-blk/v{d}a.sock'/><target dev='vda'/></disk>
          <disk type='volume' device='disk'><source pool='p' volume='v' file='/var/lib/libvirt/images/x[1].img'/><target dev='vdb'/></disk>
          <serial type='tcp'><source mode='bind' host='127.0.0.1' service='9999'/><log file='/var/log/s"0.log'/></serial>
          <filesystem type='mount'><source dir='/srv/sh*re'/><target dir='/mnt'/></filesystem>
          <filesystem type='mount'><source dir='/srv/ro'/><target dir='/ro'/><readonly/></filesystem>
          <input type='passthrough' bus='virtio'><source evdev='/dev/input/event1234'/></input>
          <interface type='vhostuser'><source type='unix' path='/tmp/vhost0.sock' mode='server'/><model type='virtio'/></interface>
          <memory model='nvdimm'><source><path>/tmp/nvdimm</path></source></memory>
          <memory model='sgx-epc'><target><size unit='KiB'>16384</size></target></memory>
          <shmem name='sh@{HOME}m'><model type='ivshmem-plain'/></shmem>
          <shmem name='shmem1'/>
          <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>
          <tpm model='tpm-tis'><backend type='passthrough'><device path='/dev/tpm0'/></backend></tpm>
          <smartcard mode='host'/>
          <smartcard mode='host-certificates'><database>/srv/nss{db}</database></smartcard>
          <smartcard mode='passthrough' type='unix'><source mode='connect' path='/run/vscard.sock'/></smartcard>
          <rng model='virtio'><backend model='random'>/dev/hwrng</backend></rng>
          <rng model='virtio'><backend model='egd' type='unix'><source mode='connect' path='/run/egd.sock'/></backend></rng>
          <redirdev bus='usb' type='unix'><source mode='connect' path='/run/usbredir.sock'/></redirdev>
        </devices>
      </domain>
      """.formatted(UUID).replace("\"</name>", "&quot;</name>").replace("s\"0", "s&quot;0");

  @Test
  void theDeviceRulesCompile() throws Exception {
    Domain domain = new DomainXmlReader().parse(XML.getBytes(StandardCharsets.UTF_8));
    String rules = FilesRenderer.render(new DomainRules(new LiveHost()).compute(domain, null).rules());
    assertTrue(rules.contains("\"/run/libvirt/qemu/swtpm/3-web\\[1\\]\\{a,b\\}\\*\\?\\^\\\"-swtpm.sock\" rw,"), rules);
    Path profile = dir.resolve("libvirt-" + UUID);
    Files.writeString(profile, "profile libvirt-" + UUID + " {\n" + rules + "}\n");
    Process p = new ProcessBuilder(ApparmorParser.SYSTEM_PARSER.toString(), "-Q", "-K", profile.toString())
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "apparmor_parser did not finish");
    assertEquals(List.of(0, ""), List.of(p.exitValue(), output.lines()
        .filter(l -> !l.startsWith("Cache read/write disabled")).reduce("", String::concat)), rules);
  }
}
