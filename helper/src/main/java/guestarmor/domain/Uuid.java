package guestarmor.domain;

/** libvirt's liberal UUID syntax (virUUIDParse), formatted back in the canonical lower-case form. */
public final class Uuid {
  private Uuid() {}

  /**
   * Parses as virUUIDParse does: leading blanks, then 32 hex digits where each pair may be preceded
   * by any number of '-' or ' ', then only blanks. Returns "8-4-4-4-12" lower case, or null.
   */
  public static String canonical(String text) {
    int i = 0;
    int n = text.length();
    while (i < n && isBlank(text.charAt(i))) {
      i++;
    }
    StringBuilder hex = new StringBuilder(32);
    while (hex.length() < 32) {
      while (i < n && (text.charAt(i) == '-' || text.charAt(i) == ' ')) {
        i++;
      }
      if (i + 1 >= n || !isHex(text.charAt(i)) || !isHex(text.charAt(i + 1))) {
        return null;
      }
      hex.append(Character.toLowerCase(text.charAt(i))).append(Character.toLowerCase(text.charAt(i + 1)));
      i += 2;
    }
    while (i < n) {
      if (!isBlank(text.charAt(i++))) {
        return null;
      }
    }
    return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
        + hex.substring(16, 20) + '-' + hex.substring(20);
  }

  // C isspace() in the C locale, as virUUIDParse uses: not Java's wider Character.isWhitespace.
  private static boolean isBlank(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
