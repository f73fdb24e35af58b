package guestarmor.admin;

/**
 * One line of {@code audit}.
 *
 * @param domain the domain's name, or null for an orphan
 * @param state {@code running}, {@code shut off}, or null for an orphan
 */
record AuditRow(Status status, String profile, String domain, String state, String detail) {

  enum Status {
    OK, MISSING, STALE, ORPHAN, UNLOADED, ERROR, UNREADABLE;

    String label() {
      return name().toLowerCase();
    }
  }
}
