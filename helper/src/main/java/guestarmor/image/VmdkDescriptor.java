package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * VMDK: a text descriptor file, or the descriptor embedded in a monolithic sparse extent ("KDMV" header,
 * descriptor_offset/size in sectors). The backing name is {@code parentFileNameHint="..."}; like libvirt's
 * vmdk4GetBackingStore, no backing format is recorded.
 */
final class VmdkDescriptor implements HeaderFormat {
  private static final int SPARSE_MAGIC = 0x564d444b; // "KDMV" read little-endian
  private static final int SPARSE_HEADER_PREFIX = 44;
  private static final int SECTOR = 512;
  private static final String TEXT_MAGIC = "# Disk DescriptorFile";
  private static final String PARENT_KEY = "parentFileNameHint";

  @Override
  public String name() {
    return "vmdk";
  }

  @Override
  public boolean matches(ByteBuffer head) {
    return isSparse(head) || startsWithText(head);
  }

  private static boolean isSparse(ByteBuffer head) {
    ByteBuffer header = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return header.limit() >= 4 && header.getInt(0) == SPARSE_MAGIC;
  }

  private static boolean startsWithText(ByteBuffer head) {
    byte[] magic = TEXT_MAGIC.getBytes(StandardCharsets.US_ASCII);
    return head.limit() >= magic.length && head.slice(0, magic.length).equals(ByteBuffer.wrap(magic));
  }

  @Override
  public HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException {
    ByteBuffer descriptor = isSparse(head) ? embeddedDescriptor(file, head) : head;
    return HeaderInfo.backing(parentHint(descriptor), null);
  }

  private static ByteBuffer embeddedDescriptor(ImageFile file, ByteBuffer head) throws IOException {
    ByteBuffer header = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    ImageFile.require(header, SPARSE_HEADER_PREFIX);
    long sector = header.getLong(28);
    long sectors = header.getLong(36);
    if (sector == 0 || sectors == 0) {
      return ByteBuffer.allocate(0);
    }
    if (sector < 0 || sector > Long.MAX_VALUE / SECTOR || sectors < 0) {
      throw new GarbledHeaderException("vmdk descriptor at sector " + sector);
    }
    int length = (int) Math.min(sectors, ImageFile.MAX_READ / SECTOR) * SECTOR;
    return file.read(sector * SECTOR, length);
  }

  // The descriptor is "key = value" lines and '#' comments; an embedded one is padded with NULs.
  private static String parentHint(ByteBuffer descriptor) throws GarbledHeaderException {
    String text = StandardCharsets.ISO_8859_1.decode(descriptor.duplicate()).toString();
    int nul = text.indexOf('\0');
    for (String line : (nul < 0 ? text : text.substring(0, nul)).split("\n")) {
      int equals = line.indexOf('=');
      if (!line.strip().startsWith("#") && equals > 0
          && line.substring(0, equals).strip().equals(PARENT_KEY)) {
        return quoted(line.substring(equals + 1).strip());
      }
    }
    return null;
  }

  private static String quoted(String value) throws GarbledHeaderException {
    if (value.length() < 2 || !value.startsWith("\"") || value.indexOf('"', 1) != value.length() - 1) {
      throw new GarbledHeaderException("vmdk parentFileNameHint is not one quoted string");
    }
    byte[] bytes = value.substring(1, value.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
    if (bytes.length > ImageFile.MAX_NAME) {
      throw new GarbledHeaderException("vmdk parentFileNameHint length " + bytes.length);
    }
    return ImageFile.decode(ByteBuffer.wrap(bytes));
  }
}
