package guestarmor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One element of the domain XML, immutable. The typed views ({@link Disk}, {@link Chardev}, ...) read
 * from this tree, so a new device family adds a record and its reader, not a field here.
 */
public record Element(String name, Map<String, String> attributes, List<Element> children, String text) {

  public Element {
    attributes = Map.copyOf(attributes);
    children = List.copyOf(children);
  }

  /** The attribute's value, or null when absent. */
  public String attr(String key) {
    return attributes.get(key);
  }

  /** The first child with this name, or null. */
  public Element child(String childName) {
    for (Element c : children) {
      if (c.name.equals(childName)) {
        return c;
      }
    }
    return null;
  }

  /** All children with this name, in document order. */
  public List<Element> children(String childName) {
    List<Element> found = new ArrayList<>();
    for (Element c : children) {
      if (c.name.equals(childName)) {
        found.add(c);
      }
    }
    return found;
  }

  /** The text of the first child with this name, or null when absent or empty. */
  public String childText(String childName) {
    Element c = child(childName);
    return c == null ? null : c.nonEmptyText();
  }

  /**
   * This element's text as written, or null when empty (libvirt treats empty text as missing). Not
   * trimmed: libvirt reads names and paths verbatim (virXPathString), so must we.
   */
  public String nonEmptyText() {
    return text.isEmpty() ? null : text;
  }

  /** The attribute of the first child of that name, or null. */
  public String childAttr(String childName, String key) {
    Element c = child(childName);
    return c == null ? null : c.attr(key);
  }

  public boolean has(String childName) {
    return child(childName) != null;
  }
}
