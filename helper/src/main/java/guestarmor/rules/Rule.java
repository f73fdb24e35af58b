package guestarmor.rules;

/**
 * One file rule of a guest profile.
 *
 * @param origin the XML element it comes from ({@code disk vda}, {@code serial 0}, {@code fixed}),
 *     written as a provenance comment and shown by {@code guestarmor explain}
 * @param deny a {@code deny ... w} line that silences audit for writes to a read-only file
 * @param comment a comment line written before the rule, or null
 */
public record Rule(String origin, PathPattern path, String perms, boolean deny, String comment) {
  /** The origin of the rule {@code -f FILE} adds to a regeneration (a block job's layer). */
  public static final String EXTRA_FILE = "-f";
  /** The origin of the rules {@code -F FILE} appends (hotplug, and libvirtd's calls after a start). */
  public static final String HOTPLUG = "-F (hotplug)";
  /** The origin of the start call's own copy of what libvirtd appends right after it (decisions.md 2.16). */
  public static final String START_PATHS = "start -F";
  /** The comment the C helper writes before every deny line. */
  public static final String READ_ONLY_COMMENT = "don't audit writes to readonly files";

  public static Rule allow(String origin, PathPattern path, String perms) {
    return new Rule(origin, path, perms, false, null);
  }

  /** The deny line the C helper writes after every read-only rule. */
  public static Rule denyWrite(String origin, PathPattern path) {
    return new Rule(origin, path, "w", true, READ_ONLY_COMMENT);
  }

  public Rule withComment(String text) {
    return new Rule(origin, path, perms, deny, text);
  }
}
