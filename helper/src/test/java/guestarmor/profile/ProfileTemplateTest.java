package guestarmor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** create_profile (behaviour 3.3, 3.6) with guestarmor's two includes before the closing brace (decisions 3). */
class ProfileTemplateTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  private static String bundled(String file) throws IOException {
    try (InputStream in = ProfileTemplateTest.class.getResourceAsStream("/guestarmor/templates/" + file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theQemuTemplateGetsTheNameAndBothIncludes() throws Exception {
    assertEquals("#\n"
        + "# This profile is for the domain whose UUID matches this file.\n"
        + "#\n"
        + "\n"
        + "#include <tunables/global>\n"
        + "\n"
        + "profile " + NAME + " flags=(attach_disconnected) {\n"
        + "  #include <abstractions/libvirt-qemu>\n"
        + "  #include if exists <libvirt/" + NAME + ".files>\n"
        + "  #include if exists <libvirt/" + NAME + ".local>\n"
        + "}\n", new ProfileTemplate(bundled("TEMPLATE.qemu")).instantiate(NAME, true));
  }

  @Test
  void theLxcTemplateGetsOnlyTheName() throws Exception {
    assertEquals("#\n"
        + "# This profile is for the domain whose UUID matches this file.\n"
        + "#\n"
        + "\n"
        + "#include <tunables/global>\n"
        + "\n"
        + "profile " + NAME + " flags=(attach_disconnected) {\n"
        + "  #include <abstractions/libvirt-lxc>\n"
        + "\n"
        + "  # Globally allows everything to run under this profile\n"
        + "  # These can be narrowed depending on the container's use.\n"
        + "  file,\n"
        + "  capability,\n"
        + "  network,\n"
        + "}\n", new ProfileTemplate(bundled("TEMPLATE.lxc")).instantiate(NAME, false));
  }

  @Test
  void withNestedBlocksTheIncludesGoBeforeTheLastClosingBraceAndNothingIsCut() throws Exception {
    String template = "#include <tunables/global>\n"
        + "profile LIBVIRT_TEMPLATE {\n"
        + "  #include <abstractions/libvirt-qemu>\n"
        + "  ^hat {\n"
        + "    /x r,\n"
        + "}\n"
        + "}\n"
        + "# trailer\n";
    assertEquals("#include <tunables/global>\n"
        + "profile " + NAME + " {\n"
        + "  #include <abstractions/libvirt-qemu>\n"
        + "  ^hat {\n"
        + "    /x r,\n"
        + "}\n"
        + "  #include if exists <libvirt/" + NAME + ".files>\n"
        + "  #include if exists <libvirt/" + NAME + ".local>\n"
        + "}\n"
        + "# trailer\n", new ProfileTemplate(template).instantiate(NAME, true));
  }

  @Test
  void aTemplateWithoutTheProfileLineIsRefused() {
    assertThrows(ProfileTemplate.BadTemplateException.class,
        () -> new ProfileTemplate("#include <tunables/global>\nprofile other {\n}\n").instantiate(NAME, true));
  }

  @Test
  void theProfileLineMustStartALine() {
    assertThrows(ProfileTemplate.BadTemplateException.class,
        () -> new ProfileTemplate("# profile LIBVIRT_TEMPLATE {\n}\n").instantiate(NAME, true));
  }

  @Test
  void aTemplateWithoutAClosingBraceAfterTheProfileLineIsRefused() {
    assertThrows(ProfileTemplate.BadTemplateException.class,
        () -> new ProfileTemplate("x\n}\nprofile LIBVIRT_TEMPLATE {\n  file, }").instantiate(NAME, false));
  }

  @Test
  void theDryRunIncludeLineIsTheElevenXForm() {
    assertEquals("  #include if exists <libvirt/" + NAME + ".files>\n", ProfileTemplate.includeLine(NAME));
  }
}
