package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * QED (QEMU docs/interop/qed_spec.txt, little-endian): a backing name when the backing-file feature is
 * set; the backing-format-no-probe feature records a raw backing file, else nothing is recorded
 * (libvirt's qedGetBackingStore).
 */
final class QedHeader implements HeaderFormat {
  private static final int MAGIC = 0x00444551; // "QED\0" read little-endian
  private static final int HEADER_LENGTH = 64;
  private static final long FEATURE_BACKING_FILE = 0x1;
  private static final long FEATURE_BACKING_FORMAT_NO_PROBE = 0x4;

  @Override
  public String name() {
    return "qed";
  }

  @Override
  public boolean matches(ByteBuffer head) {
    ByteBuffer header = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    return header.limit() >= 4 && header.getInt(0) == MAGIC;
  }

  @Override
  public HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException {
    ByteBuffer header = head.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    ImageFile.require(header, HEADER_LENGTH);
    long features = header.getLong(16);
    if ((features & FEATURE_BACKING_FILE) == 0) {
      return HeaderInfo.NONE;
    }
    long offset = Integer.toUnsignedLong(header.getInt(56));
    long size = Integer.toUnsignedLong(header.getInt(60));
    if (size == 0) {
      return HeaderInfo.NONE;
    }
    String format = (features & FEATURE_BACKING_FORMAT_NO_PROBE) != 0 ? "raw" : null;
    return HeaderInfo.backing(file.name(offset, size), format);
  }
}
