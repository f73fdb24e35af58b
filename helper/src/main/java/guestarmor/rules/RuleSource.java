package guestarmor.rules;

import guestarmor.domain.Domain;

/** One device family's contribution to a guest profile. Adding a device kind adds one of these. */
interface RuleSource {

  /** Adds this family's rules for the domain, in document order. */
  void addRules(Domain domain, RuleCollector rules) throws RefusedPathException;
}
