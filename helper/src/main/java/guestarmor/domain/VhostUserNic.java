package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <interface type='vhostuser'>}: QEMU talks to the switch over a unix socket.
 *
 * @param index the position among all {@code <interface>} elements (as {@link NetInterface#index})
 * @param socket {@code <source type='unix' path>}, null when absent
 */
public record VhostUserNic(int index, String socket) {

  public static List<VhostUserNic> all(Domain domain) {
    List<VhostUserNic> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("interface")) {
      if ("vhostuser".equals(e.attr("type"))) {
        Element source = e.child("source");
        String type = source == null || source.attr("type") == null ? "unix" : source.attr("type");
        found.add(new VhostUserNic(i, UnixSocket.path(e, type)));
      }
      i++;
    }
    return found;
  }
}
