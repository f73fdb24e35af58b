package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <disk>} as the rules see it.
 *
 * @param type {@code file}, {@code block}, {@code dir}, {@code network}, {@code volume}, ...
 * @param target the guest device name ({@code vda}), used to say which disk a rule is for
 * @param format {@code <driver type>}, null when absent (then the image is raw: libvirt never probes)
 * @param source the host path ({@code file}, {@code dev} or {@code dir} attribute; for a volume only the
 *     {@code file} or {@code dev} libvirtd writes for a translated volume; for a vhost-user disk the socket
 *     {@code path}), null when empty
 * @param backing the chain as the XML gives it
 * @param dataStore the local qcow2 data file {@code <source><dataStore>} names (11.x), null when none
 */
public record Disk(String type, String device, String target, String format, String source,
    boolean readonly, BackingChain backing, String dataStore) {

  /**
   * Disk types whose source is a host path (virStorageSourceIsLocalStorage), including a volume that
   * libvirtd translated to a file or block device (11.x: the volume's srcpool actualtype).
   */
  public boolean isLocal() {
    return type.equals("file") || type.equals("block") || type.equals("dir")
        || (type.equals("volume") && source != null);
  }

  /** A vhost-user disk: QEMU connects to the {@link #source} unix socket. */
  public boolean isVhostUser() {
    return type.equals("vhostuser");
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
        source(type, e.child("source")), readonly, BackingChain.of(e), dataStore(e.child("source")));
  }

  // libvirtd formats a volume disk with VIR_DOMAIN_DEF_FORMAT_VOLUME_TRANSLATED for the helper: the pool
  // and volume plus the translated file= or dev=; a directory volume (dir=) is not treated as local storage.
  private static String source(String type, Element source) {
    return switch (type) {
      case "volume" -> source == null ? null : firstAttr(source, "file", "dev");
      case "vhostuser" -> source == null ? null : firstAttr(source, "path");
      default -> sourcePath(source);
    };
  }

  private static String firstAttr(Element e, String... keys) {
    for (String key : keys) {
      String v = e.attr(key);
      if (v != null && !v.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  /** The path of {@code <source><dataStore type='file|block'><source .../>}: a local external data file. */
  static String dataStore(Element source) {
    Element store = source == null ? null : source.child("dataStore");
    if (store == null || !("file".equals(store.attr("type")) || "block".equals(store.attr("type")))) {
      return null;
    }
    return sourcePath(store.child("source"));
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
