package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <memory>} device (hot-pluggable memory).
 *
 * @param model {@code dimm}, {@code nvdimm}, {@code virtio-pmem}, {@code virtio-mem}, {@code sgx-epc}
 * @param path {@code <source><path>}: the backing file of an nvdimm or virtio-pmem, null when absent
 */
public record MemoryDevice(int index, String model, String path) {

  public static List<MemoryDevice> all(Domain domain) {
    List<MemoryDevice> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("memory")) {
      Element source = e.child("source");
      String path = source == null ? null : source.childText("path");
      found.add(new MemoryDevice(i++, e.attr("model") == null ? "" : e.attr("model"), path));
    }
    return found;
  }
}
