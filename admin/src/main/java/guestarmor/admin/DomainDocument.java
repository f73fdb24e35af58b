package guestarmor.admin;

/**
 * A domain's XML as libvirt (or a file) gave it.
 *
 * @param source where it came from, for messages: the domain name or the file
 * @param running whether libvirt reports the domain active (false for a file)
 */
public record DomainDocument(String source, byte[] xml, boolean running) {}
