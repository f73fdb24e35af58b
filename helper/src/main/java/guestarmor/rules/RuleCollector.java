package guestarmor.rules;

import guestarmor.domain.Printable;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects the rules of one profile in order. Paths from the XML go through {@link PathPolicy}
 * ({@link #addPath}); guestarmor's own fixed patterns bypass it ({@link #addFixed}), as in the C helper.
 */
final class RuleCollector {
  private final PathPolicy policy;
  private final List<Rule> rules = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  public RuleCollector(PathPolicy policy) {
    this.policy = policy;
  }

  /**
   * The generic path rule ({@code vah_add_path}): perms with {@code w} grant read-write; {@code R}
   * grants read without a deny line; any other read-only perms get the deny line after them.
   */
  public void addPath(String origin, String path, String perms) throws RefusedPathException {
    addPath(origin, path, perms, "", false);
  }

  /** The same for a directory tree: {@code "D/**" perms,} then {@code "D/" r,} (filesystem passthrough). */
  public void addTree(String origin, String dir, String perms) throws RefusedPathException {
    addPath(origin, dir, perms, "/**", false);
  }

  /**
   * A folder shared with a QEMU guest: {@link #addTree}, but refused when the tree is the host's root
   * or holds a restricted location (a share of {@code /usr} would hand out {@code /usr/bin/}; the C
   * helper checked only the shared directory itself).
   */
  public void addShare(String origin, String dir, String perms) throws RefusedPathException {
    addPath(origin, dir, perms, "/**", true);
  }

  /** A directory and everything under it, as libvirtd asks with {@code -F DIR/{,**}} (SetPathLabel). */
  public void addSubtree(String origin, String dir, String perms) throws RefusedPathException {
    addPath(origin, dir, perms, PathPattern.SUBTREE, false);
  }

  private void addPath(String origin, String path, String perms, String glob, boolean share)
      throws RefusedPathException {
    boolean write = perms.indexOf('w') >= 0;
    PathPolicy.Resolved resolved = policy.resolve(origin, path, write, !glob.isEmpty());
    if (resolved == null) {
      warnings.add(origin + ": skipped non-absolute path " + Printable.of(path));
      return;
    }
    if (share) {
      refuseWideShare(origin, path, resolved.path(), write);
    }
    String p = !glob.isEmpty() && resolved.path().equals("/") ? "" : resolved.path();
    PathPattern target = glob.isEmpty() ? PathPattern.literal(p) : PathPattern.literal(p).plusGlob(glob);
    rules.add(Rule.allow(origin, target, perms.replace('R', 'r')));
    if (!write && perms.indexOf('R') < 0) {
      rules.add(Rule.denyWrite(origin, target));
    }
    if (glob.equals("/**")) {
      rules.add(Rule.allow(origin, PathPattern.literal(p + "/"), "r"));
    }
  }

  private void refuseWideShare(String origin, String given, String dir, boolean write) throws RefusedPathException {
    if (dir.equals("/")) {
      String shown = given.equals("/") ? "/ is" : given + " resolves to /,";
      throw new RefusedPathException(origin + ": " + shown + " the host's root directory, which a guest may not share");
    }
    String enclosed = policy.enclosedRestriction(dir, write);
    if (enclosed != null) {
      throw new RefusedPathException(origin + ": a share of " + given + " " + enclosed);
    }
  }

  /** A rule written as it is: guestarmor's own pattern, with any XML text in it as literal parts. */
  public void addFixed(String origin, PathPattern path, String perms) {
    rules.add(Rule.allow(origin, path, perms));
  }

  /** Any prepared rule (comment lines, deny lines of fixed blocks). */
  public void add(Rule rule) {
    rules.add(rule);
  }

  public void warn(String warning) {
    warnings.add(warning);
  }

  public List<Rule> rules() {
    return List.copyOf(rules);
  }

  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
