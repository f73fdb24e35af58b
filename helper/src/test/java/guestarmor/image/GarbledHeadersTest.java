package guestarmor.image;

import static guestarmor.image.ImageHeaders.qcow2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.host.LiveHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lengths out of bounds and truncated files end the chain quietly; nothing is thrown. */
class GarbledHeadersTest {
  private final BackingChainReader reader = new BackingChainReader(new LiveHost());

  @TempDir Path dir;

  private String path(String name) {
    return dir + "/" + name;
  }

  private List<ImageLayer> topOnly() {
    return List.of(new ImageLayer(path("top"), "qcow2", null));
  }

  private ImageHeaders qcow2Header() {
    return ImageHeaders.bigEndian(4096).u32(0, 0x514649fb).u32(4, 3).u32(20, 16)
        .u64(24, 1 << 20).u32(96, 4).u32(100, 104);
  }

  @Test
  void aBackingNameLongerThan4096BytesIsGarbled() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    qcow2Header().u64(8, 112).u32(16, 5000).text(112, "base").writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aBackingNamePastTheEndOfTheFileIsGarbled() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    qcow2Header().u64(8, 1L << 40).u32(16, 4).writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aBackingOffsetAboveTheSignedRangeIsGarbled() throws IOException {
    qcow2Header().u64(8, -8).u32(16, 4).writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aHeaderExtensionRunningPastTheHeaderIsGarbled() throws IOException {
    ImageHeaders h = qcow2Header();
    h.extension(104, ImageHeaders.QCOW2_EXT_DATA_FILE, "data.raw");
    h.u32(108, 0x7fffffff).writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aHeaderLengthBelowTheVersion3MinimumIsGarbled() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    ImageHeaders h = qcow2Header().u32(100, 72);
    int offset = h.extension(104, ImageHeaders.QCOW2_EXT_BACKING_FORMAT, "qcow2") + 8;
    h.backingName(offset, "base").writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void unknownHeaderExtensionsAreSkipped() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    ImageHeaders h = qcow2Header();
    int offset = h.extension(104, ImageHeaders.QCOW2_EXT_FEATURE_TABLE, "\0\0dirty bit");
    offset = h.extension(offset, ImageHeaders.QCOW2_EXT_BACKING_FORMAT, "qcow2") + 8;
    h.backingName(offset, "base").writeTo(dir.resolve("top"));

    assertEquals(List.of(new ImageLayer(path("top"), "qcow2", null),
            new ImageLayer(path("base"), "qcow2", null)),
        reader.read(path("top"), "qcow2"));
  }

  @Test
  void aBackingNameThatIsNotUtf8IsGarbled() throws IOException {
    qcow2Header().u64(8, 112).u32(16, 2).raw(112, new byte[] {(byte) 0xc3, 0x28})
        .writeTo(dir.resolve("top"));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aTruncatedTopHeaderIsReportedAlone() throws IOException {
    Path full = qcow2(dir.resolve("full"), "base", "qcow2", null);
    qcow2(dir.resolve("base"), null, null, null);
    Files.write(dir.resolve("top"), Arrays.copyOf(Files.readAllBytes(full), 40));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aTopFileEndingInsideTheBackingNameIsReportedAlone() throws IOException {
    qcow2(dir.resolve("base.qcow2"), null, null, null);
    byte[] bytes = ImageHeaders.bigEndian(4096).u32(0, 0x514649fb).u32(4, 3).u32(96, 4)
        .u32(100, 104).backingName(112, "base.qcow2").bytes();
    Files.write(dir.resolve("top"), Arrays.copyOf(bytes, 116));

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aTruncatedBackingLayerIsNotAdded() throws IOException {
    Path full = qcow2(dir.resolve("full"), null, null, null);
    Files.write(dir.resolve("base"), Arrays.copyOf(Files.readAllBytes(full), 50));
    qcow2(dir.resolve("top"), "base", "qcow2", null);

    assertEquals(topOnly(), reader.read(path("top"), "qcow2"));
  }

  @Test
  void aTruncatedCowHeaderIsGarbled() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    Path full = ImageHeaders.cowV2(dir.resolve("full"), "base");
    Files.write(dir.resolve("top"), Arrays.copyOf(Files.readAllBytes(full), 20));

    assertEquals(List.of(new ImageLayer(path("top"), "cow", null)),
        reader.read(path("top"), "cow"));
  }

  @Test
  void aSparseVmdkDescriptorOffsetPastTheSignedRangeIsGarbled() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    Path top = ImageHeaders.vmdkSparse(dir.resolve("top"),
        ImageHeaders.vmdkDescriptor("parentFileNameHint=\"base\""));
    byte[] bytes = Files.readAllBytes(top);
    Arrays.fill(bytes, 28, 36, (byte) 0x7f);
    Files.write(top, bytes);

    assertEquals(List.of(new ImageLayer(path("top"), "vmdk", null)),
        reader.read(path("top"), "vmdk"));
  }
}
