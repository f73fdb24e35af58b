package guestarmor.admin;

/** The part of a {@code .files} text that libvirtd added with {@code -F}, which no render of the XML produces. */
final class AppendedRules {
  // FilesRenderer heads each group with its origin; -F groups are "# -F (hotplug)" (guestarmor.md 3, item 6).
  private static final String APPENDED = "  # -F (hotplug)";

  private AppendedRules() {}

  /**
   * The text without its {@code -F} groups: libvirtd adds the domain and channel directories and the master
   * key with {@code -F} on every start (behaviour spec 2), so a running guest's {@code .files} never equals
   * a fresh render, only its rendered part does.
   */
  static String without(String files) {
    StringBuilder b = new StringBuilder();
    boolean skipping = false;
    for (String line : files.split("\n")) {
      if (line.startsWith("  # ")) {
        skipping = line.equals(APPENDED);
      }
      if (!skipping) {
        b.append(line).append('\n');
      }
    }
    return files.endsWith("\n") || b.isEmpty() ? b.toString() : b.substring(0, b.length() - 1);
  }
}
