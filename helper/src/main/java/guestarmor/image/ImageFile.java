package guestarmor.image;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** An image opened read-only; every read is positional and bounded, never the whole file. */
final class ImageFile implements Closeable {
  /** No single read is larger than this. */
  static final int MAX_READ = 64 * 1024;
  /** A stored name longer than this is garbled (qemu itself caps backing names at 1023 bytes). */
  static final int MAX_NAME = 4096;

  private static final int TYPE_MASK = 0170000;
  private static final int REGULAR = 0100000;
  private static final int BLOCK_DEVICE = 0060000;

  private final FileChannel channel;

  private ImageFile(FileChannel channel) {
    this.channel = channel;
  }

  /** Opens a regular file or block device; a FIFO or character device would block or never end. */
  static ImageFile open(Path path) throws IOException {
    if (!isFileOrBlockDevice(path)) {
      throw new IOException("not a regular file or block device: " + path);
    }
    return new ImageFile(FileChannel.open(path, StandardOpenOption.READ));
  }

  private static boolean isFileOrBlockDevice(Path path) throws IOException {
    try {
      int type = (Integer) Files.getAttribute(path, "unix:mode") & TYPE_MASK;
      return type == REGULAR || type == BLOCK_DEVICE;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      return Files.isRegularFile(path);
    }
  }

  /** The first bytes of the file, at most {@link #MAX_READ}. */
  ByteBuffer head() throws IOException {
    return read(0, MAX_READ);
  }

  /** Up to {@code length} bytes from {@code offset}; fewer at the end of the file. */
  ByteBuffer read(long offset, int length) throws IOException {
    if (offset < 0 || length < 0 || length > MAX_READ || offset > Long.MAX_VALUE - length) {
      throw new GarbledHeaderException("read out of bounds: " + offset + "+" + length);
    }
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && channel.read(buffer, offset + buffer.position()) >= 0) {
      // a positional read may return fewer bytes than asked (block devices, signals)
    }
    return buffer.flip();
  }

  /** Exactly {@code length} bytes from {@code offset}, or garbled when the file ends before. */
  ByteBuffer readFully(long offset, int length) throws IOException {
    ByteBuffer buffer = read(offset, length);
    if (buffer.remaining() < length) {
      throw new GarbledHeaderException("file ends inside a field at " + offset);
    }
    return buffer;
  }

  /** A stored name: {@code length} bytes at {@code offset}, up to the first NUL, strict UTF-8. */
  String name(long offset, long length) throws IOException {
    if (length < 0 || length > MAX_NAME) {
      throw new GarbledHeaderException("name length " + length);
    }
    return decode(readFully(offset, (int) length));
  }

  /** The bytes up to the first NUL as strict UTF-8 (a name that is not text is garbled). */
  static String decode(ByteBuffer bytes) throws GarbledHeaderException {
    ByteBuffer text = bytes.slice();
    for (int i = 0; i < text.limit(); i++) {
      if (text.get(i) == 0) {
        text.limit(i);
        break;
      }
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(text);
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new GarbledHeaderException("name is not UTF-8");
    }
  }

  /** Fails unless the buffer holds at least {@code size} bytes. */
  static void require(ByteBuffer head, int size) throws GarbledHeaderException {
    if (head.limit() < size) {
      throw new GarbledHeaderException("header shorter than " + size + " bytes");
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
