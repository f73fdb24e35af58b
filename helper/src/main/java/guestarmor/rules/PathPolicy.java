package guestarmor.rules;

import guestarmor.domain.Printable;
import guestarmor.host.HostFacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns a path from the XML into the path a rule may name, or refuses it.
 *
 * <p>Mirrors virt-aa-helper's {@code vah_add_path()}: the longest existing prefix is resolved with
 * realpath and the rest kept as written (libvirt commit b932ed69, 77cd862f). guestarmor first
 * normalises {@code .}, {@code ..} and {@code //} lexically, so {@code /missing/../etc/passwd} is
 * checked as {@code /etc/passwd} (decisions file, item 3).
 */
final class PathPolicy {
  /** Linux's PATH_MAX less the terminating NUL: no longer path can be opened. */
  static final int PATH_MAX = 4095;

  private final HostFacts host;
  private final RestrictedPaths restricted;

  public PathPolicy(HostFacts host, RestrictedPaths restricted) {
    this.host = host;
    this.restricted = restricted;
  }

  /** A path as given and as it will be written into the profile. */
  public record Resolved(String given, String path) {}

  /**
   * Resolves and checks the path; null when it is relative (the C helper skips those with a warning).
   *
   * @param origin the element, for the message
   * @param write whether the rule grants write access
   */
  public Resolved resolve(String origin, String given, boolean write) throws RefusedPathException {
    return resolve(origin, given, write, false);
  }

  /**
   * The same for a rule that covers everything under the path ({@code D/**}, {@code D/{,**}}): the
   * directory is checked as {@code D/}, as virt-aa-helper checks {@code D/{,**}} as a whole.
   */
  public Resolved resolve(String origin, String given, boolean write, boolean tree) throws RefusedPathException {
    if (!given.startsWith("/")) {
      return null; // the C helper skips relative paths with a warning, control characters or not
    }
    if (Printable.hasControl(given)) {
      throw new RefusedPathException(origin + ": " + Printable.of(given) + " contains a control character");
    }
    if (given.getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
      throw new RefusedPathException(origin + ": a path of more than " + PATH_MAX + " bytes cannot be opened");
    }
    String normal = normalise(given);
    String path = realPrefix(origin, given, normal);
    if (Printable.hasControl(path)) {
      throw new RefusedPathException(origin + ": " + given + " resolves to " + Printable.of(path)
          + ", which contains a control character");
    }
    String why = restricted.refusal(tree && !path.endsWith("/") ? path + "/" : path, write);
    int links = why == null ? host.hardLinks(path) : 0;
    if (links > 1) {
      // AppArmor mediates by path: another name of the same file could be anything, /etc/shadow included.
      why = "a file with " + links + " hard links, whose other names guestarmor cannot check";
    }
    if (why != null) {
      String shown = path.equals(given) ? given + " is " : given + " resolves to " + path + ", ";
      throw new RefusedPathException(origin + ": " + shown + why);
    }
    return new Resolved(given, path);
  }

  /** Why a tree rule over this resolved directory would reach a restricted location, or null. */
  String enclosedRestriction(String dir, boolean write) {
    return restricted.enclosed(dir, write);
  }

  /** {@code .}, {@code ..} and repeated or trailing slashes removed, without touching the disk. */
  static String normalise(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        parts.pollLast();
      } else {
        parts.addLast(p);
      }
    }
    return "/" + String.join("/", parts);
  }

  private String realPrefix(String origin, String given, String normal) throws RefusedPathException {
    String existing = normal;
    while (!existing.equals("/") && !host.exists(existing)) {
      int slash = existing.lastIndexOf('/');
      existing = slash == 0 ? "/" : existing.substring(0, slash);
    }
    if (existing.equals("/")) {
      return normal;
    }
    try {
      String real = host.realPath(existing);
      String rest = normal.substring(existing.length());
      return real.equals("/") && !rest.isEmpty() ? rest : real + rest;
    } catch (IOException e) {
      throw new RefusedPathException(origin + ": " + Printable.of(given) + ": could not resolve " + existing
          + " (" + e.getMessage() + ")");
    }
  }
}
