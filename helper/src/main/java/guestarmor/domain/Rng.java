package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An {@code <rng>} device.
 *
 * @param device the host random device of a {@code model='random'} backend ({@code /dev/hwrng}, ...),
 *     null when absent (QEMU then picks its own default) or for other backends
 * @param socket the unix socket of an {@code egd} backend of {@code type='unix'}, else null
 */
public record Rng(int index, String device, String socket) {

  public static List<Rng> all(Domain domain) {
    List<Rng> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("rng")) {
      Element b = e.child("backend");
      String model = b == null ? null : b.attr("model");
      String device = "random".equals(model) ? b.nonEmptyText() : null;
      String socket = "egd".equals(model) ? UnixSocket.path(b, b.attr("type")) : null;
      found.add(new Rng(i++, device, socket));
    }
    return found;
  }
}
