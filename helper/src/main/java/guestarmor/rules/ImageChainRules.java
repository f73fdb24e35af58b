package guestarmor.rules;

import guestarmor.host.HostFacts;
import guestarmor.image.ImageLayer;
import java.util.List;

/**
 * The files of an image's backing chain as its headers name them, for a disk and for an NVRAM store
 * alike (libvirt's storage_source_add_files): below the image, each layer {@code rk}; each layer's
 * external data file with its layer's permissions. The image itself is its caller's rule.
 */
final class ImageChainRules {
  private final HostFacts host;

  ImageChainRules(HostFacts host) {
    this.host = host;
  }

  /** Headers are read only for a declared format: the caller passes the XML's, never a guessed one. */
  void addProbed(String origin, String image, String format, String imagePerms, RuleCollector rules)
      throws RefusedPathException {
    List<ImageLayer> layers = host.imageChain(image, format);
    for (int depth = 0; depth < layers.size(); depth++) {
      ImageLayer layer = layers.get(depth);
      String layerOrigin = depth == 0 ? origin : origin + " backing " + depth;
      String perms = depth == 0 ? imagePerms : "rk";
      if (depth > 0) {
        rules.addPath(layerOrigin, layer.path(), perms);
      }
      if (layer.dataFile() != null) {
        rules.addPath(layerOrigin + " data file", layer.dataFile(), perms);
      }
    }
  }
}
