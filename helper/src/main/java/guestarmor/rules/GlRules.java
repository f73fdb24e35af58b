package guestarmor.rules;

import static guestarmor.rules.PathPattern.glob;

import guestarmor.domain.Domain;
import guestarmor.domain.Graphics;

/**
 * The DRI/Mesa/(e)GL block (table row 29, behaviour spec 4.9), once, when any display renders with GL:
 * a render node is named or picked. Written verbatim as the C helper writes it, typos included.
 */
final class GlRules implements RuleSource {
  private static final String ORIGIN = "graphics gl";

  @Override
  public void addRules(Domain domain, RuleCollector rules) {
    if (Graphics.all(domain).stream().noneMatch(Graphics::needsGl)) {
      return;
    }
    rules.add(allow("/usr/lib{,32,64}/dri/*.so*", "mr").withComment("DRI/Mesa/(e)GL config and driver paths"));
    rules.add(allow("/usr/lib/@{multiarch}/dri/*.so*", "mr"));
    rules.add(allow("/usr/lib/fglrx/dri/*.so*", "mr"));
    rules.add(allow("/etc/drirc", "r"));
    rules.add(allow("/usr/share/drirc.d/{,*.conf}", "r"));
    rules.add(allow("/etc/glvnd/egl_vendor.d/{,*}", "r"));
    rules.add(allow("/usr/share/glvnd/egl_vendor.d/{,*}", "r"));
    rules.add(allow("/usr/share/egl/egl_external_platform.d/", "r"));
    rules.add(allow("/usr/share/egl/egl_external_platform.d/*", "r"));
    rules.add(allow("/proc/modules", "r"));
    rules.add(allow("/proc/driver/nvidia/params", "r"));
    rules.add(allow("/dev/nvidiactl", "rw"));
    rules.add(allow("/dev/dri/", "r").withComment("Probe DRI device attributes"));
    rules.add(allow("/sys/devices/**/{uevent,vendor,device,subsystem_vendor,subsystem_device,config,revision}", "r"));
    rules.add(new Rule(ORIGIN, PathPattern.of(glob("/var/lib/libvirt/.cache/")), "w", true,
        "dri libs will trigger that, but t is not requited and DAC would deny it anyway"));
  }

  // Fixed text of the C helper's block, AppArmor syntax included: never built from the XML.
  private static Rule allow(String pattern, String perms) {
    return Rule.allow(ORIGIN, PathPattern.of(glob(pattern)), perms);
  }
}
