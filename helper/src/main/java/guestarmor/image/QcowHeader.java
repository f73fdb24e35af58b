package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** qcow version 1: backing name at backing_file_offset; the header records no backing format. */
final class QcowHeader implements HeaderFormat {
  private static final int HEADER_PREFIX = 20;

  @Override
  public String name() {
    return "qcow";
  }

  @Override
  public boolean matches(ByteBuffer head) {
    return version(head) == 1;
  }

  /** The version of a qcow/qcow2 header, -1 without the {@code QFI\xfb} magic. */
  static int version(ByteBuffer head) {
    ByteBuffer header = head.duplicate().order(ByteOrder.BIG_ENDIAN);
    if (header.limit() < 8 || header.getInt(0) != Qcow2Header.MAGIC) {
      return -1;
    }
    return header.getInt(4);
  }

  @Override
  public HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException {
    ByteBuffer header = head.duplicate().order(ByteOrder.BIG_ENDIAN);
    ImageFile.require(header, HEADER_PREFIX);
    long offset = header.getLong(8);
    long size = Integer.toUnsignedLong(header.getInt(16));
    if (offset == 0 || size == 0) {
      return HeaderInfo.NONE;
    }
    return HeaderInfo.backing(file.name(offset, size), null);
  }
}
