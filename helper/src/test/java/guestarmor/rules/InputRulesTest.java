package guestarmor.rules;

import static guestarmor.rules.DeviceFixture.kvm;
import static guestarmor.rules.DeviceFixture.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.domain.Domain;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputRulesTest {
  @TempDir
  Path root;

  private List<String> rulesFor(Domain domain) throws RefusedPathException {
    return lines(new InputRules(), domain, new DeviceFixture.Tree(root));
  }

  @Test
  void aPassthroughInputGetsItsEventDeviceReadWrite() throws Exception {
    assertEquals(List.of("  \"/dev/input/event1234\" rw,"),
        rulesFor(DeviceFixture.sample("input-passthrough-evdev.xml")));
  }

  @Test
  void anEvdevInputGetsItsSourceDeviceReadWrite() throws Exception {
    assertEquals(List.of("  \"/dev/input/by-id/usb-kbd-event-kbd\" rw,"),
        rulesFor(kvm("<input type='evdev'><source dev='/dev/input/by-id/usb-kbd-event-kbd' grab='all'/></input>")));
  }

  @Test
  void emulatedInputsGetNothing() throws Exception {
    assertEquals(List.of(), rulesFor(kvm("<input type='mouse' bus='ps2'/><input type='tablet' bus='usb'/>"
        + "<input type='keyboard' bus='virtio'/><input type='passthrough' bus='virtio'/>")));
  }

  @Test
  void theEventDeviceIsWrittenAtItsResolvedLocation() throws Exception {
    new DeviceFixture.Tree(root).file("/dev/input/event3").link("/dev/input/by-path/kbd", "../event3");
    assertEquals(List.of("  \"/dev/input/event3\" rw,"),
        rulesFor(kvm("<input type='passthrough' bus='virtio'><source evdev='/dev/input/by-path/kbd'/></input>")));
  }
}
