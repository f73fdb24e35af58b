package guestarmor.profile;

import guestarmor.rules.Rule;
import java.util.List;

/**
 * The {@code libvirt-<uuid>.files} text of a rule list, through {@link FilesDocument}: the C helper's header
 * and rule shapes, with a provenance comment ({@code # disk vda}) before each group of rules from one element.
 */
public final class FilesRenderer {
  /** The first line of every {@code .files}, as the C helper writes it. */
  public static final String HEADER = FilesDocument.HEADER_LINE + "\n";

  private FilesRenderer() {}

  /** Header, then the rules. */
  public static String render(List<Rule> rules) {
    return FilesDocument.of(rules).text();
  }

  /** The rules without the header, as the dry-run prints them. */
  public static String rulesText(List<Rule> rules) {
    return FilesDocument.of(rules).withoutHeader().text();
  }

  /** {@code -F}: the existing text (null when there is none) with the rules appended ({@link FilesDocument#appending}). */
  public static String append(String existing, List<Rule> rules) {
    return FilesDocument.parse(existing == null ? "" : existing).appending(rules).text();
  }

  /** The rule line itself: two spaces, optional {@code deny}, the quoted path, perms and a comma. */
  public static String line(Rule r) {
    return FilesDocument.RuleLine.of(r).written();
  }
}
