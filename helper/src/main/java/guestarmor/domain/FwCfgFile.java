package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A firmware configuration entry whose value QEMU reads from a host file:
 * {@code <sysinfo type='fwcfg'><entry name='opt/...' file='PATH'/>}.
 *
 * @param name the fw_cfg key, to say which entry a rule is for
 * @param file the host file as written in the XML
 */
public record FwCfgFile(String name, String file) {

  /** Every fwcfg entry with a {@code file}, over all {@code <sysinfo type='fwcfg'>} blocks, in document order. */
  public static List<FwCfgFile> all(Domain domain) {
    List<FwCfgFile> found = new ArrayList<>();
    for (Element sysinfo : domain.xml().children("sysinfo")) {
      if (!"fwcfg".equals(sysinfo.attr("type"))) {
        continue;
      }
      for (Element entry : sysinfo.children("entry")) {
        if (entry.attr("file") != null) {
          found.add(new FwCfgFile(entry.attr("name"), entry.attr("file")));
        }
      }
    }
    return found;
  }
}
