package guestarmor.admin;

import guestarmor.rules.Rule;
import java.util.List;

/**
 * What a guest's profile says about one path.
 *
 * @param resolved the path as the rules name it (normalised, longest existing prefix resolved)
 * @param granting the allow rules that match, in profile order
 * @param denying the deny rules that match (writes refused to a read-only file)
 * @param reason for {@code REFUSED}: the restricted prefix; for {@code NOT_COVERED}: a note, or null
 * @param hint for {@code NOT_COVERED}: the kind of XML element that would add a rule
 */
public record PathVerdict(String path, String resolved, Kind kind, String perms, List<Rule> granting,
    List<Rule> denying, String reason, String hint) {

  public enum Kind {
    ALLOWED, REFUSED, NOT_COVERED;

    public String label() {
      return name().toLowerCase().replace('_', '-');
    }
  }
}
