package guestarmor.image;

import java.util.List;

/** Placeholder until the header readers land: reports each image alone, without backing layers. */
public final class BackingChainReader {
  /** libvirt stops walking a chain after 200 layers (VIR_STORAGE_MAX_DEPTH... virStorageSourceGetMetadata). */
  public static final int MAX_LAYERS = 200;

  public List<ImageLayer> read(String image, String format) {
    return List.of(new ImageLayer(image, format, null));
  }
}
