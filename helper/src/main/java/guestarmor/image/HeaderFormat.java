package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;

/** One image format whose header can name a backing file. */
interface HeaderFormat {

  /** The format's name as libvirt spells it ({@code qcow2}, {@code vmdk}, ...). */
  String name();

  /** Whether the first bytes of a file carry this format's magic (and a version this reader knows). */
  boolean matches(ByteBuffer head);

  /**
   * Reads the header of a file whose first bytes {@link #matches match}.
   *
   * @param head the first bytes of the file (at most {@link ImageFile#MAX_READ}), position 0
   * @throws GarbledHeaderException when a field is out of bounds
   */
  HeaderInfo read(ImageFile file, ByteBuffer head) throws IOException;
}
