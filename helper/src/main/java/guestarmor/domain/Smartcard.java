package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <smartcard>}.
 *
 * @param mode {@code host}, {@code host-certificates} or {@code passthrough}
 * @param database the NSS database directory of a host-certificates card, null when absent
 * @param socket the unix socket of a passthrough card of {@code type='unix'}, else null
 */
public record Smartcard(int index, String mode, String database, String socket) {

  public static List<Smartcard> all(Domain domain) {
    List<Smartcard> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("smartcard")) {
      String mode = e.attr("mode") == null ? "" : e.attr("mode");
      String socket = mode.equals("passthrough") ? UnixSocket.path(e, e.attr("type")) : null;
      found.add(new Smartcard(i++, mode, e.childText("database"), socket));
    }
    return found;
  }
}
