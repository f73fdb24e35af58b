package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphicsRulesTest {
  @TempDir Path root;

  private List<String> rulesOn(LiveHost host, String devices) throws RefusedPathException {
    return RuleLines.of(new GraphicsRules(host), RuleLines.withDevices(devices), host);
  }

  private LiveHost hostWithRenderNodes() {
    return new HostTree(root).file("/dev/dri/card0", "").file("/dev/dri/renderD129", "")
        .file("/dev/dri/renderD128", "").host();
  }

  @Test
  void theRenderNodeTheXmlNamesIsReadWrite() throws RefusedPathException {
    LiveHost host = hostWithRenderNodes();
    assertEquals(List.of("  \"/dev/dri/foo\" rw,"),
        RuleLines.of(new GraphicsRules(host), RuleLines.sample("graphics-spice-gl-rendernode.xml"), host));
  }

  @Test
  void aRenderNodeInARestrictedPlaceFailsTheDomain() {
    LiveHost host = hostWithRenderNodes();
    RefusedPathException e = assertThrows(RefusedPathException.class,
        () -> rulesOn(host, "<graphics type='egl-headless'><gl rendernode='/etc/shadow'/></graphics>"));
    assertTrue(e.getMessage().startsWith("graphics egl-headless: /etc/shadow"), e.getMessage());
  }

  @Test
  void eglHeadlessWithoutARenderNodeGetsTheFirstRenderNodeInSortedOrder() throws RefusedPathException {
    assertEquals(List.of("  \"/dev/dri/renderD128\" rw,"),
        rulesOn(hostWithRenderNodes(), "<graphics type='egl-headless'/>"));
  }

  @Test
  void spiceAndDbusWithGlOnGetTheHostsRenderNode() throws RefusedPathException {
    assertEquals(List.of("  \"/dev/dri/renderD128\" rw,", "  \"/dev/dri/renderD128\" rw,"),
        rulesOn(hostWithRenderNodes(), "<graphics type='spice'><gl enable='yes'/></graphics>"
            + "<graphics type='dbus'><gl enable='yes'/></graphics>"));
  }

  @Test
  void aDbusDisplayWithItsOwnRenderNodeUsesIt() throws RefusedPathException {
    assertEquals(List.of("  \"/dev/dri/renderD129\" rw,"),
        rulesOn(hostWithRenderNodes(), "<graphics type='dbus'><gl enable='yes' rendernode='/dev/dri/renderD129'/></graphics>"));
  }

  @Test
  void aHostWithoutRenderNodesAddsNoNode() throws RefusedPathException {
    LiveHost host = new HostTree(root).file("/dev/dri/card0", "").host();
    assertEquals(List.of(), rulesOn(host, "<graphics type='egl-headless'/>"));
  }

  @Test
  void spiceWithoutGlNeedsNoRenderNode() throws RefusedPathException {
    LiveHost host = hostWithRenderNodes();
    assertEquals(List.of(), RuleLines.of(new GraphicsRules(host), RuleLines.sample("graphics-spice-without-gl.xml"), host));
    assertEquals(List.of(), rulesOn(host, "<graphics type='spice'><gl enable='no'/></graphics>"));
  }

  @Test
  void vncNeverGetsARenderNode() throws RefusedPathException {
    assertEquals(List.of(), rulesOn(hostWithRenderNodes(), "<graphics type='vnc'><gl enable='yes'/></graphics>"));
  }

  @Test
  void eachDisplaysRenderNodeComesBeforeItsSockets() throws RefusedPathException {
    assertEquals(List.of(
        "  \"/dev/dri/renderD128\" rw,",
        "  \"/run/spice/g1.sock\" rw,",
        "  \"/run/vnc/g1.sock\" rw,"),
        rulesOn(hostWithRenderNodes(), "<graphics type='spice'><listen type='socket' socket='/run/spice/g1.sock'/>"
            + "<gl enable='yes'/></graphics><graphics type='vnc' socket='/run/vnc/g1.sock'/>"));
  }

  @Test
  void aLoneSdlDisplayGetsItsXauthFileReadOnly() throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    assertEquals(List.of(
        "  \"/root/.Xauthority\" r,",
        "  # don't audit writes to readonly files",
        "  deny \"/root/.Xauthority\" w,"),
        RuleLines.of(new GraphicsRules(host), RuleLines.sample("graphics-sdl-xauth.xml"), host));
  }

  @Test
  void aLoneSdlDisplayWithoutXauthAddsNothing() throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    assertEquals(List.of(), RuleLines.of(new GraphicsRules(host), RuleLines.sample("graphics-sdl-alone.xml"), host));
  }

  @Test
  void anSdlDisplayNextToAnotherGetsNoXauth() throws RefusedPathException {
    assertEquals(List.of(), rulesOn(new HostTree(root).host(),
        "<graphics type='sdl' display=':0' xauth='/root/.Xauthority'/><graphics type='vnc'/>"));
  }
}
