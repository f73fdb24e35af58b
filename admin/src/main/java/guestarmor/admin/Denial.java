package guestarmor.admin;

/**
 * The same refusal seen {@code count} times: one profile, verdict, kind of access, target and mask.
 *
 * @param uuid the guest's uuid for a {@code libvirt-<uuid>} profile (or a child of it), null for the helper's
 * @param target the path, {@code capability NAME}, {@code network FAMILY TYPE}, ... as printed
 * @param mask the denied mask, as the kernel wrote it
 * @param latest the newest of the records, whose fields the explanation reads
 */
public record Denial(String profile, String uuid, String verdict, String operation, String target, String mask,
    int count, long firstMillis, AuditLine latest) {

  public long lastMillis() {
    return latest.millis();
  }

  Denial plus(AuditLine line) {
    boolean newer = line.millis() >= latest.millis();
    return new Denial(profile, uuid, verdict, operation, target, mask, count + 1,
        Math.min(firstMillis, line.millis()), newer ? line : latest);
  }
}
