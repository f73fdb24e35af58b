package guestarmor.admin;

import guestarmor.domain.Domain;
import guestarmor.rules.Rule;
import java.util.List;

/**
 * What the helper would write for one domain.
 *
 * @param files the {@code .files} text, or null for LXC guests (they get none)
 * @param profile the profile as a fresh template instantiation
 */
public record Rendering(Domain domain, boolean running, List<Rule> rules, List<String> warnings, String files,
    String profile) {

  public String name() {
    return domain.profileName();
  }
}
