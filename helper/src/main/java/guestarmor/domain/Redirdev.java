package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <redirdev>} (USB redirection).
 *
 * @param socket the unix socket of a {@code type='unix'} redirection, else null (tcp, spicevmc)
 */
public record Redirdev(int index, String socket) {

  public static List<Redirdev> all(Domain domain) {
    List<Redirdev> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("redirdev")) {
      found.add(new Redirdev(i++, UnixSocket.path(e, e.attr("type"))));
    }
    return found;
  }
}
