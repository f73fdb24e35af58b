package guestarmor.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A path in a rule: literal text from the XML or the host, and glob syntax that guestarmor itself
 * adds around it ({@code /**}, {@code /{,**}}). Only the literal parts are escaped when rendered.
 */
public record PathPattern(List<Part> parts) {
  /** libvirtd's glob for a directory and everything under it ({@code -F DIR/{,**}}, SetPathLabel with allowSubtree). */
  public static final String SUBTREE = "/{,**}";

  public PathPattern {
    parts = List.copyOf(parts);
  }

  /** One piece of a pattern. */
  public sealed interface Part permits Literal, Glob {
    String text();
  }

  /** Text matched literally: every AppArmor special character in it is escaped. */
  public record Literal(String text) implements Part {}

  /** AppArmor glob syntax written as it is. Never built from XML text. */
  public record Glob(String text) implements Part {}

  public static PathPattern literal(String path) {
    return new PathPattern(List.of(new Literal(path)));
  }

  public static Literal lit(String text) {
    return new Literal(text);
  }

  public static Glob glob(String text) {
    return new Glob(text);
  }

  public static PathPattern of(Part... parts) {
    return new PathPattern(List.of(parts));
  }

  /** This pattern followed by glob syntax, e.g. {@code /**}. */
  public PathPattern plusGlob(String glob) {
    List<Part> more = new ArrayList<>(parts);
    more.add(new Glob(glob));
    return new PathPattern(more);
  }

  /** The pattern as one string, unescaped: for messages and for `explain`. */
  public String display() {
    StringBuilder b = new StringBuilder();
    for (Part p : parts) {
      b.append(p.text());
    }
    return b.toString();
  }
}
