package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <input>} device.
 *
 * @param hostDevice the host event device QEMU opens: {@code <source evdev>} of a passthrough input,
 *     {@code <source dev>} of an evdev input; null for every other input
 */
public record InputDevice(int index, String type, String hostDevice) {

  public static List<InputDevice> all(Domain domain) {
    List<InputDevice> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("input")) {
      String type = e.attr("type") == null ? "" : e.attr("type");
      String dev = switch (type) {
        case "passthrough" -> e.childAttr("source", "evdev");
        case "evdev" -> e.childAttr("source", "dev");
        default -> null;
      };
      found.add(new InputDevice(i++, type, Text.nonEmpty(dev)));
    }
    return found;
  }
}
