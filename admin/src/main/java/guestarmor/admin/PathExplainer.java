package guestarmor.admin;

import guestarmor.HelperFacade;
import guestarmor.host.HostFacts;
import guestarmor.rules.RefusedPathException;
import guestarmor.rules.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * {@code explain PATH}: which generated rule grants a path, or why none can. The path is resolved as
 * the helper resolves XML paths ({@link HelperFacade#resolvedPath}) and checked against the same restricted
 * lists ({@link HelperFacade#refusal}). Only the generated rules are considered: the template and its
 * abstractions may grant more.
 */
public final class PathExplainer {

  /** Path prefixes or suffixes and the element kind whose rule would cover them; first match wins. */
  private record Hint(String prefix, String suffix, String element) {}

  private static final List<Hint> HINTS = List.of(
      new Hint("/dev/vfio/", null, "<hostdev> (PCI or mdev passthrough)"),
      new Hint("/dev/bus/usb/", null, "<hostdev type='usb'>"),
      new Hint("/dev/pts/", null, "<serial>/<console> type='pty' or 'dev'"),
      new Hint("/dev/tty", null, "<serial>/<console> type='dev'"),
      new Hint("/dev/", null, "<disk type='block'> source, or <hostdev>"),
      new Hint(null, ".sock", "<channel>/<serial> type='unix', or <graphics> listen type='socket'"),
      new Hint(null, ".log", "a chardev <log file=...>"),
      new Hint("/var/lib/libvirt/qemu/nvram/", null, "<os><nvram>"),
      new Hint("/run/", null, "<channel>/<serial> type='unix', or <graphics> listen type='socket'"),
      new Hint("/var/run/", null, "<channel>/<serial> type='unix', or <graphics> listen type='socket'"));
  private static final String DEFAULT_HINT = "<disk> source (a file), or <filesystem> (a directory tree)";

  private final HostFacts host;

  public PathExplainer(HostFacts host) {
    this.host = host;
  }

  public PathVerdict explain(String path, List<Rule> rules) throws AdminException {
    String resolved = resolve(path);
    List<Rule> granting = new ArrayList<>();
    List<Rule> denying = new ArrayList<>();
    for (Rule r : rules) {
      if (new GlobMatcher(r.path()).matches(resolved)) {
        (r.deny() ? denying : granting).add(r);
      }
    }
    if (!granting.isEmpty()) {
      return new PathVerdict(path, resolved, PathVerdict.Kind.ALLOWED, perms(granting, denying), granting, denying,
          null, null);
    }
    String refused = HelperFacade.refusal(resolved, false);
    if (refused != null) {
      return new PathVerdict(path, resolved, PathVerdict.Kind.REFUSED, "", granting, denying, refused, null);
    }
    String readOnly = HelperFacade.refusal(resolved, true);
    return new PathVerdict(path, resolved, PathVerdict.Kind.NOT_COVERED, "", granting, denying, readOnly,
        hint(resolved));
  }

  private String resolve(String path) throws AdminException {
    try {
      String resolved = HelperFacade.resolvedPath(host, path);
      if (resolved == null) {
        throw new AdminException("explain: the path must be absolute: " + path);
      }
      return resolved;
    } catch (RefusedPathException e) {
      throw new AdminException(e.getMessage());
    }
  }

  // The union of the granting rules' permissions, less w when a deny rule refuses writes.
  private static String perms(List<Rule> granting, List<Rule> denying) {
    TreeSet<Character> set = new TreeSet<>();
    granting.forEach(r -> r.perms().chars().forEach(c -> set.add((char) c)));
    if (!denying.isEmpty()) {
      set.remove('w');
    }
    StringBuilder b = new StringBuilder();
    // AppArmor's conventional order
    for (char c : "rwalkmx".toCharArray()) {
      if (set.remove(c)) {
        b.append(c);
      }
    }
    set.forEach(b::append);
    return b.toString();
  }

  static String hint(String path) {
    for (Hint h : HINTS) {
      if ((h.prefix() != null && path.startsWith(h.prefix())) || (h.suffix() != null && path.endsWith(h.suffix()))) {
        return h.element();
      }
    }
    return DEFAULT_HINT;
  }
}
