package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The backing chain a disk's XML declares. libvirt: no {@code <backingStore>} element means "probe
 * the image headers", an empty one means "no backing", a nested one is used as given.
 *
 * @param declared whether the XML had a {@code <backingStore>} element at all
 * @param layers the declared layers, top first (depth 1, 2, ...)
 */
public record BackingChain(boolean declared, List<Layer> layers) {

  public BackingChain {
    layers = List.copyOf(layers);
  }

  /** One declared layer; {@code source} is null for non-local or empty layers, {@code dataStore} when none. */
  public record Layer(String type, String format, String source, String dataStore) {
    public boolean isLocal() {
      return type.equals("file") || type.equals("block") || type.equals("dir");
    }
  }

  static BackingChain of(Element disk) {
    Element store = disk.child("backingStore");
    if (store == null) {
      return new BackingChain(false, List.of());
    }
    List<Layer> layers = new ArrayList<>();
    // Iterative on purpose: the nesting depth is bounded by the reader, but recursion is not needed.
    while (store != null && (store.attr("type") != null || store.has("source"))) {
      String type = store.attr("type") == null ? "file" : store.attr("type");
      layers.add(new Layer(type, store.childAttr("format", "type"), Disk.sourcePath(store.child("source")),
          Disk.dataStore(store.child("source"))));
      store = store.child("backingStore");
    }
    return new BackingChain(true, layers);
  }
}
