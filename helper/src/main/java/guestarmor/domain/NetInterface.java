package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <interface>}.
 *
 * @param model {@code <model type>}, null when absent
 * @param driverName {@code <driver name>}, null when absent
 */
public record NetInterface(int index, String type, String model, String driverName) {

  public static List<NetInterface> all(Domain domain) {
    List<NetInterface> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("interface")) {
      found.add(new NetInterface(i++, e.attr("type"), e.childAttr("model", "type"), e.childAttr("driver", "name")));
    }
    return found;
  }
}
