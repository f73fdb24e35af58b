package guestarmor.admin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --since TIME}, in the forms journalctl takes that every log can be filtered by: a date
 * ({@code 2026-12-02}), a local date and time ({@code 2026-12-02 15:30[:00]}, or with {@code T}), an
 * ISO instant with offset, {@code @EPOCH}, {@code today}, {@code yesterday}, or an age ({@code 30m},
 * {@code -2h}, {@code 1d}, {@code 45s}). Pure: the clock and the zone are given.
 */
public final class SinceTime {
  private static final Pattern AGE = Pattern.compile("-?(\\d+)\\s*(s|sec|m|min|h|d)( ago)?");

  private SinceTime() {}

  public static Instant parse(String text, Instant now, ZoneId zone) throws AdminException {
    String t = text.strip();
    Matcher age = AGE.matcher(t);
    if (age.matches()) {
      long n = Long.parseLong(age.group(1));
      long seconds = switch (age.group(2)) {
        case "s", "sec" -> n;
        case "m", "min" -> n * 60;
        case "h" -> n * 3600;
        default -> n * 86400;
      };
      return now.minusSeconds(seconds);
    }
    if (t.startsWith("@") && t.substring(1).matches("\\d+")) {
      return Instant.ofEpochSecond(Long.parseLong(t.substring(1)));
    }
    if (t.equals("today") || t.equals("yesterday")) {
      LocalDate day = LocalDate.ofInstant(now, zone).minusDays(t.equals("today") ? 0 : 1);
      return day.atStartOfDay(zone).toInstant();
    }
    try {
      if (t.matches("\\d{4}-\\d{2}-\\d{2}")) {
        return LocalDate.parse(t).atStartOfDay(zone).toInstant();
      }
      String iso = t.replace(' ', 'T');
      if (iso.matches(".*T\\d{2}:\\d{2}$")) {
        iso += ":00";
      }
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      return LocalDateTime.parse(iso).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      throw new AdminException("--since: cannot read \"" + text + "\" as a time (2026-12-02 15:30, "
          + "2026-12-02T15:30:00Z, @EPOCH, today, yesterday, 30m, 2h, 1d)");
    }
  }
}
