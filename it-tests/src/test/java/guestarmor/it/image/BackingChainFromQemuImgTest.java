package guestarmor.it.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import guestarmor.host.LiveHost;
import guestarmor.image.BackingChainReader;
import guestarmor.image.ImageLayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chains made by the real qemu-img, read back by BackingChainReader. */
class BackingChainFromQemuImgTest {
  private final BackingChainReader reader = new BackingChainReader(new LiveHost());

  @TempDir Path dir;
  private QemuImg qemuImg;

  @BeforeEach
  void setUp() {
    qemuImg = new QemuImg(dir);
  }

  private String path(String name) {
    return dir + "/" + name;
  }

  private static ImageLayer layer(String path, String format) {
    return new ImageLayer(path, format, null);
  }

  @Test
  void aQcow2ChainWithRelativeBackingNamesIsReadTopDown() throws Exception {
    qemuImg.create("-f", "qcow2", path("base.qcow2"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2", path("mid.qcow2"));
    qemuImg.create("-f", "qcow2", "-b", "mid.qcow2", "-F", "qcow2", path("top.qcow2"));

    assertEquals(List.of(layer(path("top.qcow2"), "qcow2"), layer(path("mid.qcow2"), "qcow2"),
            layer(path("base.qcow2"), "qcow2")),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aRelativeBackingNameResolvesAgainstTheReferencingImageNotTheWorkingDirectory()
      throws Exception {
    Files.createDirectories(dir.resolve("images/base"));
    qemuImg.create("-f", "qcow2", path("images/base/base.qcow2"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "base/base.qcow2", "-F", "qcow2", path("images/top.qcow2"));

    assertEquals(List.of(layer(path("images/top.qcow2"), "qcow2"),
            layer(path("images/base/base.qcow2"), "qcow2")),
        reader.read(path("images/top.qcow2"), "qcow2"));
  }

  @Test
  void aRawBackingFileRecordedInTheHeaderEndsTheChain() throws Exception {
    qemuImg.create("-f", "raw", path("base.raw"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "base.raw", "-F", "raw", path("top.qcow2"));

    assertEquals(List.of(layer(path("top.qcow2"), "qcow2"), layer(path("base.raw"), "raw")),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aQedBackingFileOfUnrecordedFormatIsProbed() throws Exception {
    // QED records only "raw" (the no-probe feature); any other backing format goes unrecorded
    qemuImg.create("-f", "qcow2", path("base.qcow2"), "1M");
    qemuImg.create("-f", "qed", "-b", "base.qcow2", "-F", "qcow2", path("top.qed"));

    assertEquals(List.of(layer(path("top.qed"), "qed"), layer(path("base.qcow2"), "qcow2")),
        reader.read(path("top.qed"), "qed"));
  }

  @Test
  void aQcowVersion1BackingFileOfUnrecordedFormatIsProbed() throws Exception {
    qemuImg.create("-f", "qcow2", path("base.qcow2"), "1M");
    qemuImg.create("-f", "qcow", "-b", "base.qcow2", "-F", "qcow2", path("top.qcow"));

    assertEquals(List.of(layer(path("top.qcow"), "qcow"), layer(path("base.qcow2"), "qcow2")),
        reader.read(path("top.qcow"), "qcow"));
  }

  @Test
  void aProbedBackingFileWithItsOwnBackingFileIsNotALayer() throws Exception {
    qemuImg.create("-f", "qcow2", path("base.qcow2"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "base.qcow2", "-F", "qcow2", path("mid.qcow2"));
    qemuImg.create("-f", "qed", "-b", "mid.qcow2", "-F", "qcow2", path("top.qed"));

    assertEquals(List.of(layer(path("top.qed"), "qed")), reader.read(path("top.qed"), "qed"));
  }

  @Test
  void aQedRawBackingFileIsRecordedAsRaw() throws Exception {
    qemuImg.create("-f", "raw", path("base.raw"), "1M");
    qemuImg.create("-f", "qed", "-b", "base.raw", "-F", "raw", path("top.qed"));

    assertEquals(List.of(layer(path("top.qed"), "qed"), layer(path("base.raw"), "raw")),
        reader.read(path("top.qed"), "qed"));
  }

  @Test
  void aVmdkParentFileNameHintIsFollowed() throws Exception {
    qemuImg.create("-f", "vmdk", path("base.vmdk"), "1M");
    qemuImg.create("-f", "vmdk", "-b", "base.vmdk", "-F", "vmdk", path("top.vmdk"));

    assertEquals(List.of(layer(path("top.vmdk"), "vmdk"), layer(path("base.vmdk"), "vmdk")),
        reader.read(path("top.vmdk"), "vmdk"));
  }

  @Test
  void aVmdkDescriptorFileWithAParentIsFollowed() throws Exception {
    // twoGbMaxExtentSparse writes a text descriptor file beside its extent files
    qemuImg.create("-f", "vmdk", path("base.vmdk"), "1M");
    qemuImg.create("-f", "vmdk", "-o", "subformat=twoGbMaxExtentSparse", "-b", "base.vmdk", "-F", "vmdk",
        path("top.vmdk"));

    assertEquals(List.of(layer(path("top.vmdk"), "vmdk"), layer(path("base.vmdk"), "vmdk")),
        reader.read(path("top.vmdk"), "vmdk"));
  }

  @Test
  void anExternalDataFileIsReportedWithEachLayer() throws Exception {
    qemuImg.create("-f", "qcow2", "-o", "data_file=base-data.raw", path("base.qcow2"), "1M");
    qemuImg.create("-f", "qcow2", "-o", "data_file=top-data.raw", "-b", "base.qcow2", "-F", "qcow2",
        path("top.qcow2"));

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", path("top-data.raw")),
            new ImageLayer(path("base.qcow2"), "qcow2", path("base-data.raw"))),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aQcow2HeaderInsideARawImageIsNeverFollowed() throws Exception {
    qemuImg.create("-f", "qcow2", "-u", "-b", "/etc/shadow", "-F", "raw", path("forged.qcow2"), "1M");
    Files.copy(dir.resolve("forged.qcow2"), dir.resolve("guest.img"));
    // control: read as the qcow2 it is, the header does name /etc/shadow
    assertEquals(List.of(layer(path("guest.img"), "qcow2"), layer("/etc/shadow", "raw")),
        reader.read(path("guest.img"), "qcow2"));

    assertEquals(List.of(layer(path("guest.img"), "raw")), reader.read(path("guest.img"), "raw"));
    assertEquals(List.of(layer(path("guest.img"), null)), reader.read(path("guest.img"), null));
  }

  @Test
  void aRawBackingLayerHoldingAForgedHeaderEndsTheChain() throws Exception {
    qemuImg.create("-f", "qcow2", "-u", "-b", "/etc/shadow", "-F", "raw", path("guest.img"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "guest.img", "-F", "raw", path("top.qcow2"));

    assertEquals(List.of(layer(path("top.qcow2"), "qcow2"), layer(path("guest.img"), "raw")),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aBackingLoopMadeWithRebaseStopsTheWalk() throws Exception {
    qemuImg.create("-f", "qcow2", path("a.qcow2"), "1M");
    qemuImg.create("-f", "qcow2", "-b", "a.qcow2", "-F", "qcow2", path("b.qcow2"));
    qemuImg.run(List.of("qemu-img", "rebase", "-u", "-b", "b.qcow2", "-F", "qcow2", path("a.qcow2")));

    assertEquals(List.of(layer(path("b.qcow2"), "qcow2"), layer(path("a.qcow2"), "qcow2")),
        reader.read(path("b.qcow2"), "qcow2"));
  }

  @Test
  void aMissingBackingFileLeavesTheTopImageAlone() throws Exception {
    qemuImg.create("-f", "qcow2", "-u", "-b", "gone.qcow2", "-F", "qcow2", path("top.qcow2"), "1M");

    assertEquals(List.of(layer(path("top.qcow2"), "qcow2")), reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aFifoNamedAsBackingFileIsNeverOpened() throws Exception {
    qemuImg.run(List.of("mkfifo", path("pipe")));
    qemuImg.create("-f", "qcow2", "-u", "-b", "pipe", "-F", "raw", path("top.qcow2"), "1M");

    // opening a FIFO for reading blocks until a writer appears; the reader must not hang
    List<ImageLayer> chain = assertTimeoutPreemptively(Duration.ofSeconds(60),
        () -> reader.read(path("top.qcow2"), "qcow2"));
    assertEquals(List.of(layer(path("top.qcow2"), "qcow2")), chain);
  }
}
