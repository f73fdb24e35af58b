package guestarmor.image;

import static guestarmor.image.ImageHeaders.qcow2;
import static org.junit.jupiter.api.Assertions.assertEquals;

import guestarmor.host.LiveHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackingChainReaderTest {
  private final BackingChainReader reader = new BackingChainReader(new LiveHost());

  @TempDir Path dir;

  private String path(String name) {
    return dir + "/" + name;
  }

  @Test
  void aQcow2ChainWithRecordedFormatsIsReadTopDown() throws IOException {
    qcow2(dir.resolve("base.qcow2"), null, null, null);
    qcow2(dir.resolve("mid.qcow2"), path("base.qcow2"), "qcow2", null);
    qcow2(dir.resolve("top.qcow2"), path("mid.qcow2"), "qcow2", null);

    assertEquals(List.of(
            new ImageLayer(path("top.qcow2"), "qcow2", null),
            new ImageLayer(path("mid.qcow2"), "qcow2", null),
            new ImageLayer(path("base.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aRawBackingLayerEndsTheChainWithoutReadingItsBytes() throws IOException {
    // the raw base holds a forged qcow2 header; a raw layer's bytes belong to the guest
    qcow2(dir.resolve("base.img"), "/etc/shadow", "raw", null);
    qcow2(dir.resolve("top.qcow2"), path("base.img"), "raw", null);

    assertEquals(List.of(
            new ImageLayer(path("top.qcow2"), "qcow2", null),
            new ImageLayer(path("base.img"), "raw", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void anUndeclaredOrRawTopImageIsNeverParsed() throws IOException {
    qcow2(dir.resolve("base.qcow2"), null, null, null);
    qcow2(dir.resolve("disk.img"), path("base.qcow2"), "qcow2", path("data.raw"));

    assertEquals(List.of(new ImageLayer(path("disk.img"), null, null)),
        reader.read(path("disk.img"), null));
    assertEquals(List.of(new ImageLayer(path("disk.img"), "raw", null)),
        reader.read(path("disk.img"), "raw"));
  }

  @Test
  void aRelativeBackingNameResolvesAgainstTheDirectoryOfTheImageThatNamesIt() throws IOException {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    qcow2(dir.resolve("b/base.qcow2"), null, null, null);
    qcow2(dir.resolve("b/mid.qcow2"), "base.qcow2", "qcow2", null);
    qcow2(dir.resolve("a/top.qcow2"), "../b/mid.qcow2", "qcow2", null);

    assertEquals(List.of(
            new ImageLayer(path("a/top.qcow2"), "qcow2", null),
            new ImageLayer(path("a/../b/mid.qcow2"), "qcow2", null),
            new ImageLayer(path("a/../b/base.qcow2"), "qcow2", null)),
        reader.read(path("a/top.qcow2"), "qcow2"));
  }

  @Test
  void anExternalDataFileIsReportedWithItsLayerResolvedLikeABackingName() throws IOException {
    qcow2(dir.resolve("base.qcow2"), null, null, "/srv/base-data.raw");
    qcow2(dir.resolve("top.qcow2"), path("base.qcow2"), "qcow2", "top-data.raw");

    assertEquals(List.of(
            new ImageLayer(path("top.qcow2"), "qcow2", path("top-data.raw")),
            new ImageLayer(path("base.qcow2"), "qcow2", "/srv/base-data.raw")),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aDataFileNamedByUriIsNotALocalFile() throws IOException {
    qcow2(dir.resolve("top.qcow2"), null, null, "nbd://server/export");

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void uriJsonAndProtocolBackingNamesEndTheChain() throws IOException {
    for (String name : List.of("nbd://server:10809/export", "json:{\"file.driver\":\"file\"}",
        "rbd:pool/image", "gluster+tcp://host/vol/img")) {
      // even a local file that happens to have the name is not followed
      Path lookalike = dir.resolve(name);
      Files.createDirectories(lookalike.getParent());
      qcow2(lookalike, null, null, null);
      qcow2(dir.resolve("top.qcow2"), name, "qcow2", null);

      assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
          reader.read(path("top.qcow2"), "qcow2"), name);
    }
  }

  @Test
  void aLoopBackToAnImageAlreadyInTheChainStopsTheWalk() throws IOException {
    qcow2(dir.resolve("a.qcow2"), path("b.qcow2"), "qcow2", null);
    qcow2(dir.resolve("b.qcow2"), path("a.qcow2"), "qcow2", null);

    assertEquals(List.of(
            new ImageLayer(path("a.qcow2"), "qcow2", null),
            new ImageLayer(path("b.qcow2"), "qcow2", null)),
        reader.read(path("a.qcow2"), "qcow2"));
  }

  @Test
  void aLoopThroughASymlinkIsFoundByRealPath() throws IOException {
    qcow2(dir.resolve("self.qcow2"), "alias.qcow2", "qcow2", null);
    Files.createSymbolicLink(dir.resolve("alias.qcow2"), dir.resolve("self.qcow2"));

    assertEquals(List.of(new ImageLayer(path("self.qcow2"), "qcow2", null)),
        reader.read(path("self.qcow2"), "qcow2"));
  }

  @Test
  void theWalkStopsAtTwoHundredLayers() throws IOException {
    int length = 205;
    List<ImageLayer> expected = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      String below = i == length - 1 ? null : "layer" + (i + 1) + ".qcow2";
      qcow2(dir.resolve("layer" + i + ".qcow2"), below, below == null ? null : "qcow2", null);
      if (i < 200) {
        expected.add(new ImageLayer(path("layer" + i + ".qcow2"), "qcow2", null));
      }
    }

    assertEquals(expected, reader.read(path("layer0.qcow2"), "qcow2"));
    assertEquals(200, BackingChainReader.MAX_LAYERS);
  }

  @Test
  void aMissingBackingFileEndsTheChainAtItsParent() throws IOException {
    qcow2(dir.resolve("top.qcow2"), "gone.qcow2", "qcow2", null);

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aMissingRawBackingFileIsNotALayer() throws IOException {
    qcow2(dir.resolve("top.qcow2"), "gone.raw", "raw", null);

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aMissingOrUnreadableTopImageIsReportedAlone() throws IOException {
    Files.createDirectories(dir.resolve("adir"));

    assertEquals(List.of(new ImageLayer(path("gone.qcow2"), "qcow2", null)),
        reader.read(path("gone.qcow2"), "qcow2"));
    assertEquals(List.of(new ImageLayer(path("adir"), "qcow2", null)),
        reader.read(path("adir"), "qcow2"));
    assertEquals(List.of(new ImageLayer("bad\0name", "qcow2", null)),
        reader.read("bad\0name", "qcow2"));
  }

  @Test
  void aBackingLayerThatIsNotTheRecordedFormatEndsTheChainAtItsParent() throws IOException {
    Files.writeString(dir.resolve("base.qcow2"), "not a qcow2 header, just guest data");
    qcow2(dir.resolve("top.qcow2"), "base.qcow2", "qcow2", null);

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aBackingFormatLibvirtDoesNotKnowEndsTheChain() throws IOException {
    Files.writeString(dir.resolve("base.img"), "");
    qcow2(dir.resolve("top.qcow2"), "base.img", "no-such-format", null);

    assertEquals(List.of(new ImageLayer(path("top.qcow2"), "qcow2", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }

  @Test
  void aBackingFormatWithoutBackingHeadersIsAddedAndEndsTheChain() throws IOException {
    qcow2(dir.resolve("base.vdi"), "/etc/shadow", "qcow2", null);
    qcow2(dir.resolve("top.qcow2"), "base.vdi", "vdi", null);

    assertEquals(List.of(
            new ImageLayer(path("top.qcow2"), "qcow2", null),
            new ImageLayer(path("base.vdi"), "vdi", null)),
        reader.read(path("top.qcow2"), "qcow2"));
  }
}
