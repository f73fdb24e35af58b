package guestarmor.admin;

import guestarmor.profile.FilesDocument;
import java.util.List;

/**
 * Compares an installed {@code .files} with a fresh render, leaving out what libvirtd added with {@code -F}:
 * on every start it appends the domain and channel directories ({@code DIR/{,**}}) and the master key
 * (behaviour spec 2), and the paths it generates inside them after the start call (the guest agent's
 * channel socket) reach a fresh render of the live XML but never the rendered part of the file.
 */
final class AppendedRules {
  private AppendedRules() {}

  /** Whether the installed text holds the rendered rules, in order, apart from -F groups and what they cover. */
  static boolean matches(String installed, String rendered) {
    FilesDocument file = FilesDocument.parse(installed);
    // an -F write grant lifted that path's deny line from the file (decisions.md 2.12)
    FilesDocument fresh = FilesDocument.parse(rendered).withoutDeniesLiftedBy(file.appended());
    List<String> covered = file.grantedSubtrees();
    return file.rulesApartFromAppended(covered).equals(fresh.rulesApartFromAppended(covered));
  }
}
