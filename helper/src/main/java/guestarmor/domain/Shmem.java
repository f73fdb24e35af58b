package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <shmem>} (ivshmem) device.
 *
 * @param name the shared memory object's name, as written in the XML
 * @param model {@code ivshmem} (libvirt's default when {@code <model>} is absent), {@code ivshmem-plain},
 *     {@code ivshmem-doorbell}
 * @param server {@code <server path>}, null when there is no server element or it has no path
 */
public record Shmem(String name, String model, String server) {

  public static List<Shmem> all(Domain domain) {
    List<Shmem> found = new ArrayList<>();
    for (Element e : domain.devices().children("shmem")) {
      String model = e.childAttr("model", "type");
      String name = e.attr("name") == null ? "" : e.attr("name");
      found.add(new Shmem(name, model == null ? "ivshmem" : model,
          Text.nonEmpty(e.childAttr("server", "path"))));
    }
    return found;
  }
}
