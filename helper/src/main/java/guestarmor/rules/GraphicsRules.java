package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Graphics;
import guestarmor.host.HostFacts;
import java.util.List;

/**
 * Displays (table rows 12-14), per device in document order: its DRM render node {@code rw} (the one
 * the XML names, or the one QEMU will pick), then its unix sockets {@code rw}; after all devices, the
 * X authority file of a lone SDL display, read-only. The DRI/Mesa files come later, from {@link GlRules}.
 */
final class GraphicsRules implements RuleSource {
  private static final String DRI = "/dev/dri";

  private final HostFacts host;

  GraphicsRules(HostFacts host) {
    this.host = host;
  }

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    List<Graphics> all = Graphics.all(domain);
    for (Graphics g : all) {
      String origin = "graphics " + g.type();
      // libvirt 9.0 ignored a refused render node (still GL-enabled); guestarmor refuses the domain, as
      // newer libvirt does: a render node under /etc or /sys is never what the admin meant.
      if (g.renderNode() != null) {
        rules.addPath(origin, g.renderNode(), "rw");
      } else if (g.needsAutoRenderNode()) {
        addAutoRenderNode(origin, rules);
      }
      for (String socket : g.sockets()) {
        rules.addPath(origin, socket, "rw");
      }
    }
    // Only a lone SDL display gets its xauth (C helper: ngraphics == 1); without xauth guestarmor adds
    // nothing where the C helper failed (decisions file, item 4).
    if (all.size() == 1 && all.get(0).xauth() != null) {
      rules.addPath("graphics sdl", all.get(0).xauth(), "r");
    }
  }

  // virHostGetDRMRenderNode: the first renderD* in /dev/dri. The C helper takes directory order;
  // guestarmor takes sorted order, so the same host always gives the same profile.
  private void addAutoRenderNode(String origin, RuleCollector rules) throws RefusedPathException {
    for (String name : host.list(DRI)) {
      if (name.startsWith("renderD")) {
        rules.addPath(origin, DRI + "/" + name, "rw");
        return;
      }
    }
  }
}
