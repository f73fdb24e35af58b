package guestarmor.image;

import static guestarmor.image.ImageHeaders.qcow2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.host.LiveHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each format's header, and what the walk does when a header records no backing format. */
class HeaderFormatsTest {
  private static final long QED_BACKING_FILE = 0x1;
  private static final long QED_NO_PROBE = 0x4;

  private final BackingChainReader reader = new BackingChainReader(new LiveHost());

  @TempDir Path dir;

  private String path(String name) {
    return dir + "/" + name;
  }

  private List<ImageLayer> topAnd(String topFormat, ImageLayer... below) {
    List<ImageLayer> layers = new java.util.ArrayList<>();
    layers.add(new ImageLayer(path("top"), topFormat, null));
    layers.addAll(List.of(below));
    return layers;
  }

  @Test
  void aQcow2Version2HeaderHasItsExtensionsRightAfterTheHeader() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    ImageHeaders.qcow2v2(dir.resolve("top"), "base", "qcow2");

    assertEquals(topAnd("qcow2", new ImageLayer(path("base"), "qcow2", null)),
        reader.read(path("top"), "qcow2"));
  }

  @Test
  void aQcowVersion1BackingFileHasItsFormatProbed() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    ImageHeaders.qcow(dir.resolve("top"), "base");

    assertEquals(topAnd("qcow", new ImageLayer(path("base"), "qcow2", null)),
        reader.read(path("top"), "qcow"));
  }

  @Test
  void aQedBackingFileWithTheNoProbeFeatureIsRaw() throws IOException {
    qcow2(dir.resolve("base"), "/etc/shadow", "raw", null); // forged header in a raw image
    ImageHeaders.qed(dir.resolve("top"), QED_BACKING_FILE | QED_NO_PROBE, "base");

    assertEquals(topAnd("qed", new ImageLayer(path("base"), "raw", null)),
        reader.read(path("top"), "qed"));
  }

  @Test
  void aQedBackingFileWithoutTheNoProbeFeatureHasItsFormatProbed() throws IOException {
    ImageHeaders.qed(dir.resolve("base"), 0, null);
    ImageHeaders.qed(dir.resolve("top"), QED_BACKING_FILE, "base");

    assertEquals(topAnd("qed", new ImageLayer(path("base"), "qed", null)),
        reader.read(path("top"), "qed"));
  }

  @Test
  void aQedImageWithoutTheBackingFileFeatureHasNoBacking() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    ImageHeaders.qed(dir.resolve("top"), 0, "base");

    assertEquals(topAnd("qed"), reader.read(path("top"), "qed"));
  }

  @Test
  void aVmdkDescriptorFileNamesItsParentInParentFileNameHint() throws IOException {
    Files.writeString(dir.resolve("base"), ImageHeaders.vmdkDescriptor(null));
    Files.writeString(dir.resolve("top"),
        ImageHeaders.vmdkDescriptor("parentFileNameHint=\"base\""));

    assertEquals(topAnd("vmdk", new ImageLayer(path("base"), "vmdk", null)),
        reader.read(path("top"), "vmdk"));
  }

  @Test
  void aMonolithicSparseVmdkCarriesItsDescriptorAtDescriptorOffset() throws IOException {
    ImageHeaders.vmdkSparse(dir.resolve("base"), ImageHeaders.vmdkDescriptor(null));
    ImageHeaders.vmdkSparse(dir.resolve("top"),
        ImageHeaders.vmdkDescriptor("parentFileNameHint=\"base\""));

    assertEquals(topAnd("vmdk", new ImageLayer(path("base"), "vmdk", null)),
        reader.read(path("top"), "vmdk"));
  }

  @Test
  void aCommentedOutParentHintIsNoParent() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    Files.writeString(dir.resolve("top"),
        ImageHeaders.vmdkDescriptor("# parentFileNameHint=\"base\""));

    assertEquals(topAnd("vmdk"), reader.read(path("top"), "vmdk"));
  }

  @Test
  void aParentHintWithoutClosingQuoteIsGarbled() throws IOException {
    Files.writeString(dir.resolve("base"), "");
    Files.writeString(dir.resolve("top"), ImageHeaders.vmdkDescriptor("parentFileNameHint=\"base"));

    assertEquals(topAnd("vmdk"), reader.read(path("top"), "vmdk"));
  }

  @Test
  void aCowVersion2HeaderNamesItsBackingFileAtOffset8() throws IOException {
    Files.writeString(dir.resolve("base"), "plain bytes");
    ImageHeaders.cowV2(dir.resolve("top"), "base");

    assertEquals(topAnd("cow", new ImageLayer(path("base"), "raw", null)),
        reader.read(path("top"), "cow"));
  }

  @Test
  void aCowVersion3HeaderNamesItsBackingFileAtOffset32() throws IOException {
    Files.writeString(dir.resolve("base"), "plain bytes");
    ImageHeaders.cowV3(dir.resolve("top"), path("base"));

    assertEquals(topAnd("cow", new ImageLayer(path("base"), "raw", null)),
        reader.read(path("top"), "cow"));
  }

  @Test
  void aProbedBackingFileThatNamesAFurtherBackingFileIsNotALayer() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    qcow2(dir.resolve("mid"), "base", "qcow2", null);
    ImageHeaders.qcow(dir.resolve("top"), "mid");

    assertEquals(topAnd("qcow"), reader.read(path("top"), "qcow"));
  }

  @Test
  void aProbedBackingFileThatNamesADataFileIsNotALayer() throws IOException {
    qcow2(dir.resolve("mid"), null, null, "/etc/shadow");
    ImageHeaders.cowV2(dir.resolve("top"), "mid");

    assertEquals(topAnd("cow"), reader.read(path("top"), "cow"));
  }

  @Test
  void aProbedBackingFileWithoutKnownMagicIsRaw() throws IOException {
    Files.write(dir.resolve("base"), new byte[] {0x51, 0x46, 0x49, (byte) 0xfb, 0, 0, 0, 9});
    ImageHeaders.qcow(dir.resolve("top"), "base");

    assertEquals(topAnd("qcow", new ImageLayer(path("base"), "raw", null)),
        reader.read(path("top"), "qcow"));
  }

  @Test
  void aFormatDeclaredForTheTopIsCheckedAgainstItsMagic() throws IOException {
    qcow2(dir.resolve("base"), null, null, null);
    ImageHeaders.qcow(dir.resolve("top"), "base");

    assertEquals(List.of(new ImageLayer(path("top"), "qcow2", null)),
        reader.read(path("top"), "qcow2"));
    assertEquals(List.of(new ImageLayer(path("top"), "qed", null)),
        reader.read(path("top"), "qed"));
  }
}
