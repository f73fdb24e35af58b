package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A character device: {@code <serial>}, {@code <console>}, {@code <parallel>} or {@code <channel>}.
 *
 * @param kind the element name
 * @param index its position among elements of the same kind
 * @param type {@code file}, {@code pipe}, {@code unix}, {@code dev}, {@code pty}, {@code tcp}, ...
 * @param path the first {@code <source path>}, null when absent or empty
 * @param targetType {@code <target type>}, null when absent
 * @param logFile {@code <log file>}, where QEMU copies the device's output; null when absent
 */
public record Chardev(String kind, int index, String type, String path, String targetType, String logFile) {

  /** The types whose source is a host path (virt-aa-helper's chardev switch). */
  public boolean hasHostPath() {
    return path != null && switch (type) {
      case "file", "pipe", "unix", "dev", "pty" -> true;
      default -> false;
    };
  }

  /** "serial 0", for messages and provenance comments. */
  public String label() {
    return kind + " " + index;
  }

  /**
   * Every chardev in the C helper's order (serials, consoles, parallels, channels), after libvirt's
   * console compatibility for HVM guests (virDomainDefAddConsoleCompat).
   */
  public static List<Chardev> all(Domain domain) {
    Element devices = domain.devices();
    List<Chardev> serials = read(devices, "serial");
    List<Chardev> consoles = read(devices, "console");
    if (domain.isHvm() && !consoles.isEmpty()) {
      Chardev first = consoles.get(0);
      if (first.targetType() == null || first.targetType().equals("serial")) {
        consoles = new ArrayList<>(consoles);
        if (serials.isEmpty()) {
          // libvirt moves the console to serial 0 and leaves a stub console that names no file.
          serials = List.of(new Chardev("serial", 0, first.type(), first.path(), "serial", first.logFile()));
          consoles.remove(0);
        } else if (!sameSource(serials.get(0), first)) {
          // libvirt discards a first console that differs from serial 0.
          consoles.remove(0);
        }
      }
    }
    List<Chardev> all = new ArrayList<>(serials);
    all.addAll(consoles);
    all.addAll(read(devices, "parallel"));
    all.addAll(read(devices, "channel"));
    return all;
  }

  /** Serials, parallels and channels of type pipe open {@code PATH.in} and {@code PATH.out}; consoles the path. */
  public boolean expandsPipe() {
    return type.equals("pipe") && !kind.equals("console");
  }

  private static boolean sameSource(Chardev a, Chardev b) {
    return a.type().equals(b.type()) && Objects.equals(a.path(), b.path());
  }

  private static List<Chardev> read(Element devices, String kind) {
    List<Chardev> found = new ArrayList<>();
    int i = 0;
    for (Element e : devices.children(kind)) {
      String type = e.attr("type") == null ? "pty" : e.attr("type");
      found.add(new Chardev(kind, i++, type, firstSourcePath(e), e.childAttr("target", "type"),
          Text.nonEmpty(e.childAttr("log", "file"))));
    }
    return found;
  }

  private static String firstSourcePath(Element e) {
    for (Element s : e.children("source")) {
      String p = s.attr("path");
      if (p != null && !p.isEmpty()) {
        return p;
      }
    }
    return null;
  }
}
