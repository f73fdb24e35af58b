package guestarmor.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.host.HostTree;
import guestarmor.host.LiveHost;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GlRulesTest {
  /** Behaviour spec 4.9, copied by hand (typos included). */
  private static final List<String> GL_BLOCK = List.of(
      "  # DRI/Mesa/(e)GL config and driver paths",
      "  \"/usr/lib{,32,64}/dri/*.so*\" mr,",
      "  \"/usr/lib/@{multiarch}/dri/*.so*\" mr,",
      "  \"/usr/lib/fglrx/dri/*.so*\" mr,",
      "  \"/etc/drirc\" r,",
      "  \"/usr/share/drirc.d/{,*.conf}\" r,",
      "  \"/etc/glvnd/egl_vendor.d/{,*}\" r,",
      "  \"/usr/share/glvnd/egl_vendor.d/{,*}\" r,",
      "  \"/usr/share/egl/egl_external_platform.d/\" r,",
      "  \"/usr/share/egl/egl_external_platform.d/*\" r,",
      "  \"/proc/modules\" r,",
      "  \"/proc/driver/nvidia/params\" r,",
      "  \"/dev/nvidiactl\" rw,",
      "  # Probe DRI device attributes",
      "  \"/dev/dri/\" r,",
      "  \"/sys/devices/**/{uevent,vendor,device,subsystem_vendor,subsystem_device,config,revision}\" r,",
      "  # dri libs will trigger that, but t is not requited and DAC would deny it anyway",
      "  deny \"/var/lib/libvirt/.cache/\" w,");

  @TempDir Path root;

  private List<String> rules(String devices) throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    return RuleLines.of(new GlRules(), RuleLines.withDevices(devices), host);
  }

  @Test
  void spiceWithGlAndARenderNodeGetsTheGlBlockVerbatim() throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    assertEquals(GL_BLOCK, RuleLines.of(new GlRules(), RuleLines.sample("graphics-spice-gl-rendernode.xml"), host));
  }

  @Test
  void eglHeadlessNeedsGlEvenWhenTheHostHasNoRenderNode() throws RefusedPathException {
    assertEquals(GL_BLOCK, rules("<graphics type='egl-headless'/>"));
  }

  @Test
  void aRenderNodeWithGlOffStillNeedsGlAsInLibvirt() throws RefusedPathException {
    assertEquals(GL_BLOCK, rules("<graphics type='spice'><gl enable='no' rendernode='/dev/dri/renderD128'/></graphics>"));
  }

  @Test
  void theBlockIsWrittenOnceForSeveralGlDisplays() throws RefusedPathException {
    assertEquals(GL_BLOCK, rules("<graphics type='egl-headless'/><graphics type='dbus'><gl enable='yes'/></graphics>"));
  }

  @Test
  void displaysWithoutGlGetNoBlock() throws RefusedPathException {
    LiveHost host = new HostTree(root).host();
    assertEquals(List.of(), RuleLines.of(new GlRules(), RuleLines.sample("graphics-spice-without-gl.xml"), host));
    assertEquals(List.of(), rules("<graphics type='vnc'/><graphics type='spice'><gl enable='no'/></graphics>"));
  }
}
