package guestarmor.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One walk down one chain: the layers found so far and the real paths already visited. Paths are host
 * paths throughout (as the XML and the headers name them); {@link HostFiles} says which file each is.
 */
final class ChainWalk {
  private final HostFiles files;
  private final List<ImageLayer> layers = new ArrayList<>();
  private final Set<Path> visited = new HashSet<>();

  ChainWalk(HostFiles files) {
    this.files = files;
  }

  List<ImageLayer> walk(String image, String format) {
    Optional<HeaderFormat> topReader = ImageFormats.reader(format);
    Optional<HeaderInfo> top = topReader.isPresent() && firstVisit(image)
        ? readHeader(image, topReader.get()) : Optional.empty();
    if (top.isEmpty()) {
      return List.of(new ImageLayer(image, format, null));
    }
    String path = image;
    HeaderInfo header = top.get();
    add(path, format, header);
    while (header.backingName() != null && layers.size() < BackingChainReader.MAX_LAYERS) {
      Optional<String> next = BackingName.resolve(path, header.backingName());
      Optional<HeaderInfo> below = next.isPresent() && firstVisit(next.get())
          ? descend(next.get(), header.backingFormat()) : Optional.empty();
      if (below.isEmpty()) {
        break;
      }
      path = next.get();
      header = below.get();
    }
    return List.copyOf(layers);
  }

  // Adds the backing layer if it is good; its header when the walk goes on below it.
  private Optional<HeaderInfo> descend(String path, String format) {
    // The guest can write its image's header: a device named there must never reach the profile
    // (guestarmor's choice; the C helper added readable devices). Declare one in <backingStore> instead.
    if (!isRegularFile(path)) {
      return Optional.empty();
    }
    if (format == null) {
      addProbed(path);
      return Optional.empty();
    }
    if (!ImageFormats.isKnown(format)) {
      return Optional.empty();
    }
    Optional<HeaderFormat> reader = ImageFormats.reader(format);
    if (reader.isEmpty()) {
      addHeaderless(path, format);
      return Optional.empty();
    }
    Optional<HeaderInfo> header = readHeader(path, reader.get());
    if (header.isPresent()) {
      add(path, format, header.get());
    }
    return header;
  }

  private void add(String path, String format, HeaderInfo header) {
    String dataFile = header.dataFile() == null
        ? null : BackingName.resolve(path, header.dataFile()).orElse(null);
    layers.add(new ImageLayer(path, format, dataFile));
  }

  // libvirt probes an unrecorded backing format, but refuses a probed layer that names further files
  // (virStorageFileProbeGetMetadata returns -2 and the layer is dropped): a guest could forge the header.
  private void addProbed(String path) {
    try (ImageFile file = open(path)) {
      ByteBuffer head = file.head();
      String format = ImageFormats.probe(head);
      Optional<HeaderFormat> reader = ImageFormats.reader(format);
      if (reader.isPresent()) {
        HeaderInfo header = reader.get().read(file, head);
        if (header.backingName() != null || header.dataFile() != null) {
          return;
        }
      }
      layers.add(new ImageLayer(path, format, null));
    } catch (IOException e) {
      // an unreadable layer ends the chain quietly, as in virt-aa-helper (report_broken = false)
    }
  }

  // A format without a backing name (raw, luks, ...) is still opened: a missing file is not a layer.
  private void addHeaderless(String path, String format) {
    try (ImageFile file = open(path)) {
      file.read(0, 1);
      layers.add(new ImageLayer(path, format, null));
    } catch (IOException e) {
      // ends the chain at the last good layer
    }
  }

  private Optional<HeaderInfo> readHeader(String path, HeaderFormat reader) {
    try (ImageFile file = open(path)) {
      ByteBuffer head = file.head();
      return reader.matches(head) ? Optional.of(reader.read(file, head)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private boolean isRegularFile(String path) {
    Path file = files.file(path);
    return file != null && Files.isRegularFile(file);
  }

  private ImageFile open(String path) throws IOException {
    Path file = files.file(path);
    if (file == null) {
      throw new IOException("no file stands for " + path);
    }
    return ImageFile.open(file);
  }

  // Loops are found by real path, so a symlink back up the chain also stops the walk.
  private boolean firstVisit(String path) {
    Path file = files.file(path);
    try {
      return file != null && visited.add(file.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }
}
