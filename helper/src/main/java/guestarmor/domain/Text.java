package guestarmor.domain;

/** Attribute text as libvirt reads it: an empty attribute counts as absent. */
final class Text {
  private Text() {}

  static String nonEmpty(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
