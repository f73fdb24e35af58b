package guestarmor.domain;

/** The identity checks libvirt's parser and the C helper's raw-XML pass make before any rule. */
final class DomainFields {
  private DomainFields() {}

  static Domain of(Element root) throws DomainXmlException {
    String type = required(root.attr("type"), "<domain type='...'> is not defined");
    String name = required(root.childText("name"), "<name> is missing or empty");
    String uuidText = required(root.childText("uuid"), "<uuid> is missing or empty");
    String uuid = Uuid.canonical(uuidText);
    if (uuid == null) {
      throw new DomainXmlException("<uuid> " + uuidText + " is not a UUID");
    }
    Element os = root.child("os");
    String osType = required(os == null ? null : os.childText("type"), "<os><type> is not defined");
    checkName(name);
    return new Domain(type, name, uuid, id(root.attr("id")), osType, root);
  }

  // libvirt refuses '/' in names (virDomainDefPostParseCheckFeatures); control characters would
  // break the profile's line structure, so guestarmor refuses them too (decisions file, item 1).
  private static void checkName(String name) throws DomainXmlException {
    if (name.indexOf('/') >= 0) {
      throw new DomainXmlException("<name> " + name + " must not contain '/'");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw new DomainXmlException("<name> must not contain control characters");
      }
    }
  }

  private static int id(String text) throws DomainXmlException {
    if (text == null || text.isBlank()) {
      return -1;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new DomainXmlException("<domain id='" + text + "'> is not a number");
    }
  }

  private static String required(String value, String message) throws DomainXmlException {
    if (value == null || value.isEmpty()) {
      throw new DomainXmlException(message);
    }
    return value;
  }
}
