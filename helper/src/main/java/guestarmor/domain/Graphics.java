package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <graphics>} device.
 *
 * @param sockets the unix socket paths it listens on (VNC {@code socket=}, {@code <listen type='socket'>})
 */
public record Graphics(int index, String type, List<String> sockets) {

  public Graphics {
    sockets = List.copyOf(sockets);
  }

  public static List<Graphics> all(Domain domain) {
    List<Graphics> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("graphics")) {
      found.add(new Graphics(i++, e.attr("type"), sockets(e)));
    }
    return found;
  }

  // libvirt turns a VNC socket= attribute into a listen of type socket (virDomainGraphicsDefParseXML).
  private static List<String> sockets(Element e) {
    List<String> sockets = new ArrayList<>();
    String attr = e.attr("socket");
    if (attr != null && !attr.isEmpty()) {
      sockets.add(attr);
    }
    for (Element l : e.children("listen")) {
      String s = l.attr("socket");
      if ("socket".equals(l.attr("type")) && s != null && !s.isEmpty() && !sockets.contains(s)) {
        sockets.add(s);
      }
    }
    return sockets;
  }
}
