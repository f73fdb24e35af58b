package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <filesystem>} shared with the guest.
 *
 * @param type {@code mount} (libvirt's default), {@code block}, {@code file}, {@code ram}, {@code bind}, ...
 * @param driver {@code <driver type>}: {@code path}, {@code handle}, {@code virtiofs}, ...; null when absent
 * @param source the host directory ({@code <source dir>}), null when absent or empty
 * @param target the guest mount tag or directory ({@code <target dir>}), null when absent
 */
public record Filesystem(int index, String type, String driver, String source, String target, boolean readonly) {

  /** A host directory QEMU itself exports (9p with the path or default driver): table row 19. */
  public boolean sharesHostDirectory() {
    return type.equals("mount") && (driver == null || driver.equals("path")) && source != null;
  }

  /** "filesystem /import/from/host", for messages and provenance comments. */
  public String label() {
    return "filesystem " + (target == null ? "#" + index : Printable.of(target));
  }

  public static List<Filesystem> all(Domain domain) {
    List<Filesystem> found = new ArrayList<>();
    int i = 0;
    for (Element e : domain.devices().children("filesystem")) {
      String type = e.attr("type") == null ? "mount" : e.attr("type");
      found.add(new Filesystem(i++, type, e.childAttr("driver", "type"), Text.nonEmpty(e.childAttr("source", "dir")),
          e.childAttr("target", "dir"), e.has("readonly")));
    }
    return found;
  }
}
