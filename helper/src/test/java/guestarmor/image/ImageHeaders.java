package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes image headers field by field at the offsets of the published specs: QEMU's
 * docs/interop/qcow2.txt and qed_spec.txt, block/qcow.c's QCowHeader, VMware's "Virtual Disk Format 1.1"
 * (SparseExtentHeader), UML's arch/um/drivers/cow_user.c. Independent of the code under test.
 */
public final class ImageHeaders {
  static final int QCOW2_EXT_BACKING_FORMAT = 0xE2792ACA;
  static final int QCOW2_EXT_DATA_FILE = 0x44415441;
  static final int QCOW2_EXT_FEATURE_TABLE = 0x6803f857;

  private final ByteBuffer bytes;

  private ImageHeaders(int size, ByteOrder order) {
    bytes = ByteBuffer.allocate(size).order(order);
  }

  static ImageHeaders bigEndian(int size) {
    return new ImageHeaders(size, ByteOrder.BIG_ENDIAN);
  }

  static ImageHeaders littleEndian(int size) {
    return new ImageHeaders(size, ByteOrder.LITTLE_ENDIAN);
  }

  ImageHeaders u32(int offset, long value) {
    bytes.putInt(offset, (int) value);
    return this;
  }

  ImageHeaders u64(int offset, long value) {
    bytes.putLong(offset, value);
    return this;
  }

  ImageHeaders text(int offset, String text) {
    return raw(offset, text.getBytes(StandardCharsets.UTF_8));
  }

  ImageHeaders raw(int offset, byte[] data) {
    bytes.put(offset, data);
    return this;
  }

  byte[] bytes() {
    return bytes.array().clone();
  }

  Path writeTo(Path file) throws IOException {
    Files.write(file, bytes.array());
    return file;
  }

  /** A qcow2 version 3 header (104 bytes), extensions from offset 104, then the backing name. */
  public static Path qcow2(Path file, String backing, String backingFormat, String dataFile)
      throws IOException {
    ImageHeaders h = bigEndian(4096)
        .u32(0, 0x514649fb).u32(4, 3).u32(20, 16).u64(24, 1 << 20)
        .u64(72, dataFile == null ? 0 : 1 << 2) // incompatible_features bit 2: external data file
        .u32(96, 4).u32(100, 104);
    int offset = 104;
    if (backingFormat != null) {
      offset = h.extension(offset, QCOW2_EXT_BACKING_FORMAT, backingFormat);
    }
    if (dataFile != null) {
      offset = h.extension(offset, QCOW2_EXT_DATA_FILE, dataFile);
    }
    offset += 8; // end-of-extensions marker: type 0, length 0
    if (backing != null) {
      h.backingName(offset, backing);
    }
    return h.writeTo(file);
  }

  /** A qcow2 version 2 header (72 bytes, extensions right after it). */
  static Path qcow2v2(Path file, String backing, String backingFormat) throws IOException {
    ImageHeaders h = bigEndian(1024).u32(0, 0x514649fb).u32(4, 2).u32(20, 16).u64(24, 1 << 20);
    int offset = h.extension(72, QCOW2_EXT_BACKING_FORMAT, backingFormat) + 8;
    h.backingName(offset, backing);
    return h.writeTo(file);
  }

  /** qcow2 backing_file_offset (u64 at 8) and backing_file_size (u32 at 16), name not NUL-terminated. */
  ImageHeaders backingName(int offset, String name) {
    byte[] data = name.getBytes(StandardCharsets.UTF_8);
    return u64(8, offset).u32(16, data.length).raw(offset, data);
  }

  /** A qcow2 header extension (type, length, data padded to 8 bytes); returns the next offset. */
  int extension(int offset, int type, String data) {
    byte[] value = data.getBytes(StandardCharsets.UTF_8);
    u32(offset, type).u32(offset + 4, value.length).raw(offset + 8, value);
    return offset + 8 + (value.length + 7) / 8 * 8;
  }

  /** A qcow version 1 header (48 bytes) with the backing name at 48. */
  static Path qcow(Path file, String backing) throws IOException {
    byte[] name = backing.getBytes(StandardCharsets.UTF_8);
    return bigEndian(512).u32(0, 0x514649fb).u32(4, 1).u64(8, 48).u32(16, name.length)
        .u64(24, 1 << 20).raw(32, new byte[] {12, 9}).raw(48, name).writeTo(file);
  }

  /** A QED header (little-endian, 64 bytes), backing name at 64 when {@code features} has bit 0. */
  static Path qed(Path file, long features, String backing) throws IOException {
    byte[] name = backing == null ? new byte[0] : backing.getBytes(StandardCharsets.UTF_8);
    return littleEndian(512).raw(0, new byte[] {'Q', 'E', 'D', 0}).u32(4, 65536).u32(8, 4)
        .u32(12, 1).u64(16, features).u64(40, 65536).u64(48, 1 << 20)
        .u32(56, name.length == 0 ? 0 : 64).u32(60, name.length).raw(64, name).writeTo(file);
  }

  /** A UML COW version 2 header: magic, version, backing_file[1024], mtime, size, sectorsize. */
  static Path cowV2(Path file, String backing) throws IOException {
    return bigEndian(1048).u32(0, 0x4f4f4f4d).u32(4, 2).text(8, backing).u64(1036, 1 << 20)
        .u32(1044, 512).writeTo(file);
  }

  /** A UML COW version 3 header: magic, version, mtime, size, sectorsize, alignment, cow_format, name. */
  static Path cowV3(Path file, String backing) throws IOException {
    return bigEndian(1056).u32(0, 0x4f4f4f4d).u32(4, 3).u64(12, 1 << 20).u32(20, 512)
        .u32(24, 512).text(32, backing).writeTo(file);
  }

  /** A monolithic sparse VMDK: "KDMV" header, the descriptor at sector 1 (20 sectors, NUL padded). */
  static Path vmdkSparse(Path file, String descriptor) throws IOException {
    return littleEndian(512 * 21).raw(0, new byte[] {'K', 'D', 'M', 'V'}).u32(4, 1).u32(8, 3)
        .u64(12, 2048).u64(20, 128).u64(28, 1).u64(36, 20).u32(44, 512)
        .text(512, descriptor).writeTo(file);
  }

  /** A VMDK descriptor as qemu-img writes it, with a parent when {@code parentLine} is not null. */
  static String vmdkDescriptor(String parentLine) {
    return "# Disk DescriptorFile\nversion=1\nCID=12345678\nparentCID=ffffffff\n"
        + "createType=\"monolithicSparse\"\n" + (parentLine == null ? "" : parentLine + "\n")
        + "\n# Extent description\nRW 2048 SPARSE \"disk.vmdk\"\n\n# The Disk Data Base\n#DDB\n\n"
        + "ddb.virtualHWVersion = \"4\"\n";
  }
}
