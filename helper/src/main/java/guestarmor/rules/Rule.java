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

  public static Rule allow(String origin, PathPattern path, String perms) {
    return new Rule(origin, path, perms, false, null);
  }

  /** The deny line the C helper writes after every read-only rule. */
  public static Rule denyWrite(String origin, PathPattern path) {
    return new Rule(origin, path, "w", true, "don't audit writes to readonly files");
  }

  public Rule withComment(String text) {
    return new Rule(origin, path, perms, deny, text);
  }
}
