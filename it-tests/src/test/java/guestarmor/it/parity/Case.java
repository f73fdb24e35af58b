package guestarmor.it.parity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One corpus XML run through both helpers, and where they disagree. */
record Case(String name, Call c, Call ours, Set<Difference> differences) {
  private static final Pattern UUID = Pattern.compile("<uuid>\\s*([^<]*?)\\s*</uuid>");

  static Case run(Path script, Reference ref, Path xml) {
    String name = xml.getFileName().toString().replaceFirst("\\.xml$", "");
    try {
      byte[] bytes = Files.readAllBytes(xml);
      String profile = profileName(new String(bytes, StandardCharsets.UTF_8));
      Call c = Call.cHelper(script, ref, xml, profile);
      Call ours = Call.guestarmor(bytes, profile);
      return new Case(name, c, ours, Difference.between(name, c.result(), ours.result()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * The name libvirtd would pass: libvirt- and the XML's canonical lower-case uuid; a file without a
   * usable uuid gets the all-zero one (both helpers then judge the XML itself).
   */
  static String profileName(String xml) {
    Matcher m = UUID.matcher(xml);
    String hex = m.find() ? m.group(1).replace("-", "").replace(" ", "").toLowerCase() : "";
    if (!hex.matches("[0-9a-f]{32}")) {
      hex = HexFormat.of().formatHex(new byte[16]);
    }
    return "libvirt-" + hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
        + hex.substring(16, 20) + "-" + hex.substring(20);
  }
}
