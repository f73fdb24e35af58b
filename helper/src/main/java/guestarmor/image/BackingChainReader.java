package guestarmor.image;

import java.util.List;

/**
 * Reads a disk image's backing chain from its headers, as virt-aa-helper does through libvirt's
 * virStorageSourceGetMetadata when the domain XML has no {@code <backingStore>}: headers are read only for
 * a declared format (the top's from the XML, a layer's from its parent's header), never for a guessed one.
 */
public final class BackingChainReader {
  /** libvirt stops walking a chain after 200 layers (VIR_STORAGE_MAX_DEPTH... virStorageSourceGetMetadata). */
  public static final int MAX_LAYERS = 200;

  private final HostFiles files;

  /** Reads every layer through {@code files}: the paths in and out are host paths, the bytes the host's. */
  public BackingChainReader(HostFiles files) {
    this.files = files;
  }

  /**
   * The image and its backing layers, top first. Element 0 is always the image (with its external data
   * file when its header names one). A missing, unreadable or garbled layer, a non-local name, a loop or
   * the {@link #MAX_LAYERS} cap ends the list quietly at the last good layer.
   *
   * @param image the image's host path as the XML gives it
   * @param format the XML's {@code <driver type>}; null or {@code raw} yields the image alone
   */
  public List<ImageLayer> read(String image, String format) {
    return new ChainWalk(files).walk(image, format);
  }
}
