package guestarmor.image;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The header readers by name, and format probing by magic (only ever for a backing layer). */
final class ImageFormats {
  private static final List<HeaderFormat> READERS = List.of(
      new Qcow2Header(), new QcowHeader(), new QedHeader(), new VmdkDescriptor(), new CowHeader());

  // libvirt's virStorageFileFormat names; a header recording anything else is garbled for libvirt.
  private static final Set<String> KNOWN = Set.of("raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
      "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "luks");

  private ImageFormats() {}

  /** The reader for a format whose header can name a backing file; empty for raw, null and others. */
  static Optional<HeaderFormat> reader(String format) {
    return READERS.stream().filter(r -> r.name().equals(format)).findFirst();
  }

  /** Whether libvirt knows the format name a header records. */
  static boolean isKnown(String format) {
    return KNOWN.contains(format);
  }

  /** The format whose magic the first bytes carry, {@code raw} when none does. */
  static String probe(ByteBuffer head) {
    return READERS.stream().filter(r -> r.matches(head)).map(HeaderFormat::name).findFirst()
        .orElse("raw");
  }
}
