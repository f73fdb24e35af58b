package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.InputDevice;

/** Host event devices of passthrough and evdev inputs (table row 20): {@code rw}. */
final class InputRules implements RuleSource {

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (InputDevice input : InputDevice.all(domain)) {
      if (input.hostDevice() != null) {
        rules.addPath("input " + input.index(), input.hostDevice(), "rw");
      }
    }
  }
}
