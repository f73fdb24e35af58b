package guestarmor.admin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the records of guest profiles ({@code libvirt-<uuid>}, and their children {@code //...}) and of
 * the helper's own ({@code virt-aa-helper}) into {@link Denial}s: each event once (two logs may carry it),
 * one entry per profile, verdict, target and mask, counted, newest first. Pure: no I/O.
 */
public final class DenialLog {
  public static final String HELPER_PROFILE = "virt-aa-helper";
  private static final Pattern GUEST = Pattern.compile(
      "libvirt-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(//.*)?");

  private final AuditLineParser parser = new AuditLineParser();
  private final long sinceMillis;
  private final String onlyUuid;
  private final Set<String> seen = new HashSet<>();
  private final Map<String, Denial> byKey = new LinkedHashMap<>();
  private int records;

  /**
   * @param sinceMillis records older than this are left out (0: none)
   * @param onlyUuid keep only this guest's records, or null for every guest's and the helper's
   */
  public DenialLog(long sinceMillis, String onlyUuid) {
    this.sinceMillis = sinceMillis;
    this.onlyUuid = onlyUuid;
  }

  /** The guest uuid a profile name belongs to, or null when it is no guest's. */
  public static String uuidOf(String profile) {
    Matcher m = profile == null ? null : GUEST.matcher(profile);
    return m != null && m.matches() ? m.group(1) : null;
  }

  /** Takes one log line; returns the entry it counted towards, or empty when the line is none of ours. */
  public Optional<Denial> add(String logLine) {
    Optional<AuditLine> parsed = parser.parse(logLine);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    AuditLine line = parsed.get();
    String uuid = uuidOf(line.profile());
    boolean helper = HELPER_PROFILE.equals(line.profile());
    if ((uuid == null && !helper) || (onlyUuid != null && !onlyUuid.equals(uuid)) || line.millis() < sinceMillis
        || !seen.add(line.id())) {
      return Optional.empty();
    }
    records++;
    String target = target(line);
    String key = String.join("\u0000", line.profile(), line.verdict(), line.operation(), target, line.deniedMask());
    Denial d = byKey.get(key);
    d = d == null ? new Denial(line.profile(), uuid, line.verdict(), line.operation(), target, line.deniedMask(), 1,
        line.millis(), line) : d.plus(line);
    byKey.put(key, d);
    return Optional.of(d);
  }

  /** How many records were kept (after removing the same event seen twice). */
  public int records() {
    return records;
  }

  /** The entries, the most recently seen first. */
  public List<Denial> newestFirst() {
    List<Denial> list = new ArrayList<>(byKey.values());
    list.sort(Comparator.comparingLong(Denial::lastMillis).reversed());
    return list;
  }

  /** What was refused, as printed: a path, or the kind of access for records that name none. */
  static String target(AuditLine l) {
    if (l.field("capname") != null) {
      return "capability " + l.field("capname");
    }
    if (l.field("family") != null) {
      String peer = l.field("peer_addr") != null ? " peer " + l.field("peer_addr") : "";
      return "network " + l.field("family") + " " + l.fields().getOrDefault("sock_type", "") + peer;
    }
    if (l.name() != null) {
      return l.name();
    }
    if (l.field("signal") != null) {
      return "signal " + l.field("signal") + " peer " + l.fields().getOrDefault("peer", "?");
    }
    return l.operation() + (l.field("peer") != null ? " peer " + l.field("peer") : "");
  }
}
