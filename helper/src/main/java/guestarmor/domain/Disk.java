package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <disk>} as the rules see it.
 *
 * @param type {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, ...
 * @param target the guest device name ({@code vda}), used to say which disk a rule is for
 * @param format {@code <driver type>}, null when absent (then the image is raw: libvirt never probes)
 * @param source the host path ({@code file}, {@code dev} or {@code dir} attribute), null when empty
 * @param backing the chain as the XML gives it
 */
public record Disk(String type, String device, String target, String format, String source,
    boolean readonly, BackingChain backing) {

  /** Disk types whose source is a host path (virStorageSourceIsLocalStorage). */
  public boolean isLocal() {
    return type.equals("file") || type.equals("block") || type.equals("dir");
  }

  /** Every {@code <disk>} in document order. */
  public static List<Disk> all(Domain domain) {
    List<Disk> disks = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("disk")) {
      disks.add(of(e, i++));
    }
    return disks;
  }

  static Disk of(Element e, int index) {
    String type = e.attr("type") == null ? "file" : e.attr("type");
    String target = e.childAttr("target", "dev");
    String device = orDefault(e.attr("device"), "disk");
    // libvirt forces a CD-ROM read-only whatever the XML says (virDomainDiskDefPostParse).
    boolean readonly = e.has("readonly") || device.equals("cdrom");
    return new Disk(type, device, target == null ? "#" + index : target, e.childAttr("driver", "type"),
        sourcePath(e.child("source")), readonly, BackingChain.of(e));
  }

  /** The host path of a {@code <source>}: file, dev or dir, whichever the element carries. */
  static String sourcePath(Element source) {
    if (source == null) {
      return null;
    }
    for (String key : new String[] {"file", "dev", "dir"}) {
      String v = source.attr(key);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static String orDefault(String v, String d) {
    return v == null ? d : v;
  }
}
