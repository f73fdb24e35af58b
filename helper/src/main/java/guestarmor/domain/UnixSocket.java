package guestarmor.domain;

/** The unix socket path of a chardev-style {@code <source type='unix' path=...>} or {@code type='unix'} device. */
final class UnixSocket {
  private UnixSocket() {}

  /** {@code <source path>} of the element when its socket type is unix, else null (tcp, spicevmc, ...). */
  static String path(Element e, String socketType) {
    if (!"unix".equals(socketType)) {
      return null;
    }
    return Text.nonEmpty(e.childAttr("source", "path"));
  }
}
