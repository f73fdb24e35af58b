package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code <graphics>} device.
 *
 * @param sockets the unix socket paths it listens on (VNC {@code socket=}, {@code <listen type='socket'>})
 * @param renderNode {@code <gl rendernode='...'>} of a spice, egl-headless or dbus display, null when absent
 * @param glEnabled {@code <gl enable='yes'>} (spice, dbus)
 * @param xauth the {@code xauth} attribute of an SDL display, null when absent
 */
public record Graphics(int index, String type, List<String> sockets, String renderNode, boolean glEnabled,
    String xauth) {

  /** The display types QEMU can render with a DRM render node (virDomainGraphicsSupportsRenderNode). */
  private static final Set<String> RENDER_NODE_TYPES = Set.of("spice", "egl-headless", "dbus");

  public Graphics {
    sockets = List.copyOf(sockets);
  }

  public static List<Graphics> all(Domain domain) {
    List<Graphics> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("graphics")) {
      String type = e.attr("type");
      boolean rendering = RENDER_NODE_TYPES.contains(type);
      String renderNode = rendering ? e.childAttr("gl", "rendernode") : null;
      boolean gl = rendering && "yes".equals(e.childAttr("gl", "enable"));
      found.add(new Graphics(i++, type, sockets(e), renderNode, gl, "sdl".equals(type) ? e.attr("xauth") : null));
    }
    return found;
  }

  /**
   * Whether QEMU picks a render node itself (virDomainGraphicsNeedsAutoRenderNode): egl-headless, or
   * spice and dbus with GL on, when the XML names no render node.
   */
  public boolean needsAutoRenderNode() {
    if (!RENDER_NODE_TYPES.contains(type) || renderNode != null) {
      return false;
    }
    return type.equals("egl-headless") || glEnabled;
  }

  /** Whether QEMU renders with GL on the host, which needs the DRI/Mesa files (the C helper's needsgl). */
  public boolean needsGl() {
    return renderNode != null || needsAutoRenderNode();
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
