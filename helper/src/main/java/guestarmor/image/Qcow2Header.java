package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * qcow2 v2/v3 (QEMU docs/interop/qcow2.txt): backing name at backing_file_offset, backing format and
 * external data file in header extensions, as libvirt's qcow2GetBackingStore/qcow2GetExtensions read them.
 */
final class Qcow2Header implements HeaderFormat {
  static final int MAGIC = 0x514649fb;
  private static final int V2_HEADER_LENGTH = 72;
  private static final int V3_HEADER_LENGTH = 104;
  private static final int EXT_END = 0;
  private static final int EXT_BACKING_FORMAT = 0xE2792ACA;
  private static final int EXT_DATA_FILE = 0x44415441;

  @Override
  public String name() {
    return "qcow2";
  }

  @Override
  public boolean matches(ByteBuffer head) {
    int version = QcowHeader.version(head);
    return version == 2 || version == 3;
  }

  @Override
  public HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException {
    ByteBuffer header = head.duplicate().order(ByteOrder.BIG_ENDIAN);
    ImageFile.require(header, V2_HEADER_LENGTH);
    long backingOffset = header.getLong(8);
    long backingSize = Integer.toUnsignedLong(header.getInt(16));
    Extensions extensions = extensions(header, extensionStart(header), backingOffset);
    if (backingOffset == 0 || backingSize == 0) {
      return new HeaderInfo(null, null, extensions.dataFile);
    }
    String backing = file.name(backingOffset, backingSize);
    return new HeaderInfo(backing.isEmpty() ? null : backing, extensions.backingFormat,
        extensions.dataFile);
  }

  private static int extensionStart(ByteBuffer header) throws GarbledHeaderException {
    if (header.getInt(4) == 2) {
      return V2_HEADER_LENGTH;
    }
    ImageFile.require(header, V3_HEADER_LENGTH);
    long length = Integer.toUnsignedLong(header.getInt(100));
    if (length < V3_HEADER_LENGTH || length > header.limit()) {
      throw new GarbledHeaderException("qcow2 header_length " + length);
    }
    return (int) length;
  }

  // Like libvirt, stop at the end marker, at the backing name, or where the bytes we read end.
  private static Extensions extensions(ByteBuffer header, int start, long backingOffset)
      throws GarbledHeaderException {
    Extensions found = new Extensions();
    long end = backingOffset > 0 ? Math.min(backingOffset, header.limit()) : header.limit();
    long offset = start;
    while (offset + 8 <= end) {
      int type = header.getInt((int) offset);
      long length = Integer.toUnsignedLong(header.getInt((int) offset + 4));
      if (type == EXT_END) {
        break;
      }
      if (offset + 8 + length > header.limit()) {
        throw new GarbledHeaderException("qcow2 header extension runs past the header");
      }
      found.take(type, header.slice((int) offset + 8, (int) length));
      offset += 8 + ((length + 7) & ~7L);
    }
    return found;
  }

  private static final class Extensions {
    private String backingFormat;
    private String dataFile;

    void take(int type, ByteBuffer data) throws GarbledHeaderException {
      if (type == EXT_BACKING_FORMAT || type == EXT_DATA_FILE) {
        if (data.limit() > ImageFile.MAX_NAME) {
          throw new GarbledHeaderException("qcow2 extension name length " + data.limit());
        }
        String text = ImageFile.decode(data);
        if (type == EXT_BACKING_FORMAT) {
          backingFormat = text;
        } else {
          dataFile = text.isEmpty() ? null : text;
        }
      }
    }
  }
}
