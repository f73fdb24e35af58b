package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * User-mode Linux COW (arch/um/drivers/cow_user.c, big-endian "OOOM"): a fixed 1024-byte backing name at
 * offset 8 (version 2) or 32 (version 3); no backing format is recorded.
 */
final class CowHeader implements HeaderFormat {
  private static final int MAGIC = 0x4f4f4f4d;
  private static final int NAME_LENGTH = 1024;
  private static final int V2_NAME_OFFSET = 8;
  private static final int V3_NAME_OFFSET = 32;

  @Override
  public String name() {
    return "cow";
  }

  @Override
  public boolean matches(ByteBuffer head) {
    int version = version(head);
    return version == 2 || version == 3;
  }

  private static int version(ByteBuffer head) {
    ByteBuffer header = head.duplicate().order(ByteOrder.BIG_ENDIAN);
    if (header.limit() < 8 || header.getInt(0) != MAGIC) {
      return -1;
    }
    return header.getInt(4);
  }

  @Override
  public HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException {
    int offset = version(head) == 2 ? V2_NAME_OFFSET : V3_NAME_OFFSET;
    return HeaderInfo.backing(file.name(offset, NAME_LENGTH), null);
  }
}
