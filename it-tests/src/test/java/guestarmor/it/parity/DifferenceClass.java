package guestarmor.it.parity;

import java.util.Map;

/**
 * Differences too mechanical for one TSV row each: a rule over the whole case, with its reason and the
 * number of cases it must explain per libvirt version (so a change in either helper shows).
 */
enum DifferenceClass {
  /**
   * libvirt's own parser refuses the XML (the C helper parses with libvirt's full validation and says
   * "could not parse XML"), guestarmor accepts it: libvirtd parses and validates every domain before it
   * starts the helper, so such an XML never reaches it; guestarmor does not repeat libvirt's validation.
   */
  REJECTED_BY_LIBVIRTS_PARSER("validation: libvirt's parser rejects the XML (\"could not parse XML\"); libvirtd never"
      + " sends such XML and guestarmor does not repeat libvirt's validation", Map.of("9.0", 38, "11.3", 41));

  private final String reason;
  private final Map<String, Integer> expected;

  DifferenceClass(String reason, Map<String, Integer> expected) {
    this.reason = reason;
    this.expected = expected;
  }

  String reason() {
    return reason;
  }

  int expectedCases(String label) {
    return expected.getOrDefault(label, 0);
  }

  /** The class that explains all of this case's differences, or null. */
  static DifferenceClass of(Case c) {
    boolean rejected = c.c().result().exit() == 1 && c.ours().result().exit() == 0
        && c.c().firstError().equals("could not parse XML") && c.c().result().rules().isEmpty();
    return rejected ? REJECTED_BY_LIBVIRTS_PARSER : null;
  }
}
