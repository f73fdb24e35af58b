package guestarmor.profile;

/**
 * Instantiates {@code TEMPLATE.<driver>} for one guest (virt-aa-helper's {@code create_profile}):
 * the profile name substituted and, for QEMU guests, the includes of the generated rules and of the
 * admin's own {@code .local} overrides put before the closing brace.
 */
public final class ProfileTemplate {
  private static final String NAME_NEEDLE = "\nprofile LIBVIRT_TEMPLATE";
  private static final String CLOSE_NEEDLE = "\n}";

  private final String template;

  public ProfileTemplate(String template) {
    this.template = template;
  }

  /** Thrown when the template lacks the profile line or the closing brace. */
  public static final class BadTemplateException extends Exception {
    private static final long serialVersionUID = 1L;

    BadTemplateException(String message) {
      super(message);
    }
  }

  /**
   * @param withIncludes false for LXC, whose template is complete and gets no {@code .files}
   */
  public String instantiate(String profileName, boolean withIncludes) throws BadTemplateException {
    int name = template.indexOf(NAME_NEEDLE);
    // The last closing brace at line start closes the profile; the C helper took every one and could truncate.
    int close = template.lastIndexOf(CLOSE_NEEDLE);
    if (name < 0 || close < name) {
      throw new BadTemplateException("the template has no 'profile LIBVIRT_TEMPLATE' line and closing brace");
    }
    StringBuilder b = new StringBuilder(template.length() + 200);
    b.append(template, 0, name).append("\nprofile ").append(profileName);
    b.append(template, name + NAME_NEEDLE.length(), close);
    if (withIncludes) {
      b.append("\n  #include if exists <libvirt/").append(profileName).append(".files>");
      b.append("\n  #include if exists <libvirt/").append(profileName).append(".local>");
    }
    b.append(template, close, template.length());
    return b.toString();
  }

  /** The include line the C helper's dry-run prints for a new profile. */
  public static String includeLine(String profileName) {
    return "  #include if exists <libvirt/" + profileName + ".files>\n";
  }
}
