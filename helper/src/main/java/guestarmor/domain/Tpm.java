package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <tpm>} device.
 *
 * @param backend {@code emulator} (swtpm), {@code passthrough} (a host TPM), {@code external}
 * @param version {@code <backend version>} ({@code 1.2} or {@code 2.0}), null when absent
 * @param device the host TPM a passthrough backend opens ({@code <device path>}, libvirt's default
 *     {@code /dev/tpm0}); null for other backends
 * @param socket the unix socket of an external backend ({@code <source type='unix' path>}), else null
 */
public record Tpm(int index, String backend, String version, String device, String socket) {
  /** libvirt's VIR_DOMAIN_TPM_DEFAULT_DEVICE. */
  public static final String DEFAULT_DEVICE = "/dev/tpm0";

  public static List<Tpm> all(Domain domain) {
    List<Tpm> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("tpm")) {
      Element b = e.child("backend");
      String type = b == null || b.attr("type") == null ? "" : b.attr("type");
      String device = null;
      String socket = null;
      if (type.equals("passthrough")) {
        String p = Text.nonEmpty(b.childAttr("device", "path"));
        device = p == null ? DEFAULT_DEVICE : p;
      } else if (type.equals("external")) {
        socket = UnixSocket.path(b, b.childAttr("source", "type"));
      }
      found.add(new Tpm(i++, type, b == null ? null : b.attr("version"), device, socket));
    }
    return found;
  }
}
