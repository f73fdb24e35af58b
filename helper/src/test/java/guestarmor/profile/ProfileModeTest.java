package guestarmor.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The complain flag on the profile header, every other flag and line kept (decisions file, complain mode). */
class ProfileModeTest {
  private static final String NAME = "libvirt-6b1a7e2c-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final String BODY = " {\n  #include <abstractions/libvirt-qemu>\n}\n";

  private static String qemuProfile() throws Exception {
    try (InputStream in = ProfileModeTest.class.getResourceAsStream("/guestarmor/templates/TEMPLATE.qemu")) {
      return new ProfileTemplate(new String(in.readAllBytes(), StandardCharsets.UTF_8)).instantiate(NAME, true);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void complainIsAddedBesideTheTemplatesFlagAndNothingElseChanges() throws Exception {
    String enforce = qemuProfile();
    String complain = ProfileMode.COMPLAIN.applyTo(enforce, NAME);
    assertEquals(enforce.replace("flags=(attach_disconnected) {", "flags=(attach_disconnected, complain) {"), complain);
    assertEquals(ProfileMode.COMPLAIN, ProfileMode.of(complain, NAME));
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of(enforce, NAME));
  }

  @Test
  void enforceTakesTheFlagAwayAgainGivingBackTheTemplatesBytes() throws Exception {
    String enforce = qemuProfile();
    assertEquals(enforce, ProfileMode.ENFORCE.applyTo(ProfileMode.COMPLAIN.applyTo(enforce, NAME), NAME));
  }

  @Test
  void aProfileAlreadyInTheModeIsReturnedAsItIs() throws Exception {
    String enforce = qemuProfile();
    assertSame(enforce, ProfileMode.ENFORCE.applyTo(enforce, NAME));
  }

  @Test
  void aHeaderWithoutFlagsGetsOneAndLosesItWhole() {
    String plain = "profile " + NAME + BODY;
    String complain = ProfileMode.COMPLAIN.applyTo(plain, NAME);
    assertEquals("profile " + NAME + " flags=(complain)" + BODY, complain);
    assertEquals(plain, ProfileMode.ENFORCE.applyTo(complain, NAME));
  }

  @Test
  void aFlagListWrittenByAaComplainIsRead() {
    String byHand = "#include <tunables/global>\nprofile " + NAME + " flags=(complain,attach_disconnected)" + BODY;
    assertEquals(ProfileMode.COMPLAIN, ProfileMode.of(byHand, NAME));
    assertEquals("#include <tunables/global>\nprofile " + NAME + " flags=(attach_disconnected)" + BODY,
        ProfileMode.ENFORCE.applyTo(byHand, NAME));
  }

  @Test
  void onlyTheGuestsOwnHeaderCountsNotACommentOrAnotherProfile() {
    String text = "# profile " + NAME + " flags=(complain) {\nprofile " + NAME + "-other flags=(complain) {\n}\n"
        + "profile " + NAME + BODY;
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of(text, NAME));
    assertEquals(text.replace("profile " + NAME + " {", "profile " + NAME + " flags=(complain) {"),
        ProfileMode.COMPLAIN.applyTo(text, NAME));
  }

  @Test
  void aTextWithoutTheHeaderCannotTakeAMode() {
    assertNull(ProfileMode.COMPLAIN.applyTo("profile\n", NAME));
    assertEquals(ProfileMode.ENFORCE, ProfileMode.of("profile\n", NAME));
  }
}
