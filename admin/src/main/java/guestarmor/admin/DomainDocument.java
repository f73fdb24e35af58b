package guestarmor.admin;

import guestarmor.domain.Uuid;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A domain's XML as libvirt (or a file) gave it.
 *
 * @param source where it came from, for messages: the domain name or the file
 * @param running whether libvirt reports the domain active (false for a file)
 */
public record DomainDocument(String source, byte[] xml, boolean running) {
  private static final Pattern UUID = Pattern.compile("<uuid>\\s*([0-9a-fA-F-]{32,40})\\s*</uuid>");

  /** The canonical uuid in an XML the reader refused, found by its element alone, or null. */
  static String uuidOf(byte[] xml) {
    Matcher m = UUID.matcher(new String(xml, 0, Math.min(xml.length, 1 << 20), StandardCharsets.UTF_8));
    return m.find() ? Uuid.canonical(m.group(1)) : null;
  }
}
