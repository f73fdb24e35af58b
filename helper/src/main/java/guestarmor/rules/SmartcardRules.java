package guestarmor.rules;

import guestarmor.domain.Domain;
import guestarmor.domain.Smartcard;
import guestarmor.host.HostFacts;

/**
 * Smartcards (table rows 26-26b): a host card reads the NSS database {@code /etc/pki/nssdb}, a
 * host-certificates card the {@code <database>} directory (same default), both {@code "DB/{,*}" rk};
 * a passthrough card on a unix socket gets the socket {@code rw} (decisions file item 10).
 *
 * <p>The C helper writes the database path unchecked (an injection hole). guestarmor resolves and checks
 * it like any path, with one exception: libvirt's default database {@code /etc/pki/nssdb}, inside
 * restricted {@code /etc/}, may be read, never written. The rest of {@code /etc/pki/} holds private keys
 * (libvirt's TLS key under {@code /etc/pki/libvirt/private/}) and stays refused.
 */
final class SmartcardRules implements RuleSource {
  /** libvirt's VIR_DOMAIN_SMARTCARD_DEFAULT_DATABASE. */
  static final String DEFAULT_DATABASE = "/etc/pki/nssdb";
  private static final String FILES = "/{,*}";

  private final PathPolicy databases;

  SmartcardRules(HostFacts host) {
    this.databases = new PathPolicy(host, RestrictedPaths.libvirt().withReadOnly(DEFAULT_DATABASE + "/"));
  }

  @Override
  public void addRules(Domain domain, RuleCollector rules) throws RefusedPathException {
    for (Smartcard card : Smartcard.all(domain)) {
      String origin = "smartcard " + card.index();
      switch (card.mode()) {
        case "host" -> rules.addFixed(origin, PathPattern.literal(DEFAULT_DATABASE).plusGlob(FILES), "rk");
        case "host-certificates" -> addDatabase(origin, card.database(), rules);
        case "passthrough" -> {
          if (card.socket() != null) {
            rules.addPath(origin, card.socket(), "rw");
          }
        }
        default -> {
          // libvirt knows no other mode
        }
      }
    }
  }

  private void addDatabase(String origin, String database, RuleCollector rules) throws RefusedPathException {
    String given = database == null ? DEFAULT_DATABASE : database;
    // checked as the directory tree it grants, DB/{,*}
    PathPolicy.Resolved db = databases.resolve(origin, given, false, true);
    if (db == null) {
      rules.warn(origin + ": skipped non-absolute database " + given);
      return;
    }
    String dir = db.path().equals("/") ? "" : db.path();
    rules.addFixed(origin, PathPattern.literal(dir).plusGlob(FILES), "rk");
  }
}
