package guestarmor.profile;

import guestarmor.rules.PathPattern;
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

  /** The pattern as a quoted AppArmor path ({@link AppArmorText#quoted}). */
  public static String quoted(PathPattern pattern) {
    return AppArmorText.quoted(pattern);
  }

  /**
   * Whether an installed {@code .files} holds the rendered rules, in order, apart from what libvirtd added
   * with {@code -F}: its groups, the deny lines their write grants lifted (decisions.md 2.12), and the paths
   * inside the subtrees they or the start call's copy of them grant ({@code DIR/{,**}}, decisions.md 2.16),
   * which libvirtd creates after the call (the guest agent's channel socket) and a fresh render of the live
   * XML names.
   */
  public static boolean holdsRendered(String installed, String rendered) {
    FilesDocument file = FilesDocument.parse(installed);
    FilesDocument fresh = FilesDocument.parse(rendered).withoutDeniesLiftedBy(file.appended());
    List<String> covered = file.grantedSubtrees();
    return file.rulesApartFromAppended(covered).equals(fresh.rulesApartFromAppended(covered));
  }
}
