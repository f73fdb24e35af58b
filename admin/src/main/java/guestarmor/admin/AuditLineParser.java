package guestarmor.admin;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kernel's AppArmor audit records out of a log line, whatever its prefix: the journal's
 * ({@code Dec 02 15:32:14 host kernel: audit: type=1400 audit(...): ...}), dmesg's ({@code [  12.3] audit: ...}),
 * auditd's ({@code type=AVC msg=audit(...): ...}, enriched fields after {@code \x1d} dropped) or none.
 * Keeps {@code apparmor="DENIED"} and {@code apparmor="ALLOWED"}; everything else (STATUS, AUDIT, other
 * messages) is not a denial. Pure: no I/O.
 */
public final class AuditLineParser {
  private static final Pattern STAMP = Pattern.compile("audit\\((\\d+)\\.(\\d{3}):(\\d+)\\):");
  // key=value, the value "quoted" or a bare token (hex-encoded strings, numbers, none)
  private static final Pattern FIELD = Pattern.compile("([a-z_0-9]+)=(\"[^\"]*\"|[^\\s\"]*)");
  // Fields the kernel logs with audit_log_untrustedstring: hex when they hold a space, quote or control byte.
  private static final java.util.Set<String> STRINGS = java.util.Set.of("name", "profile", "comm", "peer", "target",
      "name2", "info", "addr", "peer_addr", "exe", "label", "peer_label");
  private static final Pattern HEX = Pattern.compile("(?:[0-9A-F]{2})+");

  public Optional<AuditLine> parse(String line) {
    int enriched = line.indexOf('\u001d');
    String text = enriched >= 0 ? line.substring(0, enriched) : line;
    Matcher stamp = STAMP.matcher(text);
    if (!stamp.find()) {
      return Optional.empty();
    }
    Map<String, String> fields = fields(text.substring(stamp.end()));
    String verdict = fields.get("apparmor");
    if (!"DENIED".equals(verdict) && !"ALLOWED".equals(verdict)) {
      return Optional.empty();
    }
    long millis = Long.parseLong(stamp.group(1)) * 1000 + Long.parseLong(stamp.group(2));
    String id = stamp.group(1) + "." + stamp.group(2) + ":" + stamp.group(3);
    return Optional.of(new AuditLine(millis, id, verdict, fields));
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new LinkedHashMap<>();
    Matcher m = FIELD.matcher(text);
    while (m.find()) {
      if (m.start() > 0 && !Character.isWhitespace(text.charAt(m.start() - 1))) {
        continue; // inside another value
      }
      String key = m.group(1);
      String raw = m.group(2);
      fields.putIfAbsent(key, value(key, raw));
    }
    return fields;
  }

  private static String value(String key, String raw) {
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (STRINGS.contains(key) && HEX.matcher(raw).matches()) {
      return unhex(raw);
    }
    return raw;
  }

  private static String unhex(String hex) {
    byte[] bytes = new byte[hex.length() / 2];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
