package guestarmor.admin;

import java.util.Map;

/**
 * One AppArmor audit record from the kernel, whatever log carried it.
 *
 * @param millis the event's time, from {@code audit(SECONDS.MILLIS:SERIAL)}
 * @param id {@code SECONDS.MILLIS:SERIAL}: one event, even when two logs carry it
 * @param verdict {@code DENIED}, or {@code ALLOWED} (complain mode)
 * @param fields every {@code key=value} after the record's {@code audit(...)}: quotes removed, the
 *     kernel's hex encoding (a value with a space, a quote or a control character) decoded
 */
public record AuditLine(long millis, String id, String verdict, Map<String, String> fields) {

  public String field(String key) {
    return fields.get(key);
  }

  public String profile() {
    return fields.get("profile");
  }

  public String operation() {
    return fields.getOrDefault("operation", "");
  }

  /** The path a file operation named, or null (capability, network, signal, ...). */
  public String name() {
    return fields.get("name");
  }

  public String deniedMask() {
    return fields.getOrDefault("denied_mask", fields.getOrDefault("requested_mask", ""));
  }
}
